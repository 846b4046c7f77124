using CleanroomsStack.Core.Diagnostics;
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

    [Fact]
    public void Already_left_plans_nothing()
    {
        var desired = Scenario.Desired(LeaveYaml, InventoryWith(AmcInvitation("LEFT")));
        var plan = Planner.Create(desired, new LiveState([]));
        Assert.False(plan.HasChanges);
        Assert.Empty(plan.Diagnostics);
    }
}
