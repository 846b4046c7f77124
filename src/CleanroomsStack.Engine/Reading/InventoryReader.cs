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
        var collaborationsTask = api.ListCollaborationsAsync(null, ct);
        var membershipsTask = memberships is null ? api.ListMembershipsAsync(null, ct) : Task.FromResult(memberships);
        await Task.WhenAll(callerTask, tablesTask, collaborationsTask, membershipsTask);

        var wanted = collaborationsTask.Result
            .Where(c => collaborationIds.Contains(c.Id) || (everyOpenCollaboration && IsOpen(c.MemberStatus)))
            .ToList();
        var members = await Bounded.SelectAsync(wanted, parallelism, c => api.ListMembersAsync(c.Id, ct));

        var caller = callerTask.Result;
        var collaborations = collaborationsTask.Result
            .Select(c => ToInfo(c, members.TryGetValue(c, out var m) ? m : []))
            .Concat(Gone(membershipsTask.Result, collaborationsTask.Result, collaborationIds))
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var tables = tablesTask.Result
            .Select(t => new ConfiguredTableInfo(t.Id, t.Name, t.Arn))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        return new InventoryReading(new Inventory(new CallerInfo(caller.Account, caller.Arn), tables, collaborations, region), membershipsTask.Result);
    }

    /// <summary>
    /// Collaborations that no longer list the caller (it was removed, or the creator deleted the collaboration) are known
    /// only through the caller's membership; they are reported by their membership status so nothing tries to re-join.
    /// </summary>
    private static IEnumerable<CollaborationInfo> Gone(
        IReadOnlyList<MembershipSummary> memberships, IReadOnlyList<CollaborationSummary> listed, IReadOnlySet<string> wanted) =>
        memberships
            .Where(m => m.Status != "ACTIVE" && wanted.Contains(m.CollaborationId) && listed.All(c => c.Id != m.CollaborationId))
            .GroupBy(m => m.CollaborationId)
            .Select(g => g.First())
            .Select(m => new CollaborationInfo(m.CollaborationId, m.CollaborationName, m.CollaborationCreatorAccountId,
                m.CollaborationCreatorDisplayName, m.Status, m.Id, []));

    /// <summary>Invited to, or a member of: a collaboration the tool may act on.</summary>
    public static bool IsOpen(string memberStatus) => memberStatus is "INVITED" or "ACTIVE";

    private static CollaborationInfo ToInfo(CollaborationSummary c, IReadOnlyList<MemberSummary> members) =>
        new(c.Id, c.Name, c.CreatorAccountId, c.CreatorDisplayName, c.MemberStatus, c.MembershipId,
            members.Select(m => new MemberInfo(m.AccountId, m.DisplayName, m.Status, m.Abilities, MembershipMapping.FromShape(m.PaymentConfiguration)))
                .OrderBy(m => m.AccountId, StringComparer.Ordinal).ToList());
}
