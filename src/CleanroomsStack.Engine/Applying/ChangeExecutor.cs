using CleanroomsStack.Core.Kinds;
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
/// <param name="written">Where writes are kept for the read cache, if there is one.</param>
internal sealed class ChangeExecutor(ICleanRoomsApi api, ApplyOptions options, WrittenResources? written = null)
{
    private readonly ApplyContext context = new(api, new CreateOrAdopt(options), options, written);

    public Task<Executed> ExecuteAsync(ResourceChange change, ParentIds parents, CancellationToken ct) =>
        KindEngines.For(change.Kind).ExecuteAsync(context, change, parents, ct);

    /// <summary>
    /// With a read cache: one listing of <paramref name="kind"/> in the membership, after this run's last change inside
    /// its resources (see <see cref="WrittenResources"/>). A listing that fails only costs the next run its Gets.
    /// </summary>
    public async Task RelistAsync(ResourceKind kind, string membershipId, CancellationToken ct)
    {
        if (written is null) return;
        try
        {
            if (await KindEngines.For(kind).ListInMembershipAsync(api, membershipId, ct) is { } listed) written.Relisted(listed);
        }
        catch (AwsApiException)
        {
            // Not kept: the next preview Gets these resources.
        }
    }
}

/// <summary>A change that can't go on for a reason the user can act on: the message says what, the hint what to do.</summary>
internal abstract class HintedException(string message, string hint) : Exception(message)
{
    public string Hint { get; } = hint;
}

/// <summary>A resource with the wanted name exists but is not the one the config describes, so it can't be taken over.</summary>
internal sealed class AdoptionException(string message, string hint) : HintedException(message, hint);

/// <summary>A resource (or the parent a change needs) that reads still don't show after the whole visibility wait.</summary>
internal sealed class NotVisibleException(string what, TimeSpan waited) : HintedException(
    $"{what} is still not visible to reads after {waited.TotalSeconds:0} s (AWS reads lag behind writes)",
    "run the command again in a minute: it re-reads live state and carries on where this run stopped.");

/// <summary>A resource the plan read is gone by the time a change reaches it (AWS answered 404, or 403 that its listing confirmed).</summary>
internal sealed class GoneException(string what) : HintedException(
    $"{what} no longer exists (AWS denied the call, and the listing no longer shows it)",
    "run the command again: it re-reads live state and plans what is missing.");
