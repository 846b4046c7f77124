using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>What every membership child kind offers the rest of the emulator, whatever its record type.</summary>
public interface IMembershipChildKind
{
    void Register(RouteTable routes);

    bool HasChildren(EmulatorState state, string membershipId);

    IEnumerable<string> Arns(World world, MembershipRecord membership);
}

/// <summary>The identity and clock reading a new child is created with.</summary>
public readonly record struct NewChild(string Id, string MembershipId, double Now);

/// <summary>
/// The wire names of a child kind: <paramref name="Operation"/> is the suffix of its operations (CreateIdMappingTable,
/// ListIdMappingTables), <paramref name="PathSegment"/> its collection under the membership, <paramref name="Member"/> its
/// response member and path label stem (idMappingTable, idMappingTableIdentifier), <paramref name="ResourceType"/> the
/// resourceType of its errors; <paramref name="Noun"/> and <paramref name="QuotaName"/> are for messages.
/// </summary>
public sealed record ChildKindNames(string Operation, string PathSegment, string Member, string ResourceType, string Noun, string QuotaName);

/// <summary>A parsed Create request: the child it would make, and the tags to put on it.</summary>
public sealed record CreateRequest<T>(Func<NewChild, T> Build, SortedDictionary<string, string>? Tags);

/// <summary>A parsed Update request: an optional new name (checked for clashes first) and the in-place changes.</summary>
public sealed record UpdateRequest<T>(string? NewName, Action<T> Apply);

/// <summary>
/// The Create / List / Get / Update / Delete operations every membership child shares, over one indexed store.
/// A kind supplies its wire names, request parsing (the only place that reads request bodies), its own
/// cross-resource checks and its rendering; the store is the backend and <see cref="Errors"/> the error shapes.
/// </summary>
public abstract class MembershipChildKind<T> : IMembershipChildKind where T : class, IMembershipChild
{
    protected MembershipChildKind(ChildKindNames names, Func<EmulatorState, MembershipChildStore<T>> store, Func<EmulatorQuotas, int> quota)
    {
        Names = names;
        _store = store;
        _quota = quota;
    }

    private readonly Func<EmulatorState, MembershipChildStore<T>> _store;
    private readonly Func<EmulatorQuotas, int> _quota;

    public ChildKindNames Names { get; }

    public MembershipChildStore<T> Store(EmulatorState state) => _store(state);

    public abstract string Arn(World world, MembershipRecord membership, T child);

    /// <summary>Validates the body (throwing a ValidationException) before anything is looked up, as AWS does.</summary>
    protected abstract CreateRequest<T> ParseCreate(JsonObject body);

    protected abstract UpdateRequest<T> ParseUpdate(JsonObject body);

    /// <summary>Checks of the new child against other resources (what it refers to, clashes besides the name).</summary>
    protected virtual void CheckCreate(OperationContext context, MembershipRecord membership, T child)
    {
    }

    protected abstract JsonObject Summary(World world, MembershipRecord membership, T child);

    protected abstract JsonObject Full(World world, MembershipRecord membership, T child);

    /// <summary>A second child of the same name in one membership on create: 409 ALREADY_EXISTS.</summary>
    private AwsServiceError NameClash(MembershipRecord membership, T existing) =>
        Errors.Conflict("ALREADY_EXISTS", $"{Capitalized(Names.Noun)} named '{existing.Name}' already exists in membership {membership.Id}.",
            existing.Id, Names.ResourceType);

    private string IdLabel => Names.Member + "Identifier";

    public void Register(RouteTable routes)
    {
        var collection = $"/memberships/{{membershipIdentifier}}/{Names.PathSegment}";
        var item = $"{collection}/{{{IdLabel}}}";
        routes.Rest("cleanrooms", $"Create{Names.Operation}", "POST", collection, true, Create);
        routes.Rest("cleanrooms", $"List{Names.Operation}s", "GET", collection, false, List);
        routes.Rest("cleanrooms", $"Get{Names.Operation}", "GET", item, false, Get);
        routes.Rest("cleanrooms", $"Update{Names.Operation}", "PATCH", item, true, Update);
        routes.Rest("cleanrooms", $"Delete{Names.Operation}", "DELETE", item, true, Delete);
    }

    public bool HasChildren(EmulatorState state, string membershipId) => Store(state).In(membershipId).Count > 0;

    public IEnumerable<string> Arns(World world, MembershipRecord membership) =>
        Store(world.State).In(membership.Id).Select(child => Arn(world, membership, child));

    /// <summary>The child named by the path label, in a membership the caller owns; ResourceNotFoundException otherwise.</summary>
    public T Find(OperationContext context, MembershipRecord membership)
    {
        var id = Lookups.UuidLabel(context, IdLabel);
        return Store(context.World.State).Find(membership.Id, id) ?? throw Errors.NotFound(Names.ResourceType, id, Capitalized(Names.Noun));
    }

    private OperationResult Create(OperationContext context)
    {
        var request = ParseCreate(context.Body);
        var world = context.World;
        var membership = Lookups.ActiveMembership(context);
        var store = Store(world.State);
        var child = request.Build(new NewChild(world.NewId(), membership.Id, world.Now()));
        CheckCreate(context, membership, child);
        if (store.FindByName(membership.Id, child.Name) is { } clash) throw NameClash(membership, clash);

        var quota = _quota(world.Options.Quotas);
        if (store.In(membership.Id).Count >= quota) throw Errors.QuotaExceeded(Names.QuotaName, quota);

        store.Add(child);
        if (request.Tags is { Count: > 0 }) world.State.Tags[Arn(world, membership, child)] = request.Tags;
        return Single(world, membership, child);
    }

    private OperationResult List(OperationContext context)
    {
        var world = context.World;
        var membership = Lookups.Membership(context);
        var items = Lookups.Stable(context, Store(world.State).In(membership.Id), c => c.CreateTime, c => c.Id);
        return OperationResult.Json(Paginator.ListResponse(context, Names.Member + "Summaries", items, c => Summary(world, membership, c)));
    }

    private OperationResult Get(OperationContext context)
    {
        var membership = Lookups.Membership(context);
        return Single(context.World, membership, Find(context, membership));
    }

    /// <summary>Members left out of the body stay as they are; updateTime always moves (readers key their caches off it).</summary>
    private OperationResult Update(OperationContext context)
    {
        var membership = Lookups.Membership(context);
        var child = Find(context, membership);
        var request = ParseUpdate(context.Body);
        var store = Store(context.World.State);
        if (request.NewName is { } name && name != child.Name)
        {
            // Update operations model no ConflictException, so a taken name is a validation error there.
            if (store.FindByName(membership.Id, name) is { } clash && clash != child)
                throw Errors.Validation("name", $"{Capitalized(Names.Noun)} named '{clash.Name}' already exists in this membership");
            store.Rename(child, name);
        }

        request.Apply(child);
        child.UpdateTime = context.World.UpdatedSince(child.UpdateTime);
        return Single(context.World, membership, child);
    }

    private OperationResult Delete(OperationContext context)
    {
        var membership = Lookups.Membership(context);
        var child = Find(context, membership);
        Store(context.World.State).Remove(child);
        context.World.State.Tags.Remove(Arn(context.World, membership, child));
        return OperationResult.NoContent();
    }

    private OperationResult Single(World world, MembershipRecord membership, T child) =>
        OperationResult.Json(new JsonObject { [Names.Member] = Full(world, membership, child) });

    private static string Capitalized(string noun) => char.ToUpperInvariant(noun[0]) + noun[1..];
}
