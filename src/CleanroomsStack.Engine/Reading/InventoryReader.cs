using CleanroomsStack.Core.Inventory;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Reading;

/// <summary>
/// Reads what expansion needs: the caller, its configured tables, every collaboration it is invited to or active in,
/// and the members of the collaborations the config names (members are read only where needed: one call each).
/// </summary>
public sealed class InventoryReader(ICleanRoomsApi api, string region, int parallelism)
{
    /// <param name="everyOpenCollaboration">Also read the members of every collaboration the caller is invited to or active in.</param>
    public async Task<Inventory> ReadAsync(IReadOnlySet<string> collaborationIds, bool everyOpenCollaboration, CancellationToken ct)
    {
        var callerTask = api.GetCallerIdentityAsync(ct);
        var tablesTask = api.ListConfiguredTablesAsync(ct);
        var collaborationsTask = api.ListCollaborationsAsync(null, ct);
        await Task.WhenAll(callerTask, tablesTask, collaborationsTask);

        var wanted = collaborationsTask.Result
            .Where(c => collaborationIds.Contains(c.Id) || (everyOpenCollaboration && IsOpen(c.MemberStatus)))
            .ToList();
        var members = await Bounded.SelectAsync(wanted, parallelism, c => api.ListMembersAsync(c.Id, ct));

        var caller = callerTask.Result;
        var collaborations = collaborationsTask.Result
            .Select(c => ToInfo(c, members.TryGetValue(c, out var m) ? m : []))
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var tables = tablesTask.Result
            .Select(t => new ConfiguredTableInfo(t.Id, t.Name, t.Arn))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
        return new Inventory(new CallerInfo(caller.Account, caller.Arn), tables, collaborations, region);
    }

    /// <summary>Invited to, or a member of: a collaboration the tool may act on.</summary>
    public static bool IsOpen(string memberStatus) => memberStatus is "INVITED" or "ACTIVE";

    private static CollaborationInfo ToInfo(CollaborationSummary c, IReadOnlyList<MemberSummary> members) =>
        new(c.Id, c.Name, c.CreatorAccountId, c.CreatorDisplayName, c.MemberStatus, c.MembershipId,
            members.Select(m => new MemberInfo(m.AccountId, m.DisplayName, m.Status, m.Abilities, MembershipMapping.FromShape(m.PaymentConfiguration)))
                .OrderBy(m => m.AccountId, StringComparer.Ordinal).ToList());
}
