using System.Diagnostics;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Engine.Applying;

/// <summary>
/// Applies a plan: collaborations in parallel (at most <see cref="ApplyOptions.Parallelism"/> in progress at once),
/// inside each one the changes in dependency order (<see cref="CollaborationRun"/>), and every change through its
/// operation's lane, shared by the whole run (<see cref="OperationLanes"/>), so every AWS operation's rate is used at
/// once. A failure skips only what depends on it; everything else still runs. Safe to repeat: a re-run re-plans from
/// live state and converges. Each membership's record of what it manages is written after its changes.
/// </summary>
/// <param name="written">With a read cache: where what the run writes is kept, so the next preview Gets none of it.</param>
public sealed class Applier(ICleanRoomsApi api, ApplyOptions options, IApplyObserver observer, WrittenResources? written = null)
{
    private readonly ChangeExecutor executor = new(api, options, written);
    private readonly RecordWriter recorder = new(api, new CreateOrAdopt(options));

    /// <param name="ct">Stops the run: nothing new starts; calls in flight get <see cref="ApplyOptions.InFlightGrace"/> to finish.</param>
    public async Task<ApplyResult> ApplyAsync(Plan plan, CancellationToken ct)
    {
        using var interruption = new ApplyInterruption(ct, options.InFlightGrace);
        return await ApplyAsync(plan, interruption);
    }

    /// <summary>Applies with an interruption the caller controls (e.g. a second Ctrl-C calls <see cref="ApplyInterruption.AbortNow"/>).</summary>
    public async Task<ApplyResult> ApplyAsync(Plan plan, ApplyInterruption interruption)
    {
        if (RecordReads.ToApply(plan) is { Count: > 0 } unread)
            throw new InvalidOperationException($"the record of membership {unread[0].Id} was not read; plan for up with StackPipeline.ReadRecordsAsync");
        var clock = Stopwatch.StartNew();
        // A collaboration with nothing to change may still need its record written (a membership from before records).
        var work = plan.Collaborations.Where(c => c.Changes.Any(x => x.Action != ChangeAction.NoOp) || ManagedRecord.NeedsWriting(c)).ToList();
        using var lanes = new OperationLanes(options);
        var results = await Bounded.SelectAsync(work, options.Parallelism,
            c => new CollaborationRun(c, executor, recorder, lanes, observer, interruption).RunAsync());
        var outcomes = results.Values.SelectMany(r => r.Outcomes).OrderBy(o => o.Change.Address).ToList();
        var records = results.Values.Select(r => r.Record).OfType<RecordOutcome>().OrderBy(r => r.Address).ToList();
        return new ApplyResult(outcomes, clock.Elapsed, interruption.Stop.IsCancellationRequested) { Records = records };
    }
}
