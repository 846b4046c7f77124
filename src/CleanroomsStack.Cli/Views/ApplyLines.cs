using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Engine.Applying;

namespace CleanroomsStack.Cli.Views;

/// <summary>
/// The line each change gets while a plan is applied, named as the plan names it (<see cref="ChangeNames"/>): the same
/// words in plain output, above the live view on a terminal, and in the summary.
/// </summary>
internal static class ApplyLines
{
    public static string Finished(ChangeOutcome outcome, ChangeNames names)
    {
        var info = outcome.Change.Action.Info();
        var name = names.Of(outcome.Change.Address);
        return outcome.Status switch
        {
            OutcomeStatus.Succeeded => $"{info.Symbol} {info.PastTense} {name}{NewMembershipId(outcome)} ({outcome.Elapsed.TotalSeconds:0.0}s)",
            OutcomeStatus.Failed => $"! failed to {info.Verb} {name}: {outcome.Message}",
            _ => $"  skipped {name}: {outcome.Message}",
        };
    }

    public static string Waiting(ResourceChange change, string message, ChangeNames names) => $"… {names.Of(change.Address)}: {message}";

    /// <summary>A membership made by this run is named by its new id, as the next plan's heading will name it.</summary>
    private static string NewMembershipId(ChangeOutcome outcome) =>
        outcome.Change.Kind.Parent is null && outcome.Change.Action is ChangeAction.Create or ChangeAction.Replace && outcome.AwsId is { } id ? $" {id}" : "";
}
