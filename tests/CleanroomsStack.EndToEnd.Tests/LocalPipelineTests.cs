using System.Text.RegularExpressions;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// The whole pipeline through the CLI's composition root against the embedded emulator over signed HTTP:
/// config → inventory → desired state → live state → plan → apply, then the plan again.
/// </summary>
public sealed class LocalPipelineTests : IDisposable
{
    private const string AmcCollaborationId = "27b93e2b-5001-4b20-a47b-6aad96ec8958";
    private const string RetailCollaborationId = "5c0d9a1e-2f43-4b6e-9a7d-3e1f8b2c4d60";
    private readonly CliHarness cli = new();

    [Fact]
    public async Task UpAcceptsTheAmcInvitationAssociatesEverythingAndThenPlansNothing()
    {
        var up = await cli.RunLocalAsync("up", "--yes");

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Contains("accept invitation from AMC (921290734397)", up.Out);
        var associations = CreatedAddresses(up.Out, "table-association");
        Assert.Equal(25, associations.Count);
        Assert.All(associations, a => Assert.StartsWith("acx_part_", a));
        Assert.DoesNotContain("acx_part_n_a", associations);
        Assert.Equal(25, CreatedAddresses(up.Out, "analysis-rule").Count);
        Assert.Single(CreatedAddresses(up.Out, "id-namespace-association"));
        foreach (var leftOut in new[] { "part_presence_of_children", "part_religion", "part_zip4" })
        {
            Assert.Contains(leftOut, up.Out);
            Assert.DoesNotContain($"acx_{leftOut}", associations);
        }
        Assert.Matches(@"Apply complete: 52 succeeded, 0 failed, 0 skipped", up.Out);

        var preview = await cli.RunLocalAsync("preview");

        Assert.True(preview.ExitCode == 0, preview.ToString());
        Assert.Contains("No changes", preview.Out);
        Assert.Empty(CreatedAddresses(preview.Out, "table-association"));
    }

    [Fact]
    public async Task AddingACollaborationWithAPendingInvitationPlansExactlyItsCreates()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        File.AppendAllText(cli.ConfigPath, $"""

              - name: Retail Media Collaboration
                id: {RetailCollaborationId}
            """);

        var preview = await cli.RunLocalAsync("preview");

        Assert.True(preview.ExitCode == 0, preview.ToString());
        Assert.Contains("accept invitation from Retail Media Partner (657425294073)", preview.Out);
        Assert.Contains("52 to create, 0 to update, 0 to replace, 0 to delete", preview.Out);
        Assert.Equal(52, CreatedAddresses(preview.Out, "table-association").Count + CreatedAddresses(preview.Out, "analysis-rule").Count
                         + CreatedAddresses(preview.Out, "id-namespace-association").Count + CreatedAddresses(preview.Out, "membership").Count);
        Assert.Matches($@"AMC Collaboration \({AmcCollaborationId}\): membership [0-9a-f-]{{36}}\s+\(52 unchanged\)", preview.Out);
    }

    [Fact]
    public async Task ABrokenConfigStopsBeforeAnyApiCallAndNamesFileLineAndColumn()
    {
        var lines = File.ReadAllLines(cli.ConfigPath).ToList();
        var idLine = lines.FindIndex(l => l.TrimStart().StartsWith("id: 27b93e2b", StringComparison.Ordinal));
        lines[idLine] = lines[idLine].Replace(AmcCollaborationId, "not-a-uuid");
        File.WriteAllLines(cli.ConfigPath, lines);
        var column = lines[idLine].IndexOf("not-a-uuid", StringComparison.Ordinal) + 1;

        var preview = await cli.RunLocalAsync("preview");

        Assert.Equal(1, preview.ExitCode);
        Assert.Contains($"collaborations.yaml:{idLine + 1}:{column}", preview.Error);
        Assert.DoesNotContain("Exception", preview.Error + preview.Out);
        // The embedded emulator is only started after the config is valid, so its state folder never appears.
        Assert.False(File.Exists(cli.StateFile), "the emulator was started although the config was invalid");
    }

    /// <summary>Names of the resources of one kind the plan text shows as created ("  +  [parent/]kind[name]").</summary>
    private static List<string> CreatedAddresses(string output, string kind) =>
        Regex.Matches(output, $@"^  \+  (?:\S+/)?{Regex.Escape(kind)}(?:\[([^\]]+)\])?\r?$", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).ToList();

    public void Dispose() => cli.Dispose();
}
