using System.Diagnostics;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Engine.Audit;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Engine.Applying;

/// <summary>
/// Applies the changes of one collaboration as a graph (<see cref="ApplyOrder"/>): each change waits for what it
/// depends on, then for room in its operation's lane (<see cref="OperationLanes"/>, shared by the whole run), and a
/// change whose parent didn't succeed is skipped, naming that parent. Nothing new starts once
/// <see cref="ApplyInterruption.Stop"/> fires. Once every change has ended, the membership's record of what it manages is
/// written (<see cref="RecordWriter"/>), unless the run was interrupted: after Ctrl-C no call starts.
/// </summary>
internal sealed class CollaborationRun(
    CollaborationPlan plan, ChangeExecutor executor, RecordWriter recorder, OperationLanes lanes, IApplyObserver observer, ApplyInterruption interruption)
{
    private readonly List<ChangeOutcome> outcomes = [];
    private readonly Lock gate = new();

    public async Task<(IReadOnlyList<ChangeOutcome> Outcomes, RecordOutcome? Record)> RunAsync()
    {
        var changed = await RunChangesAsync();
        if (interruption.Stop.IsCancellationRequested) return (changed, null);
        var record = await recorder.WriteAsync(plan, changed, interruption.Abort);
        if (record is not null) observer.OnRecorded(record);
        return (changed, record);
    }

    private async Task<IReadOnlyList<ChangeOutcome>> RunChangesAsync()
    {
        var changes = plan.Changes;
        // Two changes on one address once overwrote each other's task here, so the run ended (summary printed, outcomes
        // and audit taken) while the overwritten change was still deleting. A plan holds one change per resource; every
        // started change is awaited all the same.
        PlanInvariants.OneChangePerResource(changes);
        var results = new Dictionary<ResourceAddress, Task<Done>>();
        var started = new List<Task<Done>>();
        foreach (var change in changes.OrderBy(ApplyOrder.Rank).ThenBy(c => c.Address))
        {
            var dependencies = ApplyOrder.Of(change, changes).Select(d => (d, results[d.On.Address])).ToList();
            var run = change.Action == ChangeAction.NoOp
                ? Task.FromResult(Done.Unchanged(change))
                : RunAsync(change, dependencies);
            results.Add(change.Address, run);
            started.Add(run);
        }
        await Task.WhenAll(started);
        await RelistChangedParentsAsync(started.Select(t => t.Result).ToList());
        lock (gate) return outcomes.ToList();
    }

    /// <summary>
    /// A resource this run changed something inside (an association's rule) has moved its updateTime since it was
    /// written: with a read cache, one listing of its kind in the membership keeps it warm (<see cref="WrittenResources"/>).
    /// </summary>
    private async Task RelistChangedParentsAsync(IReadOnlyList<Done> done)
    {
        if (interruption.Stop.IsCancellationRequested) return;
        var membershipId = done.FirstOrDefault(d => d.Change.Kind.Parent is null)?.AwsId ?? done.Select(d => d.Change.MembershipId).FirstOrDefault(id => id is not null);
        if (membershipId is null) return;
        var parents = done
            .Where(d => d is { Status: OutcomeStatus.Succeeded, Change.Action: not ChangeAction.NoOp } && d.Change.Kind.Parent is { Parent: not null })
            .Select(d => d.Change.Kind.Parent!)
            .Distinct();
        foreach (var kind in parents) await executor.RelistAsync(kind, membershipId, interruption.Abort);
    }

    private async Task<Done> RunAsync(ResourceChange change, List<(Dependency Edge, Task<Done> Result)> dependencies)
    {
        await Task.WhenAll(dependencies.Select(d => d.Result));
        if (interruption.Stop.IsCancellationRequested) return Finish(Skipped(change, NotStarted));
        var blocker = dependencies.FirstOrDefault(d => d.Edge.Required && d.Result.Result.Status != OutcomeStatus.Succeeded);
        if (blocker.Edge is not null)
        {
            var parent = blocker.Edge.On;
            var why = blocker.Result.Result.Status == OutcomeStatus.Skipped ? "was skipped" : "failed";
            // Named as the plan names it inside the collaboration's block, as the apply lines and the summary are.
            return Finish(Skipped(change, $"{ChangeNames.Relative(parent.Address)} ({parent.Action.Info().Verb}) {why}"));
        }
        var parents = ParentsOf(change, dependencies.Select(d => d.Result.Result).ToList());
        using var lane = await lanes.EnterAsync(change, interruption.Stop);
        if (lane is null || interruption.Stop.IsCancellationRequested) return Finish(Skipped(change, NotStarted));
        return Finish(await ExecuteAsync(change, parents));
    }

    private const string NotStarted = "not started: the run was interrupted";

    private async Task<ChangeOutcome> ExecuteAsync(ResourceChange change, ParentIds parents)
    {
        // The trail must start inside this method's own async flow so parallel changes don't share one.
        var trail = AwsCallTrail.Begin();
        VisibilityWait.Begin(message => observer.OnWaiting(change, message));
        observer.OnStarted(change);
        var clock = Stopwatch.StartNew();
        try
        {
            var executed = await executor.ExecuteAsync(change, parents, interruption.Abort);
            return new ChangeOutcome(change, OutcomeStatus.Succeeded, clock.Elapsed, executed.AwsId, Adopted: executed.Adopted, Calls: trail.Calls);
        }
        catch (CallNotStartedException)
        {
            // The run is stopping (its call gate closed) and this change's next call was never sent. If none of its
            // writes was sent either, AWS saw nothing of it; otherwise it may be half made, and the audit keeps its calls.
            var write = trail.Calls.FirstOrDefault(c => !ChangeOutcome.IsRead(c.Operation));
            if (write is null) return Skipped(change, NotStarted);
            return new ChangeOutcome(change, OutcomeStatus.Failed, clock.Elapsed,
                Message: $"interrupted after {write.Operation} was sent; the rest of the change was not started", Hint: FailureHints.Interrupted, Calls: trail.Calls);
        }
        catch (AwsApiException e)
        {
            return new ChangeOutcome(change, OutcomeStatus.Failed, clock.Elapsed, Message: ErrorText.Describe(e),
                Hint: FailureHints.For(e, change), ErrorCode: e.Code, Calls: trail.Calls);
        }
        catch (LeaveNotAllowedException e)
        {
            return new ChangeOutcome(change, OutcomeStatus.Failed, clock.Elapsed, Message: e.Message,
                Hint: "leaving is irreversible: pass --allow-leave <collaboration id> to mean it", Calls: trail.Calls);
        }
        catch (HintedException e)
        {
            return new ChangeOutcome(change, OutcomeStatus.Failed, clock.Elapsed, Message: e.Message, Hint: e.Hint, Calls: trail.Calls);
        }
        catch (OperationCanceledException) when (interruption.Abort.IsCancellationRequested)
        {
            return new ChangeOutcome(change, OutcomeStatus.Failed, clock.Elapsed,
                Message: "interrupted while in flight; whether AWS applied it is unknown", Hint: FailureHints.Interrupted, Calls: trail.Calls);
        }
    }

    /// <summary>The membership's and the parent's ids this change needs, from this run's results or the live state.</summary>
    private static ParentIds ParentsOf(ResourceChange change, IReadOnlyList<Done> dependencies)
    {
        var membership = dependencies.FirstOrDefault(d => d.Change.Kind.Parent is null);
        var nested = change.Kind.Parent is { Parent: not null };
        var parent = nested ? dependencies.FirstOrDefault(d => d.Change.Address == change.Address.Parent) : null;
        var parentIsNew = nested ? parent?.Created ?? false : membership?.Created ?? false;
        return new ParentIds(membership?.AwsId ?? change.MembershipId, parent?.AwsId ?? change.ParentId, parentIsNew);
    }

    private static ChangeOutcome Skipped(ResourceChange change, string why) =>
        new(change, OutcomeStatus.Skipped, TimeSpan.Zero, Message: $"skipped: {why}");

    private Done Finish(ChangeOutcome outcome)
    {
        lock (gate) outcomes.Add(outcome);
        observer.OnFinished(outcome);
        return new Done(outcome.Change, outcome.Status, outcome.AwsId,
            Created: outcome.Status == OutcomeStatus.Succeeded && outcome.Change.Action is ChangeAction.Create or ChangeAction.Replace);
    }

    /// <summary>How a change ended, as its dependents need it.</summary>
    private sealed record Done(ResourceChange Change, OutcomeStatus Status, string? AwsId, bool Created)
    {
        public static Done Unchanged(ResourceChange change) => new(change, OutcomeStatus.Succeeded, change.LiveId, Created: false);
    }
}
