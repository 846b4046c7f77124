using CleanroomsStack.Core.Inventory;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Reading;

/// <summary>The inventory, and the caller's memberships it listed: the live-state reader starts from them.</summary>
public sealed record InventoryReading(Inventory Inventory, IReadOnlyList<MembershipSummary> Memberships);

/// <summary>
/// Reads what expansion needs: the caller, its configured tables, every collaboration it is invited to or active in,
/// and the members of the collaborations the config names (members are read only where needed: one call each).
/// Collaborations it is active in are known from its memberships, so only invitations are listed: at 1000
/// collaborations that is one ListCollaborations page instead of ten.
/// </summary>
public sealed class InventoryReader(ICleanRoomsApi api, string region, int parallelism)
{
    /// <param name="everyOpenCollaboration">Also read the members of every collaboration the caller is invited to or active in.</param>
    /// <param name="memberships">The caller's memberships (every status) if already listed; otherwise they are listed here.</param>
    public async Task<InventoryReading> ReadAsync(IReadOnlySet<string> collaborationIds, bool everyOpenCollaboration, CancellationToken ct,
        IReadOnlyList<MembershipSummary>? memberships = null)
    {
        var callerTask = api.GetCallerIdentityAsync(ct);
        var tablesTask = api.ListConfiguredTablesAsync(ct);
        var invitationsTask = api.ListCollaborationsAsync("INVITED", ct);
        var membershipsTask = memberships is null ? api.ListMembershipsAsync(null, ct) : Task.FromResult(memberships);
        await Task.WhenAll(callerTask, tablesTask, invitationsTask, membershipsTask);

        var known = invitationsTask.Result.Select(Listed)
            .Concat(membershipsTask.Result.Where(m => m.Status == "ACTIVE").Select(Joined))
            .DistinctBy(c => c.Id)
            .ToList();
        known.AddRange(await UnaccountedForAsync(collaborationIds, known, membershipsTask.Result, ct));
        var wanted = known.Where(c => collaborationIds.Contains(c.Id) || (everyOpenCollaboration && IsOpen(c.MemberStatus))).ToList();
        var members = await Bounded.SelectAsync(wanted, parallelism, c => api.ListMembersAsync(c.Id, ct));

        var caller = callerTask.Result;
        var collaborations = known
            .Select(c => c with { Members = ToInfo(members.TryGetValue(c, out var m) ? m : []) })
            .Concat(Gone(membershipsTask.Result, known, collaborationIds))
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var tables = tablesTask.Result
            .Select(t => new ConfiguredTableInfo(t.Id, t.Name, t.Arn))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        return new InventoryReading(new Inventory(new CallerInfo(caller.Account, caller.Arn), tables, collaborations, region), membershipsTask.Result);
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
            .Where(m => m.Status != "ACTIVE" && wanted.Contains(m.CollaborationId) && known.All(c => c.Id != m.CollaborationId))
            .GroupBy(m => m.CollaborationId)
            .Select(g => g.First())
            .Select(m => new CollaborationInfo(m.CollaborationId, m.CollaborationName, m.CollaborationCreatorAccountId,
                m.CollaborationCreatorDisplayName, m.Status, m.Id, []));

    /// <summary>Invited to, or a member of: a collaboration the tool may act on.</summary>
    public static bool IsOpen(string memberStatus) => memberStatus is "INVITED" or "ACTIVE";

    private static CollaborationInfo Listed(CollaborationSummary c) =>
        new(c.Id, c.Name, c.CreatorAccountId, c.CreatorDisplayName, c.MemberStatus, c.MembershipId, []);

    private static CollaborationInfo Joined(MembershipSummary m) =>
        new(m.CollaborationId, m.CollaborationName, m.CollaborationCreatorAccountId, m.CollaborationCreatorDisplayName,
            "ACTIVE", m.Id, []);

    private static List<MemberInfo> ToInfo(IReadOnlyList<MemberSummary> members) =>
        members.Select(m => new MemberInfo(m.AccountId, m.DisplayName, m.Status, m.Abilities, MembershipMapping.FromShape(m.PaymentConfiguration)))
            .OrderBy(m => m.AccountId, StringComparer.Ordinal).ToList();
}
