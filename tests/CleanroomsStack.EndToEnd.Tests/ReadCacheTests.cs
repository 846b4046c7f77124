using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CleanroomsStack.Emulator.Worlds;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// <c>--read-cache &lt;dir&gt;</c> through the CLI against the embedded emulator: a warm preview lists instead of getting,
/// what changed in the console is still planned, and a cache file that can't be used costs Gets, never the run.
/// The AWS calls are counted in the --verbose log.
/// </summary>
public sealed class ReadCacheTests : IDisposable
{
    private static readonly string[] CachedGets = ["GetMembership", "GetConfiguredTableAssociation", "GetIdNamespaceAssociation"];
    private readonly CliHarness cli = new();

    private string CacheDir => Path.Combine(cli.Folder, "cache");

    private string CacheFile => Path.Combine(CacheDir, "read-cache.json");

    [Fact]
    public async Task A_warm_preview_gets_nothing_and_still_plans_what_changed_in_the_console()
    {
        await UpAsync();
        var cold = await PreviewAsync();
        Assert.Equal([1, 25, 1], CachedGets.Select(op => Calls(cold, op)));

        var warm = await PreviewAsync();
        Assert.Contains("No changes", warm.Out);
        Assert.Equal([0, 0, 0], CachedGets.Select(op => Calls(warm, op)));
        Assert.Equal(1, Calls(warm, "ListMemberships"));

        await cli.ChangeOutOfBandAsync(async api =>
        {
            var membership = (await api.ListMembershipsAsync("ACTIVE", default)).Single();
            var association = (await api.ListConfiguredTableAssociationsAsync(membership.Id, default)).Single(a => a.Name == "acx_part_age");
            await api.UpdateConfiguredTableAssociationAsync(new UpdateConfiguredTableAssociationRequest(membership.Id, association.Id,
                RoleArn: $"arn:aws:iam::{DemoWorld.OurAccount}:role/someone-elses"), default);
            await api.UpdateMembershipAsync(new UpdateMembershipRequest(membership.Id, QueryLogStatus: "DISABLED"), default);
        });
        var changed = await PreviewAsync();

        Assert.Contains("0 to create, 2 to update", changed.Out);
        Assert.Contains("someone-elses", changed.Out);
        Assert.Contains("DISABLED", changed.Out);
        Assert.Equal([1, 1, 0], CachedGets.Select(op => Calls(changed, op)));
    }

    [Fact]
    public async Task After_up_with_the_read_cache_the_first_preview_gets_nothing_up_created()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes", "--read-cache", CacheDir)).ExitCode);

        var preview = await PreviewAsync();

        Assert.Contains("No changes", preview.Out);
        Assert.Equal([0, 0, 0], CachedGets.Select(op => Calls(preview, op)));
    }

    [Fact]
    public async Task A_corrupt_cache_file_gives_one_warning_line_and_the_right_plan()
    {
        await UpAsync();
        Directory.CreateDirectory(CacheDir);
        File.WriteAllText(CacheFile, "{\"formatVersion\": 1, \"entries\": {\"arn:x\": {\"updateTime\": \"not a time\"");

        var preview = await PreviewAsync();

        Assert.True(preview.ExitCode == 0, preview.ToString());
        Assert.Contains("No changes", preview.Out);
        var warning = Assert.Single(preview.Error.Split('\n'), l => l.Contains("read cache"));
        Assert.StartsWith($"warning: ignoring the read cache '{CacheFile}' (it is corrupt at $.entries", warning);
        Assert.EndsWith("); reading everything from AWS.", warning);
        Assert.DoesNotContain("   at ", preview.Error);
        Assert.Equal(25, Calls(preview, "GetConfiguredTableAssociation"));
        // The successful read replaced it with a good one.
        Assert.Equal(0, Calls(await PreviewAsync(), "GetConfiguredTableAssociation"));
    }

    [Fact]
    public async Task The_cache_file_holds_only_resources_this_run_saw_and_no_secret()
    {
        await UpAsync();
        await PreviewAsync();
        var file = JsonNode.Parse(File.ReadAllText(CacheFile))!;
        file["entries"]!["arn:aws:cleanrooms:us-east-1:239083076653:membership/gone"] = file["entries"]!.AsObject().First().Value!.DeepClone();
        File.WriteAllText(CacheFile, file.ToJsonString());

        await PreviewAsync();

        var text = File.ReadAllText(CacheFile);
        var entries = JsonNode.Parse(text)!["entries"]!.AsObject();
        Assert.Equal(1, JsonNode.Parse(text)!["formatVersion"]!.GetValue<int>());
        Assert.Equal(27, entries.Count); // the membership, 25 table associations, 1 ID namespace association
        Assert.DoesNotContain("membership/gone", text);
        Assert.DoesNotContain("demo-secret-", text);
        Assert.DoesNotContain("AKIA", text);
    }

    private async Task UpAsync() => Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);

    private Task<CliResult> PreviewAsync() => cli.RunLocalAsync("preview", "--verbose", "--no-color", "--read-cache", CacheDir);

    /// <summary>Calls of one operation in the --verbose log (one line per attempt; the emulator injects no faults here).</summary>
    private static int Calls(CliResult run, string operation) =>
        Regex.Matches(run.Error, $@"^aws [a-z]+\.{operation} attempt", RegexOptions.Multiline).Count;

    public void Dispose() => cli.Dispose();
}
