using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;
using CleanroomsStack.Engine.Reading;

namespace CleanroomsStack.Engine.Kinds;

/// <summary>What a kind's live read gets: the API, the read cache's Gets and how many calls may run at once.</summary>
/// <param name="TagsWanted">Whether the config names tags for a collaboration (by id), so its resources' tags are read; null: never.</param>
internal sealed record LiveReadContext(ICleanRoomsApi Api, CachedGets Gets, int Parallelism, Func<string, bool>? TagsWanted = null)
{
    public bool ReadsTags(string collaborationId) => TagsWanted?.Invoke(collaborationId) ?? false;
}

/// <summary>What a kind's apply gets: the API, the create-or-adopt protocol, the run's options and, with a read cache, where writes are kept.</summary>
internal sealed record ApplyContext(ICleanRoomsApi Api, CreateOrAdopt Creates, ApplyOptions Options, WrittenResources? Written = null)
{
    /// <summary>A create or update answered with <paramref name="shape"/>: kept for the read cache, if there is one.</summary>
    public IVersionedResource Wrote(IVersionedResource shape)
    {
        Written?.Record(shape);
        return shape;
    }
}

/// <summary>
/// The engine's half of a resource kind: how its live state is read and how a planned change of it is carried out
/// with AWS calls. One per kind (<see cref="KindEngines"/>), stateless; the Core half is <see cref="ResourceKind"/>.
/// </summary>
internal abstract class KindEngine
{
    public abstract ResourceKind Kind { get; }

    /// <summary>Reads this kind's live resources in one active membership into <paramref name="children"/> (kinds read by their parent keep it as is).</summary>
    public virtual Task<KindValues> ReadAsync(LiveReadContext context, MembershipSummary membership, KindValues children, CancellationToken ct) =>
        Task.FromResult(children);

    /// <summary>The kind's listing in one membership (null for a kind that isn't listed per membership).</summary>
    public virtual Task<IReadOnlyList<IVersionedResource>?> ListInMembershipAsync(ICleanRoomsApi api, string membershipId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<IVersionedResource>?>(null);

    /// <summary>Carries out one change and returns the id the resource ended with.</summary>
    public abstract Task<Executed> ExecuteAsync(ApplyContext context, ResourceChange change, ParentIds parents, CancellationToken ct);

    /// <summary>What to do about a failed call on this kind, when the kind knows better than the error kind alone; null otherwise.</summary>
    public virtual string? HintFor(AwsApiException e) => null;

    protected static string Require(string? id, ResourceChange change) =>
        id ?? throw new InvalidOperationException($"{change.Address}: parent id unknown when applying; the applier orders parents first");

    /// <summary>
    /// Deleting what is already gone (a concurrent run, a lost response to our own delete) is success. AWS answers a
    /// missing resource with 403 AccessDenied as often as with 404, so a denial counts as "gone" unless
    /// <paramref name="listed"/> (the listing the same role reads, or the parent's state) still shows the resource:
    /// only then is it a real lack of permission, reported with the IAM action.
    /// </summary>
    protected static async Task DeleteAsync(Func<Task> delete, Func<Task<bool>> listed)
    {
        try
        {
            await delete();
        }
        catch (AwsApiException e) when (e.Kind is AwsErrorKind.NotFound or AwsErrorKind.AccessDenied)
        {
            if (e.Kind == AwsErrorKind.AccessDenied && await listed()) throw;
        }
    }

    /// <summary>A Get that answers null when the resource isn't (yet) visible; a 403 is disambiguated as in <see cref="DeleteAsync"/>.</summary>
    protected static async Task<T?> TryGetAsync<T>(Func<Task<T>> get, Func<Task<bool>> listed) where T : class
    {
        try
        {
            return await get();
        }
        catch (AwsApiException e) when (e.Kind is AwsErrorKind.NotFound or AwsErrorKind.AccessDenied)
        {
            if (e.Kind == AwsErrorKind.AccessDenied && await listed()) throw;
            return null;
        }
    }

    /// <summary>
    /// The states with their tags (ListTagsForResource, one call each: no Get returns tags) when the config names tags
    /// for the collaboration; otherwise as they are, tags unread, at no cost. Tags change no updateTime, so they are
    /// never taken from the read cache.
    /// </summary>
    protected static async Task<IReadOnlyList<TState>> WithTagsAsync<TState>(LiveReadContext context, string collaborationId,
        IReadOnlyList<TState> states, CancellationToken ct) where TState : class, ITaggedState
    {
        if (states.Count == 0 || !context.ReadsTags(collaborationId)) return states;
        var tagged = await Bounded.SelectAsync(states, context.Parallelism,
            async s => (TState)s.WithTags(await context.Api.ListTagsForResourceAsync(s.Arn, ct)));
        return states.Select(s => tagged[s]).ToList();
    }

    /// <summary>
    /// Sets the tags an update names (<c>tags.&lt;key&gt;</c>) with TagResource on the live resource's ARN; tags the plan
    /// doesn't name stay as they are. Nothing when the update sets no tag.
    /// </summary>
    protected static async Task TagAsync(ICleanRoomsApi api, ResourceChange change, CancellationToken ct)
    {
        if (TagPaths.ToSet(change.Diffs) is { Count: > 0 } tags)
            await api.TagResourceAsync(change.LiveAs<ITaggedState>().Arn, tags, ct);
    }

    /// <summary>AWS returns names lowercase, so names compare case-insensitively.</summary>
    protected static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
