using CleanroomsStack.Core.Planning;

namespace CleanroomsStack.Engine.Applying;

public enum OutcomeStatus { Succeeded, Failed, Skipped }

/// <param name="Message">For a failure: the AWS error in plain words; for a skip: which failure it depends on.</param>
public sealed record ChangeOutcome(ResourceChange Change, OutcomeStatus Status, TimeSpan Elapsed, string? AwsId = null, string? Message = null);

public sealed record ApplyResult(IReadOnlyList<ChangeOutcome> Outcomes, TimeSpan Duration, bool Cancelled)
{
    public bool Succeeded => !Cancelled && Outcomes.All(o => o.Status == OutcomeStatus.Succeeded);

    public int Count(OutcomeStatus status) => Outcomes.Count(o => o.Status == status);
}

/// <summary>
/// How the engine reports progress. The engine never writes to the console; the CLI supplies views and tests a recorder.
/// Calls may come from several threads at once.
/// </summary>
public interface IApplyObserver
{
    void OnStarted(ResourceChange change);

    void OnFinished(ChangeOutcome outcome);
}

public sealed class NullApplyObserver : IApplyObserver
{
    public static readonly NullApplyObserver Instance = new();

    public void OnStarted(ResourceChange change) { }

    public void OnFinished(ChangeOutcome outcome) { }
}
