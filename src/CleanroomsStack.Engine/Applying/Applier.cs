using System.Collections.Concurrent;
using System.Diagnostics;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Engine.Applying;

/// <summary>
/// Applies a plan in dependency order: per collaboration the membership first, then deletes (rules before their
/// associations), then creates and updates (an association before its rule). Collaborations run in parallel, at most
/// <see cref="ApplyOptions.Parallelism"/> at once. A failure skips only what depends on it.
/// </summary>
public sealed class Applier(ICleanRoomsApi api, ApplyOptions options, IApplyObserver observer)
{
    private readonly ChangeExecutor executor = new(api, options.AllowLeave);
    private readonly ApplyOptions options = options;
    private readonly IApplyObserver observer = observer;

    public async Task<ApplyResult> ApplyAsync(Plan plan, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = new ConcurrentBag<ChangeOutcome>();
        var work = plan.Collaborations.Where(c => c.Changes.Any(IsChange)).ToList();
        await Bounded.SelectAsync(work, options.Parallelism, async c =>
        {
            await new CollaborationRun(this, c, outcomes, ct).RunAsync();
            return true;
        });
        var ordered = outcomes.OrderBy(o => o.Change.Address).ToList();
        return new ApplyResult(ordered, clock.Elapsed, ct.IsCancellationRequested);
    }

    private static bool IsChange(ResourceChange change) => change.Action != ChangeAction.NoOp;

    /// <summary>The state of applying one collaboration: which ids are known and which changes failed.</summary>
    private sealed class CollaborationRun(Applier applier, CollaborationPlan plan, ConcurrentBag<ChangeOutcome> outcomes, CancellationToken ct)
    {
        private readonly ConcurrentDictionary<ResourceAddress, string> associationIds = new();

        public async Task RunAsync()
        {
            var membership = plan.Changes.OfType<MembershipChange>().SingleOrDefault();
            var membershipId = membership?.Live?.Id ?? plan.Changes.OfType<TableAssociationChange>().Select(c => c.MembershipId)
                .Concat(plan.Changes.OfType<IdNamespaceAssociationChange>().Select(c => c.MembershipId))
                .Concat(plan.Changes.OfType<IdMappingTableChange>().Select(c => c.MembershipId)).FirstOrDefault(id => id is not null);
            if (membership is { Action: not ChangeAction.NoOp and not ChangeAction.Delete })
            {
                var outcome = await RunOneAsync(membership, null, null);
                if (outcome.Status != OutcomeStatus.Succeeded)
                {
                    SkipAll(plan.Changes.Where(c => c != membership), $"its membership was not {membership.Action.Info().PastTense}");
                    return;
                }
                membershipId = outcome.AwsId;
            }

            // Deletes first (children before parents) so a replacement or a quota never sees both old and new.
            foreach (var rule in Changes<AnalysisRuleChange>(ChangeAction.Delete))
                await RunOneAsync(rule, membershipId, rule.AssociationId);
            await ForEachAsync(Changes<TableAssociationChange>(ChangeAction.Delete), a => RunOneAsync(a, membershipId, null));
            // ID mapping tables are built on the ID namespace associations, so they go before them.
            await ForEachAsync(Changes<IdMappingTableChange>(ChangeAction.Delete), t => RunOneAsync(t, membershipId, null));
            await ForEachAsync(Changes<IdNamespaceAssociationChange>(ChangeAction.Delete), n => RunOneAsync(n, membershipId, null));

            var associations = plan.Changes.OfType<TableAssociationChange>().Where(c => c.Action != ChangeAction.Delete);
            await ForEachAsync(associations, a => ApplyAssociationAsync(a, membershipId!));
            await ForEachAsync(plan.Changes.OfType<IdNamespaceAssociationChange>().Where(c => c.Action is not ChangeAction.Delete and not ChangeAction.NoOp),
                n => RunOneAsync(n, membershipId, null));
            await ForEachAsync(plan.Changes.OfType<IdMappingTableChange>().Where(c => c.Action is not ChangeAction.Delete and not ChangeAction.NoOp),
                t => RunOneAsync(t, membershipId, null));

            // Leaving goes last: AWS deletes a membership only once nothing is left inside it.
            if (membership is { Action: ChangeAction.Delete })
            {
                var blocked = outcomes.Any(o => o.Change.Address.CollaborationId == plan.CollaborationId && o.Status != OutcomeStatus.Succeeded);
                if (blocked) SkipAll([membership], "something inside the membership could not be deleted");
                else await RunOneAsync(membership, membershipId, null);
            }
        }

        private async Task ApplyAssociationAsync(TableAssociationChange association, string membershipId)
        {
            var rules = plan.Changes.OfType<AnalysisRuleChange>()
                .Where(r => r.Address.Parent == association.Address && r.Action is not ChangeAction.Delete and not ChangeAction.NoOp)
                .ToList();
            var associationId = association.Live?.Id;
            if (IsChange(association))
            {
                var outcome = await RunOneAsync(association, membershipId, null);
                if (outcome.Status != OutcomeStatus.Succeeded)
                {
                    SkipAll(rules, $"its table association was not {association.Action.Info().PastTense}");
                    return;
                }
                associationId = outcome.AwsId;
            }
            foreach (var rule in rules) await RunOneAsync(rule, membershipId, rule.AssociationId ?? associationId);
        }

        private IEnumerable<T> Changes<T>(ChangeAction action) where T : ResourceChange =>
            plan.Changes.OfType<T>().Where(c => c.Action == action);

        private Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> work) where T : notnull =>
            Bounded.SelectAsync(items.ToList(), applier.options.ParallelismPerMembership, async i => { await work(i); return true; });

        private async Task<ChangeOutcome> RunOneAsync(ResourceChange change, string? membershipId, string? associationId)
        {
            if (ct.IsCancellationRequested) return Record(new ChangeOutcome(change, OutcomeStatus.Skipped, TimeSpan.Zero, Message: "the run was interrupted"));
            applier.observer.OnStarted(change);
            var clock = Stopwatch.StartNew();
            try
            {
                var id = await applier.executor.ExecuteAsync(change, membershipId, associationId, ct);
                return Finish(new ChangeOutcome(change, OutcomeStatus.Succeeded, clock.Elapsed, id));
            }
            catch (AwsApiException e)
            {
                return Finish(new ChangeOutcome(change, OutcomeStatus.Failed, clock.Elapsed, Message: ErrorText.Describe(e)));
            }
            catch (LeaveNotAllowedException e)
            {
                return Finish(new ChangeOutcome(change, OutcomeStatus.Failed, clock.Elapsed, Message: e.Message));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return Finish(new ChangeOutcome(change, OutcomeStatus.Failed, clock.Elapsed, Message: "interrupted while in flight; the next run re-reads and converges"));
            }
        }

        private ChangeOutcome Finish(ChangeOutcome outcome)
        {
            applier.observer.OnFinished(outcome);
            return Record(outcome);
        }

        private ChangeOutcome Record(ChangeOutcome outcome)
        {
            outcomes.Add(outcome);
            return outcome;
        }

        private void SkipAll(IEnumerable<ResourceChange> changes, string why)
        {
            foreach (var change in changes.Where(IsChange))
                Finish(new ChangeOutcome(change, OutcomeStatus.Skipped, TimeSpan.Zero, Message: $"skipped: {why}"));
        }
    }
}

/// <param name="AllowLeave">Collaboration ids the operator allowed to leave (<c>--allow-leave</c>); no other membership is ever deleted.</param>
public sealed record ApplyOptions(int Parallelism = 4, int ParallelismPerMembership = 4, IReadOnlySet<string>? AllowLeave = null)
{
    public IReadOnlySet<string> AllowLeave { get; init; } = AllowLeave ?? new HashSet<string>();
}
