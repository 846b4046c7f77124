using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Tests.Fixtures;
using static CleanroomsStack.Core.Tests.Fixtures.DemoWorld;

namespace CleanroomsStack.Core.Tests.Planning;

public class LeavePlannerTests
{
    private static readonly Resources.Membership.MembershipState Applied = DemoWorld.Applied(Scenario.Desired(TeamConfig.Yaml).Collaborations[0]);
    private static readonly string LeaveYaml = TeamConfig.WithOverrides("    state: left");

    private static Plan Plan(PlanOptions options) =>
        Planner.Create(Scenario.Desired(LeaveYaml, InventoryWith(AmcInvitation("ACTIVE", Applied.Id))), new LiveState([Applied]), options);

    [Fact]
    public void Leaving_without_permission_shows_the_intent_as_refused_and_an_error()
    {
        var plan = Plan(PlanOptions.Default);
        Assert.Empty(plan.Changes);
        Assert.False(plan.HasChanges);
        var refused = plan.Collaborations[0].Refused!;
        Assert.Equal(52, refused.Count);
        Assert.All(refused, c => Assert.Equal(ChangeAction.Delete, c.Action));
        var error = Assert.Single(plan.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.LeaveNotAllowed, error.Code);
        Assert.Equal(new SourceLocation("collaborations.yaml", 20, 5), error.Location);
        Assert.Contains($"--allow-leave {AmcCollaborationId}", error.Hint);
    }

    [Fact]
    public void Leaving_with_permission_deletes_everything_without_errors()
    {
        var plan = Plan(new PlanOptions(new HashSet<string> { AmcCollaborationId }));
        Assert.DoesNotContain(plan.Diagnostics, d => d.Severity == Severity.Error);
        Assert.All(plan.Changes, c => Assert.Equal(ChangeAction.Delete, c.Action));
        var membership = TypedChanges.As<MembershipChange>(plan.Changes.First());
        Assert.Equal(Applied.Id, membership.Live!.Id);
    }

    [Fact]
    public void Permission_for_another_collaboration_does_not_count()
    {
        var plan = Plan(new PlanOptions(new HashSet<string> { OtherCollaborationId }));
        Assert.Contains(plan.Diagnostics, d => d.Code == DiagnosticCodes.LeaveNotAllowed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_membership_holding_what_the_tool_does_not_manage_is_one_error_naming_it_and_nothing_else(bool allowed)
    {
        ForeignResource[] foreign =
        [
            new(Resources.PrivacyBudgetTemplate.PrivacyBudgetTemplateKind.Instance, "7f3e0c2a-0000-4000-8000-000000000001"),
            new(Resources.ConfiguredAudienceModelAssociation.ConfiguredAudienceModelAssociationKind.Instance, "3c9d0b1e-0000-4000-8000-000000000002", "lookalike"),
        ];
        var desired = Scenario.Desired(LeaveYaml, InventoryWith(AmcInvitation("ACTIVE", Applied.Id)));
        var options = allowed ? new PlanOptions(new HashSet<string> { AmcCollaborationId }) : PlanOptions.Default;

        var plan = Planner.Create(desired, new LiveState([Applied with { Foreign = foreign }]), options);

        var collaboration = Assert.Single(plan.Collaborations);
        Assert.Empty(collaboration.Changes);
        Assert.Empty(collaboration.Unmanaged);
        Assert.Empty(collaboration.Refused ?? []);
        var error = Assert.Single(plan.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.LeaveBlocked, error.Code);
        Assert.Contains("privacy budget template: 7f3e0c2a-0000-4000-8000-000000000001; " +
            "configured audience model association: 'lookalike' (3c9d0b1e-0000-4000-8000-000000000002)", error.Message);
        Assert.Equal(new SourceLocation("collaborations.yaml", 20, 5), error.Location);
    }

    [Fact]
    public void A_membership_searched_and_found_empty_of_foreign_resources_is_left_as_before()
    {
        var plan = Planner.Create(Scenario.Desired(LeaveYaml, InventoryWith(AmcInvitation("ACTIVE", Applied.Id))),
            new LiveState([Applied with { Foreign = [] }]), new PlanOptions(new HashSet<string> { AmcCollaborationId }));

        Assert.Equal(52, plan.Changes.Count());
        Assert.DoesNotContain(plan.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void Already_left_plans_nothing()
    {
        var desired = Scenario.Desired(LeaveYaml, InventoryWith(AmcInvitation("LEFT")));
        var plan = Planner.Create(desired, new LiveState([]));
        Assert.False(plan.HasChanges);
        Assert.Empty(plan.Diagnostics);
    }
}
