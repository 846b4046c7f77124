using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Engine.Audit;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Engine.Applying;

/// <summary>How writing one membership's record of what it manages ended.</summary>
/// <param name="Resources">How many resources the record holds.</param>
/// <param name="Diffs">The record's tags, before and after (<c>tags.cleanrooms-stack:managed…</c>).</param>
public sealed record RecordOutcome(
    CollaborationPlan Collaboration, string MembershipId, int Resources, OutcomeStatus Status, IReadOnlyList<AttributeDiff> Diffs,
    IReadOnlyList<AwsCall> Calls, string? Message = null, string? Hint = null, string? ErrorCode = null)
{
    public ResourceAddress Address => ResourceAddress.Membership(Collaboration.CollaborationId);
}

/// <summary>
/// Writes a membership's record (<see cref="ManagedRecord"/>) once its collaboration's changes ran, holding what really
/// exists then: what the plan kept or updated, what it created or replaced and succeeded, and not what it deleted or
/// failed to create. So the next `drift` tells a resource deleted outside the config from work never applied, even
/// after a partial failure. Written only when it differs from the record read (one TagResource, and an UntagResource
/// when a shorter record leaves chunks of an older one), never for a membership being left.
/// </summary>
internal sealed class RecordWriter(ICleanRoomsApi api, CreateOrAdopt creates)
{
    public async Task<RecordOutcome?> WriteAsync(CollaborationPlan plan, IReadOnlyList<ChangeOutcome> outcomes, CancellationToken ct)
    {
        if (ManagedRecord.MembershipOf(plan) is not { Action: not ChangeAction.Delete } membership) return null;
        var statuses = outcomes.ToDictionary(o => o.Change.Address, o => o.Status);
        var live = membership.Live as MembershipState;
        var membershipId = live?.Id ?? outcomes.FirstOrDefault(o => o.Change.Address == membership.Address && o.Status == OutcomeStatus.Succeeded)?.AwsId;
        if (membershipId is null) return null; // not joined: there is nothing to record on
        var record = ManagedRecord.Of(plan.Changes.Where(c => Exists(c, statuses.GetValueOrDefault(c.Address, OutcomeStatus.Succeeded))).Select(c => c.Address));
        var unused = record.UnusedKeys(live?.Tags);
        if (record.SameAs(ManagedRecord.Read(live?.Tags)) && unused.Count == 0) return null;

        var trail = AwsCallTrail.Begin();
        var diffs = Diffs(live?.Tags, record.ToTags(), unused);
        try
        {
            // A membership joined in this run is tagged by its ARN, which only a Get returns; reads may lag behind the create.
            var joined = live is null;
            var arn = live?.Arn ?? (await creates.WhenParentVisibleAsync(() => api.GetMembershipAsync(membershipId, ct), joined, ct)).Arn;
            await creates.WhenParentVisibleAsync(async () => { await api.TagResourceAsync(arn, record.ToTags(), ct); return true; }, joined, ct);
            if (unused.Count > 0) await api.UntagResourceAsync(arn, unused, ct);
            return new RecordOutcome(plan, membershipId, record.Count, OutcomeStatus.Succeeded, diffs, trail.Calls);
        }
        catch (AwsApiException e)
        {
            return new RecordOutcome(plan, membershipId, record.Count, OutcomeStatus.Failed, diffs, trail.Calls, ErrorText.Describe(e), Hint, e.Code);
        }
        catch (HintedException e)
        {
            return new RecordOutcome(plan, membershipId, record.Count, OutcomeStatus.Failed, diffs, trail.Calls, e.Message, e.Hint);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return new RecordOutcome(plan, membershipId, record.Count, OutcomeStatus.Failed, diffs, trail.Calls,
                "interrupted while the record was written; the membership may keep its older record", Hint);
        }
    }

    private const string Hint =
        "the changes above were applied; until the record is written, `drift` reports resources deleted outside the config as pending work. " +
        "Check that the credentials allow cleanrooms:TagResource and that the membership has room for its tags (AWS allows 50), then run `up` again.";

    /// <summary>Whether the resource is there once its change ran (<paramref name="status"/>; NoOps have none and count as succeeded).</summary>
    private static bool Exists(ResourceChange change, OutcomeStatus status) => change.Action switch
    {
        // Kept or updated: still there after a failure too (or, if not, someone else deleted it: drift the next run reports).
        ChangeAction.NoOp or ChangeAction.Update => true,
        ChangeAction.Create => status == OutcomeStatus.Succeeded,
        // A replacement that didn't start left the old one; one that failed may have removed it.
        ChangeAction.Replace => status is OutcomeStatus.Succeeded or OutcomeStatus.Skipped,
        // Deleted: gone, and no longer the config's anyway.
        _ => false,
    };

    private static IReadOnlyList<AttributeDiff> Diffs(IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<string, string> after, IReadOnlyList<string> removed) =>
        after.Keys.Concat(removed).Distinct().Order(StringComparer.Ordinal)
            .Select(key => new AttributeDiff($"{TagPaths.All}.{key}", AttributeValue.Of(before?.GetValueOrDefault(key)), AttributeValue.Of(after.GetValueOrDefault(key))))
            .Where(d => !AttributeValue.Same(d.Before, d.After))
            .ToList();
}
