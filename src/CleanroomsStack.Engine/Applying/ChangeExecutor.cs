using CleanroomsStack.Core.Planning;
using CleanroomsStack.Engine.Kinds;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Engine.Applying;

/// <summary>
/// The ids a change needs from its parents: the membership's, and for a kind inside another resource, that parent's.
/// They come from this run when a parent was just created (then <see cref="ParentIsNew"/> is set, since reads may not
/// show that parent yet).
/// </summary>
internal sealed record ParentIds(string? MembershipId, string? ParentId, bool ParentIsNew);

/// <summary>Carries out one planned change through its kind's engine (<see cref="KindEngines"/>).</summary>
internal sealed class ChangeExecutor(ICleanRoomsApi api, ApplyOptions options)
{
    private readonly ApplyContext context = new(api, new CreateOrAdopt(options), options);

    public Task<Executed> ExecuteAsync(ResourceChange change, ParentIds parents, CancellationToken ct) =>
        KindEngines.For(change.Kind).ExecuteAsync(context, change, parents, ct);
}

/// <summary>A resource with the wanted name exists but is not the one the config describes, so it can't be taken over.</summary>
internal sealed class AdoptionException(string message, string hint) : Exception(message)
{
    public string Hint { get; } = hint;
}
