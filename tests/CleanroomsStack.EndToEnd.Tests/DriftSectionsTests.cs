using System.Text.Json;
using CleanroomsStack.Emulator.Worlds;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// The drift report keeps apart what someone changed outside the config (drift), what the config asks for that doesn't
/// exist yet (pending work) and invitations the config doesn't cover (new invitations), each with what to do; only drift
/// makes it exit 2.
/// </summary>
public sealed class DriftSectionsTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Fact]
    public async Task DriftPendingWorkAndNewInvitationsAreSeparateSectionsEachWithWhatToDo()
    {
        await DriftPendingWorkAndNewInvitationsAsync();

        var text = await cli.RunLocalAsync("drift");
        var markdown = await cli.RunLocalAsync("drift", "--markdown");
        var json = await cli.RunLocalAsync("drift", "--json");

        Assert.Equal(2, text.ExitCode);
        var drift = Section(text.Out, "Drift:", "Pending work:");
        Assert.Contains("acx_part_age]/analysis-rule[CUSTOM]", drift);
        Assert.Contains("To do: run `cleanrooms-stack up`", drift);
        var pending = Section(text.Out, "Pending work:", "New invitations:");
        Assert.Contains("+  table-association[acx_part_zip4]", pending);
        Assert.Contains("To do: nothing is wrong; the next `up` creates them", pending);
        var invitations = Section(text.Out, "New invitations:", "Drift detected");
        Assert.Contains($"Retail Media Collaboration  {DemoWorld.RetailCollaborationId}  Retail Media Partner (657425294073)  2025-01-03", invitations);
        Assert.Contains(DemoWorld.MeasurementCollaborationId, invitations);
        Assert.DoesNotContain(DemoWorld.AmcCollaborationId, invitations);
        Assert.Contains("`cleanrooms-stack add ID`", invitations);
        Assert.Contains($"| Retail Media Collaboration | {DemoWorld.RetailCollaborationId} | Retail Media Partner (657425294073) | 2025-01-03 |", markdown.Out);
        Assert.Equal(2, json.ExitCode);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal([DemoWorld.RetailCollaborationId, DemoWorld.MeasurementCollaborationId],
            document.RootElement.GetProperty("newInvitations").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task NewInvitationsAloneAreNotDrift()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);

        var drift = await cli.RunLocalAsync("drift");

        Assert.Equal(0, drift.ExitCode);
        Assert.Contains(DemoWorld.RetailCollaborationId, Section(drift.Out, "New invitations:", "No drift."));
    }

    /// <summary>After up: someone narrows a rule (drift), the config now selects three more tables (pending work); two invitations are new.</summary>
    private async Task DriftPendingWorkAndNewInvitationsAsync()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        File.WriteAllText(cli.ConfigPath, File.ReadAllText(cli.ConfigPath).Replace("max: 25", "max: 28", StringComparison.Ordinal));
        await cli.ChangeOutOfBandAsync(async api =>
        {
            var membership = (await api.ListMembershipsAsync("ACTIVE", default)).Single();
            var association = (await api.ListConfiguredTableAssociationsAsync(membership.Id, default)).Single(a => a.Name == "acx_part_age");
            var policy = new AnalysisRulePolicy(new AnalysisRulePolicyV1(Custom: new AnalysisRulePolicyVariant(["921290734397"], [])));
            await api.UpdateConfiguredTableAssociationAnalysisRuleAsync(new UpdateAnalysisRuleRequest(membership.Id, association.Id, "CUSTOM", policy), default);
        });
    }

    private static string Section(string output, string from, string to)
    {
        var start = output.IndexOf(from, StringComparison.Ordinal);
        var end = output.IndexOf(to, start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"no section '{from}' before '{to}' in:\n{output}");
        return output[start..end];
    }

    public void Dispose() => cli.Dispose();
}
