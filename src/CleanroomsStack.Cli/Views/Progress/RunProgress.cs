using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Reading;

namespace CleanroomsStack.Cli.Views.Progress;

/// <summary>The AWS calls of a run so far: finished calls, attempts AWS throttled, attempts sent and not yet answered.</summary>
internal sealed record CallCounts(int Calls, int Throttles, int InFlight)
{
    public static readonly CallCounts None = new(0, 0, 0);
}

/// <summary>
/// What a run is doing now, as the progress displays show it: fed by the engine's observer events (memberships read,
/// changes started and finished) and by the AWS client's counts, read as one <see cref="ProgressSnapshot"/>. It writes
/// nothing itself, so the displays stay small and it is tested without a console. Thread-safe.
/// </summary>
internal sealed class RunProgress : IApplyObserver, IReadObserver
{
    /// <summary>A change running longer than this is named, as Terraform's "Still creating… [10s elapsed]".</summary>
    public static readonly TimeSpan LongRunning = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly Func<CallCounts> calls;
    private readonly long started;
    private readonly Dictionary<ResourceAddress, (ResourceChange Change, long Started)> running = [];
    private int? membershipsToRead;
    private int membershipsRead;
    private int succeeded;
    private int failed;
    private int skipped;
    private int? stoppingWithCallsInFlight;

    private RunProgress(ProgressPhase phase, TimeProvider time, Func<CallCounts> calls, ChangeNames names, int total)
    {
        Phase = phase;
        this.time = time;
        this.calls = calls;
        Names = names;
        Total = total;
        started = time.GetTimestamp();
    }

    /// <summary>Progress of reading live state (preview, up, drift, …).</summary>
    public static RunProgress Reading(TimeProvider time, Func<CallCounts> calls) =>
        new(ProgressPhase.Reading, time, calls, ChangeNames.Of(new Plan([], [])), 0);

    /// <summary>Progress of applying <paramref name="plan"/>: its changes count towards done/total, named as the plan names them.</summary>
    public static RunProgress Applying(Plan plan, TimeProvider time, Func<CallCounts> calls) =>
        new(ProgressPhase.Applying, time, calls, ChangeNames.Of(plan), plan.Changes.Count(c => c.Action != ChangeAction.NoOp));

    public ProgressPhase Phase { get; }

    public ChangeNames Names { get; }

    public int Total { get; }

    public void OnMembershipsToRead(int count)
    {
        lock (gate) membershipsToRead = count;
    }

    public void OnMembershipRead()
    {
        lock (gate) membershipsRead++;
    }

    public void OnStarted(ResourceChange change)
    {
        lock (gate) running[change.Address] = (change, time.GetTimestamp());
    }

    public void OnFinished(ChangeOutcome outcome)
    {
        lock (gate)
        {
            running.Remove(outcome.Change.Address);
            switch (outcome.Status)
            {
                case OutcomeStatus.Succeeded: succeeded++; break;
                case OutcomeStatus.Failed: failed++; break;
                case OutcomeStatus.Skipped: skipped++; break;
            }
        }
    }

    /// <summary>The first Ctrl-C: nothing new starts; <paramref name="callsInFlight"/> calls will still finish.</summary>
    public void Stopping(int callsInFlight)
    {
        lock (gate) stoppingWithCallsInFlight ??= callsInFlight;
    }

    public ProgressSnapshot Snapshot()
    {
        var counts = calls();
        lock (gate)
        {
            var now = time.GetTimestamp();
            var longRunning = running.Values
                .Select(r => new RunningChange(Names.Of(r.Change.Address), r.Change.Action.Info().Progressive, time.GetElapsedTime(r.Started, now)))
                .Where(r => r.Elapsed >= LongRunning)
                .OrderByDescending(r => r.Elapsed).ThenBy(r => r.Name, StringComparer.Ordinal)
                .ToList();
            return new ProgressSnapshot(Phase, time.GetElapsedTime(started, now), membershipsToRead, membershipsRead,
                Total, succeeded + failed + skipped, failed, running.Count, longRunning, counts, stoppingWithCallsInFlight);
        }
    }
}

internal enum ProgressPhase { Reading, Applying }

/// <summary>A change in progress, named as the plan names it; <see cref="Verb"/> is e.g. "creating".</summary>
internal sealed record RunningChange(string Name, string Verb, TimeSpan Elapsed);

/// <summary>One moment of a run, for a display to show.</summary>
/// <param name="MembershipsToRead">Null until the account's listing says how many memberships will be read.</param>
/// <param name="Running">Changes started and not finished (some may still wait for the rate limiter).</param>
/// <param name="LongRunning">Those running for <see cref="RunProgress.LongRunning"/> or more, longest first.</param>
/// <param name="StoppingWithCallsInFlight">Set by the first Ctrl-C: the calls then in flight.</param>
internal sealed record ProgressSnapshot(
    ProgressPhase Phase, TimeSpan Elapsed, int? MembershipsToRead, int MembershipsRead,
    int Total, int Done, int Failed, int Running, IReadOnlyList<RunningChange> LongRunning, CallCounts Calls, int? StoppingWithCallsInFlight);
