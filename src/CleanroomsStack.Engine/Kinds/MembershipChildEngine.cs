using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Kinds;

/// <summary>
/// The engine half of a kind that lives directly in a membership and has its own id: create (through create-or-adopt),
/// update in place, delete, and replace in the order the planner chose (create first keeps the old one serving until its
/// successor exists). The kind supplies the calls; this class the order, once for all such kinds.
/// </summary>
internal abstract class MembershipChildEngine<TSpec> : KindEngine where TSpec : class
{
    /// <summary>Creates the resource; returns it as the create answered (what <c>up</c> keeps in the read cache).</summary>
    protected abstract Task<IVersionedResource> CreateAsync(ICleanRoomsApi api, string membershipId, TSpec spec, CancellationToken ct);

    /// <summary>Updates the resource; returns it as the update answered.</summary>
    protected abstract Task<IVersionedResource> UpdateAsync(ICleanRoomsApi api, string membershipId, string id, TSpec spec, CancellationToken ct);

    protected abstract Task DeleteAsync(ICleanRoomsApi api, string membershipId, string id, CancellationToken ct);

    /// <summary>The kind's listing in the membership (every page).</summary>
    protected abstract Task<IReadOnlyList<IVersionedResource>> ListAsync(ICleanRoomsApi api, string membershipId, CancellationToken ct);

    public override async Task<IReadOnlyList<IVersionedResource>?> ListInMembershipAsync(ICleanRoomsApi api, string membershipId, CancellationToken ct) =>
        await ListAsync(api, membershipId, ct);

    /// <summary>Whether the kind's listing in the membership shows the resource: what tells a 403 for a missing resource from a real denial.</summary>
    private async Task<bool> IsListedAsync(ICleanRoomsApi api, string membershipId, string id, CancellationToken ct) =>
        (await ListAsync(api, membershipId, ct)).Any(s => s.Id == id);

    /// <summary>A Get of one resource of this kind that answers null when it isn't (yet) there (404, or a 403 the listing confirms).</summary>
    protected Task<T?> TryGetAsync<T>(ICleanRoomsApi api, string membershipId, string id, Func<Task<T>> get, CancellationToken ct) where T : class =>
        TryGetAsync(get, () => IsListedAsync(api, membershipId, id, ct));

    /// <summary>The id of a resource that a create may already have made, given the conflict if any; null when not (yet) visible.</summary>
    protected abstract Task<string?> FindAsync(ICleanRoomsApi api, string membershipId, TSpec spec, AwsApiException? conflict, CancellationToken ct);

    /// <summary>Brings an adopted resource in line with the spec (or refuses it: <see cref="AdoptionException"/>).</summary>
    protected abstract Task AlignAsync(ICleanRoomsApi api, string membershipId, string id, TSpec spec, CancellationToken ct);

    public override async Task<Executed> ExecuteAsync(ApplyContext context, ResourceChange change, ParentIds parents, CancellationToken ct)
    {
        var api = context.Api;
        var membershipId = Require(parents.MembershipId, change);
        if (change is { Action: ChangeAction.Replace, Order: ReplacementOrder.CreateFirst })
        {
            var created = await CreateOrAdoptAsync(context, membershipId, change.DesiredAs<TSpec>(), parents.ParentIsNew, ct);
            await DeleteLiveAsync(api, membershipId, change, ct);
            return created;
        }
        if (change.Action is ChangeAction.Delete or ChangeAction.Replace)
            await DeleteLiveAsync(api, membershipId, change, ct);
        if (change.Action == ChangeAction.Delete)
            return new Executed(change.LiveId);
        var spec = change.DesiredAs<TSpec>();
        if (change.Action == ChangeAction.Update)
            return new Executed(await UpdateLiveAsync(context, membershipId, Require(change.LiveId, change), spec, change, ct));
        return await CreateOrAdoptAsync(context, membershipId, spec, parents.ParentIsNew, ct);
    }

    /// <summary>
    /// The kind's Update for what it changes, then TagResource for the tags the plan sets (an update of tags alone makes
    /// only that call). A target that answers 403 is reported as a missing permission only while the listing still shows it.
    /// </summary>
    private async Task<string> UpdateLiveAsync(ApplyContext context, string membershipId, string id, TSpec spec, ResourceChange change, CancellationToken ct)
    {
        var api = context.Api;
        try
        {
            var updated = TagPaths.OnlyTags(change.Diffs) ? id : context.Wrote(await UpdateAsync(api, membershipId, id, spec, ct)).Id;
            await TagAsync(api, change, ct);
            return updated;
        }
        catch (AwsApiException e) when (e.Kind is AwsErrorKind.NotFound or AwsErrorKind.AccessDenied)
        {
            if (e.Kind == AwsErrorKind.AccessDenied && await IsListedAsync(api, membershipId, id, ct)) throw;
            throw new GoneException($"{change.Address} ({id})");
        }
    }

    private Task DeleteLiveAsync(ICleanRoomsApi api, string membershipId, ResourceChange change, CancellationToken ct)
    {
        var id = Require(change.LiveId, change);
        return DeleteAsync(() => DeleteAsync(api, membershipId, id, ct), () => IsListedAsync(api, membershipId, id, ct));
    }

    private Task<Executed> CreateOrAdoptAsync(ApplyContext context, string membershipId, TSpec spec, bool parentIsNew, CancellationToken ct) =>
        context.Creates.RunAsync(
            async () => context.Wrote(await CreateAsync(context.Api, membershipId, spec, ct)).Id,
            conflict => FindAsync(context.Api, membershipId, spec, conflict, ct),
            id => AlignAsync(context.Api, membershipId, id, spec, ct),
            parentIsNew, ct);

    /// <summary>
    /// Lists, then Gets each listed resource in full (or takes it from the read cache), and makes states of them, with
    /// their tags when the config names tags for the membership's collaboration.
    /// </summary>
    protected static async Task<IReadOnlyList<TState>> ReadListedAsync<TSummary, TFull, TState>(LiveReadContext context, MembershipSummary membership,
        Func<Task<IReadOnlyList<TSummary>>> list, Func<TSummary, Task<TFull>> get, Func<TFull, TState> state, Func<TState, string> name, CancellationToken ct)
        where TSummary : IVersionedResource where TFull : class, IVersionedResource where TState : class, ITaggedState
    {
        var summaries = await list();
        var full = await Bounded.SelectAsync(summaries, context.Parallelism, s => context.Gets.GetAsync(s, () => get(s)));
        var states = full.Values.Select(state).OrderBy(name, StringComparer.Ordinal).ToList();
        return await WithTagsAsync(context, membership.CollaborationId, states, ct);
    }
}
