using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// The planning scenarios of the behavioural spec, each against the emulator through the CLI: set the scene, `up`,
/// then the plan must be empty (or, where the tool refuses, show exactly the refused intent and change nothing).
/// </summary>
public sealed class ScenarioConvergenceTests : IDisposable
{
    private const string Amc = "27b93e2b-5001-4b20-a47b-6aad96ec8958";
    private const string Retail = "5c0d9a1e-2f43-4b6e-9a7d-3e1f8b2c4d60";
    private const string Measurement = "8e4f2a6b-7c19-4d3e-b5a0-9f6e1d2c3b47";
    private readonly CliHarness cli = new();

    [Fact]
    public async Task ATableAddedAndOneExcludedConverge()
    {
        await UpAsync();
        EditConfig("exclude: [part_n_a, part_n_a_a]", "exclude: [part_n_a, part_n_a_a, part_age]");

        var preview = await cli.RunLocalAsync("preview");

        Assert.Contains("-  table-association[acx_part_age]", preview.Out);
        Assert.Contains("+  table-association[acx_part_presence_of_children]", preview.Out);
        await AssertConvergesAsync();
    }

    [Fact]
    public async Task AChangedNameTemplateUnderAFullQuotaReplacesEverythingAndConverges()
    {
        await UpAsync();
        EditConfig("nameTemplate: \"acx_{table}\"", "nameTemplate: \"cr_{table}\"");

        Assert.Contains("25 to replace", (await cli.RunLocalAsync("preview")).Out);
        await AssertConvergesAsync();
        var names = await AssociationNamesAsync();
        Assert.Contains("cr_part_age", names);
        Assert.DoesNotContain("acx_", names);
    }

    [Fact]
    public async Task MoreMatchingTablesThanMaxWithOnExceedErrorIsRefusedBeforeAnyWrite()
    {
        EditConfig("max: 25", "max: 25\n    onExceed: error");

        var up = await cli.RunLocalAsync("up", "--yes");

        Assert.Equal(1, up.ExitCode);
        Assert.Contains("CS208", up.Error + up.Out);
        Assert.Empty(await MembershipsAsync());
    }

    [Fact]
    public async Task AMembershipAcceptedOutsideTheToolIsAdoptedNotRecreated()
    {
        await cli.ChangeOutOfBandAsync(api => api.CreateMembershipAsync(new CreateMembershipRequest(Amc, "ENABLED"), default));

        var preview = await cli.RunLocalAsync("preview");

        Assert.DoesNotContain("+  membership", preview.Out);
        await AssertConvergesAsync();
        Assert.Single(await MembershipsAsync());
    }

    [Fact]
    public async Task AssociationsNamedByTableIdAreReplacedByCorrectlyNamedOnes()
    {
        await UpAsync();
        await cli.ChangeOutOfBandAsync(async api =>
        {
            var membership = (await api.ListMembershipsAsync("ACTIVE", default)).Single();
            var association = (await api.ListConfiguredTableAssociationsAsync(membership.Id, default)).Single(a => a.Name == "acx_part_age");
            await api.DeleteConfiguredTableAssociationAnalysisRuleAsync(membership.Id, association.Id, "CUSTOM", default);
            await api.DeleteConfiguredTableAssociationAsync(membership.Id, association.Id, default);
            await api.CreateConfiguredTableAssociationAsync(new CreateConfiguredTableAssociationRequest(membership.Id,
                association.ConfiguredTableId, association.ConfiguredTableId, "arn:aws:iam::239083076653:role/cleanrooms-glue-s3-access"), default);
        });

        Assert.Contains("+- table-association[acx_part_age]", (await cli.RunLocalAsync("preview")).Out);
        await AssertConvergesAsync();
        Assert.Contains("acx_part_age", await AssociationNamesAsync());
    }

    [Fact]
    public async Task AnUnmanagedAssociationIsReportedAndNeverChanged()
    {
        EditConfig("max: 25", "max: 24"); // leave room under the quota of 25 for the hand-made association
        await UpAsync();
        await cli.ChangeOutOfBandAsync(async api =>
        {
            var membership = (await api.ListMembershipsAsync("ACTIVE", default)).Single();
            var households = (await api.ListConfiguredTablesAsync(default)).Single(t => t.Name == "households");
            await api.CreateConfiguredTableAssociationAsync(new CreateConfiguredTableAssociationRequest(membership.Id, "hh_manual",
                households.Id, "arn:aws:iam::239083076653:role/other"), default);
        });

        var preview = await cli.RunLocalAsync("preview", "--detailed-exitcode");

        Assert.Equal(0, preview.ExitCode);
        Assert.Contains("? table-association[hh_manual]", preview.Out);
        Assert.Contains("1 unmanaged", preview.Out);
        await AssertConvergesAsync();
        Assert.Contains("hh_manual", await AssociationNamesAsync());
    }

    [Fact]
    public async Task StateLeftIsRefusedWithoutAllowLeaveAndAppliedWithIt()
    {
        await UpAsync();
        EditConfig("note: Primary AMC collaboration", "note: Primary AMC collaboration\n    state: left");

        var refused = await cli.RunLocalAsync("up", "--yes");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("CS211", refused.Out + refused.Error);
        Assert.Single(await MembershipsAsync("ACTIVE"));

        var left = await cli.RunLocalAsync("up", "--yes", "--allow-leave", Amc);
        Assert.True(left.ExitCode == 0, left.ToString());
        Assert.Empty(await MembershipsAsync("ACTIVE"));
        var again = await cli.RunLocalAsync("preview", "--detailed-exitcode");
        Assert.Equal(0, again.ExitCode);
    }

    [Fact]
    public async Task ACollaborationDeletedByItsCreatorIsReportedAndNeverRejoined()
    {
        await UpAsync();
        await cli.SendAsAsync("921290734397", "cleanrooms", HttpMethod.Delete, $"/collaborations/{Amc}");

        var preview = await cli.RunLocalAsync("preview", "--detailed-exitcode");

        Assert.True(preview.ExitCode == 0, preview.ToString());
        Assert.Contains("CS202", preview.Out + preview.Error);
        Assert.DoesNotContain("+  membership", preview.Out);
    }

    [Fact]
    public async Task AChangedIdNamespaceArnReplacesTheAssociationAndConverges()
    {
        await UpAsync();
        await cli.SendAsAsync("239083076653", "entityresolution", HttpMethod.Post, "/idnamespaces",
            """{"idNamespaceName":"ACXIdNamespaceV2","type":"SOURCE"}""");
        EditConfig("idnamespace/ACXIdNamespace", "idnamespace/ACXIdNamespaceV2");

        Assert.Contains("+- id-namespace-association[ACXIdNamespace]", (await cli.RunLocalAsync("preview")).Out);
        await AssertConvergesAsync();
    }

    [Fact]
    public async Task APaymentConfigurationThatDoesNotMatchTheCreatorsAssignmentStopsBeforeAnyCall()
    {
        EditConfig("    queryLogStatus: ENABLED", "    queryLogStatus: ENABLED\n    paymentConfiguration: { queryCompute: true }");

        var up = await cli.RunLocalAsync("up", "--yes");

        Assert.Equal(1, up.ExitCode);
        Assert.Contains("CS213", up.Out + up.Error);
        Assert.Empty(await MembershipsAsync());
    }

    [Fact]
    public async Task AnInvitationPolicyAcceptsOneOfTwoPendingInvitations()
    {
        EditConfig("collaborations:", "invitations:\n  rules:\n    - creatorAccountIds: [\"657425294073\"]\n\ncollaborations:");

        var preview = await cli.RunLocalAsync("preview");

        Assert.Contains($"({Retail})", preview.Out);
        Assert.DoesNotContain($"({Measurement})", preview.Out);
        await AssertConvergesAsync();
        Assert.Equal(2, (await MembershipsAsync("ACTIVE")).Count);
    }

    private async Task UpAsync()
    {
        var up = await cli.RunLocalAsync("up", "--yes");
        Assert.True(up.ExitCode == 0, up.ToString());
    }

    /// <summary>Apply, then the plan must be empty.</summary>
    private async Task AssertConvergesAsync()
    {
        var up = await cli.RunLocalAsync("up", "--yes");
        Assert.True(up.ExitCode == 0, up.ToString());
        var after = await cli.RunLocalAsync("preview", "--detailed-exitcode");
        Assert.True(after.ExitCode == 0, after.ToString());
    }

    private void EditConfig(string from, string to)
    {
        var text = File.ReadAllText(cli.ConfigPath);
        Assert.Contains(from, text);
        File.WriteAllText(cli.ConfigPath, text.Replace(from, to));
    }

    private async Task<IReadOnlyList<MembershipSummary>> MembershipsAsync(string? status = null)
    {
        IReadOnlyList<MembershipSummary> memberships = [];
        await cli.ChangeOutOfBandAsync(async api => memberships = await api.ListMembershipsAsync(status, default));
        return memberships;
    }

    private async Task<string> AssociationNamesAsync()
    {
        var names = "";
        await cli.ChangeOutOfBandAsync(async api =>
        {
            var membership = (await api.ListMembershipsAsync("ACTIVE", default)).Single();
            names = string.Join(",", (await api.ListConfiguredTableAssociationsAsync(membership.Id, default)).Select(a => a.Name));
        });
        return names;
    }

    public void Dispose() => cli.Dispose();
}
