using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Engine.Kinds;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;
using CleanroomsStack.Engine.Resources.Membership;

namespace CleanroomsStack.Engine.Reading;

/// <summary>
/// Reads the live state of the memberships of the given collaborations: each membership's settings, and what every
/// kind in it reads (<see cref="KindEngine.ReadAsync"/>). It starts from the
/// memberships the inventory listed, and with a read cache it gets only what changed since the cache was written.
/// </summary>
public sealed class LiveStateReader(ICleanRoomsApi api, int parallelism, IReadCache? cache = null, IReadObserver? observer = null)
{
    private readonly CachedGets gets = new(cache);

    /// <param name="memberships">The caller's memberships as ListMemberships returned them (every status).</param>
    /// <param name="reads">Which kinds to read in which collaboration's membership (<see cref="StackConfig.Reads"/>); null: all of them.</param>
    /// <param name="leaves">
    /// Which collaborations the config leaves (<see cref="StackConfig.Leaves"/>): their memberships are also searched for
    /// resources of kinds the tool doesn't manage, which would make AWS refuse the leave; null: none.
    /// </param>
    /// <param name="tags">Whether the config names tags for a collaboration (<see cref="StackConfig.NamesTags"/>), so they are read; null: never.</param>
    public async Task<LiveState> ReadAsync(IReadOnlyList<MembershipSummary> memberships, IReadOnlySet<string> collaborationIds, CancellationToken ct,
        Func<string, MembershipChildKind, bool>? reads = null, Func<string, bool>? leaves = null, Func<string, bool>? tags = null)
    {
        var context = new LiveReadContext(api, gets, parallelism, tags);
        var wanted = memberships.Where(m => collaborationIds.Contains(m.CollaborationId)).ToList();
        observer?.OnMembershipsToRead(wanted.Count);
        var states = await Bounded.SelectAsync(wanted, parallelism, async m =>
        {
            var state = await ReadMembershipAsync(context, m, reads ?? ((_, _) => true), leaves?.Invoke(m.CollaborationId) ?? false, ct);
            observer?.OnMembershipRead();
            return state;
        });
        return new LiveState(states.Values.OrderBy(m => m.CollaborationId, StringComparer.Ordinal).ThenBy(m => m.Id).ToList());
    }

    private async Task<MembershipState> ReadMembershipAsync(LiveReadContext context, MembershipSummary summary,
        Func<string, MembershipChildKind, bool> reads, bool leaving, CancellationToken ct)
    {
        if (summary.Status != "ACTIVE")
        {
            // A removed membership has nothing left inside it that we could change; its status alone matters.
            return new MembershipState(summary.Id, summary.Arn, summary.CollaborationId, summary.CollaborationName,
                summary.Status, "", KindValues.Empty);
        }
        // The summary lacks the log statuses and the result configuration.
        var membershipTask = context.Gets.GetAsync(summary, () => api.GetMembershipAsync(summary.Id, ct));
        // Tags the config names are compared on every run. No Get returns tags, and tagging moves no updateTime: never
        // cached. Without tags in the config they are read later, only where the record they hold is needed (RecordReads).
        async Task<IReadOnlyDictionary<string, string>?> TagsAsync() =>
            context.ReadsTags(summary.CollaborationId) ? await api.ListTagsForResourceAsync(summary.Arn, ct) : null;
        var tagsTask = TagsAsync();
        // Each kind in the membership reads its own resources, all at once.
        var kindTasks = ResourceKinds.InMembership
            .Where(kind => reads(summary.CollaborationId, kind))
            .Select(kind => KindEngines.For(kind).ReadAsync(context, summary, KindValues.Empty, ct))
            .ToList();
        var foreignTask = leaving ? ForeignKindEngines.ReadAsync(api, summary.Id, ct) : Task.FromResult<IReadOnlyList<ForeignResource>>([]);
        await Task.WhenAll(kindTasks.Append<Task>(membershipTask).Append(tagsTask).Append(foreignTask));
        var children = kindTasks.Aggregate(KindValues.Empty, (all, read) => read.Result.Merge(all));
        var m = membershipTask.Result;
        return new MembershipState(m.Id, m.Arn, m.CollaborationId, m.CollaborationName, m.Status, m.QueryLogStatus.Value, children, m.JobLogStatus?.Value,
            MembershipMapping.FromShape(m.DefaultResultConfiguration), MembershipMapping.FromShape(m.PaymentConfiguration),
            leaving ? foreignTask.Result : null, tagsTask.Result);
    }
}
