using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.IdMappingTable;
using CleanroomsStack.Core.Tests.Config;
using CleanroomsStack.Core.Tests.Fixtures;
using static CleanroomsStack.Core.Tests.Fixtures.DemoWorld;

namespace CleanroomsStack.Core.Tests.Planning;

public class IdMappingTableTests
{
    public const string WorkflowArn = "arn:aws:entityresolution:us-east-1:239083076653:idmappingworkflow/acx-to-amc";

    public static readonly string Configured = TeamConfig.WithOverrides($"""
            idMappingTables:
              - name: acx_amc_ids
                workflowArn: {WorkflowArn}
                description: ACX to AMC identifiers
        """);

    private static readonly Resources.Membership.MembershipState Applied = DemoWorld.Applied(Scenario.Desired(Configured).Collaborations[0]);
    private const string Address = $"membership[{AmcCollaborationId}]/id-mapping-table[acx_amc_ids]";

    private static IdMappingTableChange Change(Plan plan) => Assert.Single(plan.Changes.OfKind<IdMappingTableChange>());

    [Fact]
    public void Configured_table_is_created_with_its_workflow()
    {
        var change = Change(Scenario.Plan(Configured, new LiveState([])));
        Assert.Equal((ChangeAction.Create, Address), (change.Action, change.Address.ToString()));
        Assert.Equal(WorkflowArn, change.Desired!.InputReferenceArn);
        Assert.True(change.Desired.ManageResourcePolicies);
    }

    [Fact]
    public void Applied_table_is_unchanged()
    {
        Assert.Equal(ChangeAction.NoOp, Change(Scenario.Plan(Configured, new LiveState([Applied]))).Action);
    }

    [Fact]
    public void Description_updates_in_place_and_workflow_replaces()
    {
        var described = Applied.WithIdMappingTables([Applied.IdMappingTables[0] with { Description = "old" }]);
        Assert.Equal(ChangeAction.Update, Change(Scenario.Plan(Configured, new LiveState([described]))).Action);
        var moved = Applied.WithIdMappingTables([Applied.IdMappingTables[0] with { InputReferenceArn = WorkflowArn + "-v0" }]);
        var change = Change(Scenario.Plan(Configured, new LiveState([moved])));
        Assert.Equal((ChangeAction.Replace, ReplacementOrder.DeleteFirst), (change.Action, change.Order));
        Assert.Contains("reuses the old one's name", change.Reason);
    }

    [Fact]
    public void Unlisted_table_is_unmanaged()
    {
        var plan = Scenario.Plan(TeamConfig.Yaml, new LiveState([Applied]));
        Assert.False(plan.HasChanges);
        Assert.Equal(Address, Assert.Single(plan.Collaborations[0].Unmanaged).Address.ToString());
    }

    [Fact]
    public void Leaving_deletes_the_table_too()
    {
        var plan = Scenario.Plan(Configured + "\n    state: left", new LiveState([Applied]), InventoryWith(AmcInvitation("ACTIVE", Applied.Id)),
            new PlanOptions(new HashSet<string> { AmcCollaborationId }));
        Assert.Equal(ChangeAction.Delete, Change(plan).Action);
    }

    [Fact]
    public void Workflow_arn_is_validated()
    {
        var error = ConfigText.SingleError(Configured.Replace("idmappingworkflow/", "idnamespace/"));
        Assert.Equal((DiagnosticCodes.InvalidArn, 25, 22), (error.Code, error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void Table_names_must_be_unique()
    {
        var twice = Configured + $"\n      - name: ACX_AMC_IDS\n        workflowArn: {WorkflowArn}";
        Assert.Equal(DiagnosticCodes.DuplicateEntry, ConfigText.SingleError(twice).Code);
    }
}
