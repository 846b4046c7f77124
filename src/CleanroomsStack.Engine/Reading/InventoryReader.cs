using CleanroomsStack.Core.Inventory;
using CleanroomsStack.Core.Values;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Resources.Membership;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Reading;

/// <summary>
/// The account-wide lists, the first phase of reading the inventory: the caller, its configured tables, the
/// collaborations it is invited to, active in or gone from (without their members yet), and its memberships, from
/// which the live-state reader starts.
/// </summary>
public sealed record InventoryListing(
    CallerIdentity Caller, IReadOnlyList<ConfiguredTableSummary> Tables, IReadOnlyList<CollaborationInfo> Collaborations,
    IReadOnlyList<MembershipSummary> Memberships)
{
    /// <summary>The collaborations whose live state a run reads: those named, and every open one when a policy may match it.</summary>
    public IReadOnlySet<string> ToRead(IReadOnlySet<string> named, bool everyOpenCollaboration) =>
        Collaborations.Where(c => named.Contains(c.Id) || (everyOpenCollaboration && c.MemberStatus.IsOpen))
            .Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
}

/// <summary>
/// Reads what expansion needs in two phases: <see cref="ListAsync"/> makes the account-wide lists (a few pages), and
/// <see cref="CompleteAsync"/> reads the members of the collaborations that need them (one call each), which the
/// live-state reads need not wait for. Collaborations the caller is active in are known from its memberships, so only
/// invitations are listed: at 1000 collaborations that is one ListCollaborations page instead of ten.
/// </summary>
public sealed class InventoryReader(ICleanRoomsApi api, string region, int parallelism)
{
    /// <param name="collaborationIds">The collaborations the config names.</param>
    public async Task<InventoryListing> ListAsync(IReadOnlySet<string> collaborationIds, CancellationToken ct)
    {
        var callerTask = api.GetCallerIdentityAsync(ct);
        var tablesTask = api.ListConfiguredTablesAsync(ct);
        var invitationsTask = api.ListCollaborationsAsync("INVITED", ct);
        var membershipsTask = api.ListMembershipsAsync(null, ct);
        await Task.WhenAll(callerTask, tablesTask, invitationsTask, membershipsTask);

        var known = invitationsTask.Result.Select(Listed)
            .Concat(membershipsTask.Result.Where(m => m.Status == "ACTIVE").Select(Joined))
            .DistinctBy(c => c.Id)
            .ToList();
        known.AddRange(await UnaccountedForAsync(collaborationIds, known, membershipsTask.Result, ct));
        var collaborations = known.Concat(Gone(membershipsTask.Result, known, collaborationIds)).ToList();
        return new InventoryListing(callerTask.Result, tablesTask.Result, collaborations, membershipsTask.Result);
    }

    /// <summary>The inventory: the listing with the members of the named collaborations (of every open one if asked).</summary>
    public async Task<Inventory> CompleteAsync(InventoryListing listing, IReadOnlySet<string> collaborationIds, bool everyOpenCollaboration,
        CancellationToken ct)
    {
        var wanted = listing.Collaborations
            .Where(c => c.MemberStatus.IsOpen && (collaborationIds.Contains(c.Id) || everyOpenCollaboration)).ToList();
        var members = await Bounded.SelectAsync(wanted, parallelism, c => api.ListMembersAsync(c.Id, ct));

        var collaborations = listing.Collaborations
            .Select(c => members.TryGetValue(c, out var m) ? c with { Members = ToInfo(m) } : c)
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var tables = listing.Tables
            .Select(t => new ConfiguredTableInfo(t.Id, t.Name, t.Arn, t.AnalysisRuleTypes.Select(r => r.Value).ToList()))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        return new Inventory(new CallerInfo(listing.Caller.Account, listing.Caller.Arn), tables, collaborations, region);
    }

    /// <summary>
    /// Collaborations the config names that neither list accounts for: a membership created moments ago that
    /// ListMemberships doesn't show yet (the collaboration is no longer an invitation), or an id that isn't ours.
    /// Every collaboration is listed then, as AWS shows them, so the first can be adopted and the second reported.
    /// </summary>
    private async Task<IEnumerable<CollaborationInfo>> UnaccountedForAsync(IReadOnlySet<string> collaborationIds,
        IReadOnlyList<CollaborationInfo> known, IReadOnlyList<MembershipSummary> memberships, CancellationToken ct)
    {
        var accounted = known.Select(c => c.Id).Concat(memberships.Select(m => m.CollaborationId)).ToHashSet(StringComparer.Ordinal);
        if (collaborationIds.All(accounted.Contains)) return [];
        var all = await api.ListCollaborationsAsync(null, ct);
        return all.Where(c => !accounted.Contains(c.Id)).Select(Listed).ToList();
    }

    /// <summary>
    /// Collaborations that no longer list the caller (it left or was removed, or the creator deleted the collaboration)
    /// are known only through the caller's membership; they are reported by their membership status so nothing tries
    /// to re-join.
    /// </summary>
    private static IEnumerable<CollaborationInfo> Gone(
        IReadOnlyList<MembershipSummary> memberships, IReadOnlyList<CollaborationInfo> known, IReadOnlySet<string> wanted) =>
        memberships
            .Where(m => m.Status != MembershipStatus.Active && wanted.Contains(m.CollaborationId) && known.All(c => c.Id != m.CollaborationId))
            .GroupBy(m => m.CollaborationId)
            .Select(g => g.First())
            .Select(m => new CollaborationInfo(m.CollaborationId, m.CollaborationName, m.CollaborationCreatorAccountId,
                m.CollaborationCreatorDisplayName, GoneAs(m.Status), m.Id, []));

    /// <summary>
    /// What a membership that is not ACTIVE says of our standing: REMOVED, or the collaboration deleted. A status this
    /// version doesn't know never gets here: the AWS client refuses the listing (<see cref="AwsEnum.MustBeKnown"/>).
    /// </summary>
    private static MemberStatus GoneAs(MembershipStatus status) =>
        status == MembershipStatus.CollaborationDeleted ? MemberStatus.CollaborationDeleted : MemberStatus.Removed;

    private static CollaborationInfo Listed(CollaborationSummary c) =>
        new(c.Id, c.Name, c.CreatorAccountId, c.CreatorDisplayName, c.MemberStatus, c.MembershipId, []);

    private static CollaborationInfo Joined(MembershipSummary m) =>
        new(m.CollaborationId, m.CollaborationName, m.CollaborationCreatorAccountId, m.CollaborationCreatorDisplayName,
            "ACTIVE", m.Id, []);

    private static List<MemberInfo> ToInfo(IReadOnlyList<MemberSummary> members) =>
        members.Select(m => new MemberInfo(m.AccountId, m.DisplayName, m.Status, m.Abilities, MembershipMapping.FromShape(m.PaymentConfiguration)))
            .OrderBy(m => m.AccountId, StringComparer.Ordinal).ToList();
}
