using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Tests.Fixtures;

namespace CleanroomsStack.Core.Tests.Planning;

/// <summary>
/// For every golden scenario: apply the plan (in memory, as AWS would), plan again, and the second plan is empty;
/// refused changes stay exactly as refused. The emulator-backed convergence tests do the same over HTTP.
/// </summary>
public class ConvergenceTests
{
    public static TheoryData<string> Scenarios => new(PlanScenarios.All.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Applying_the_plan_then_planning_again_changes_nothing(string name)
    {
        var scenario = PlanScenarios.All[name];
        var first = scenario.Plan();
        var applied = PlanSimulator.Apply(first, scenario.Live);
        var second = Planner.Create(scenario.Desired(), applied, scenario.Options ?? PlanOptions.Default);
        var leftover = second.Changes.Where(c => c.Action != ChangeAction.NoOp).Select(c => $"{c.Action} {c.Address}: {c.Reason}").ToList();
        Assert.True(leftover.Count == 0, "second plan still changes:\n" + string.Join("\n", leftover));
        Assert.Equal(first.Collaborations.Sum(c => c.Refused?.Count ?? 0), second.Collaborations.Sum(c => c.Refused?.Count ?? 0));
        Assert.Equal(first.Diagnostics.Where(d => d.Code == DiagnosticCodes.LeaveNotAllowed).Count(),
            second.Diagnostics.Where(d => d.Code == DiagnosticCodes.LeaveNotAllowed).Count());
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Everything_the_first_plan_creates_updates_replaces_or_keeps_is_unchanged_in_the_second(string name)
    {
        var scenario = PlanScenarios.All[name];
        var first = scenario.Plan();
        var second = Planner.Create(scenario.Desired(), PlanSimulator.Apply(first, scenario.Live), scenario.Options ?? PlanOptions.Default);
        var s = first.Summary;
        Assert.Equal(s.Create + s.Update + s.Replace + s.Unchanged, second.Summary.Unchanged);
        Assert.Equal(s.Unmanaged, second.Summary.Unmanaged);
    }
}
