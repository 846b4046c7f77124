using CleanroomsStack.Core.Inventory;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Reading;

/// <summary>
/// Reads what expansion needs: the caller, its configured tables, every collaboration it is invited to or active in,
/// and the members of the collaborations the config names (members are read only where needed: one call each).
/// </summary>
public sealed class InventoryReader(ICleanRoomsApi api, string region, int parallelism)
{
    public async Task<Inventory> ReadAsync(IReadOnlySet<string> collaborationIds, CancellationToken ct)
    {
        var callerTask = api.GetCallerIdentityAsync(ct);
        var tablesTask = api.ListConfiguredTablesAsync(ct);
        var collaborationsTask = api.ListCollaborationsAsync(null, ct);
        await Task.WhenAll(callerTask, tablesTask, collaborationsTask);

        var wanted = collaborationsTask.Result.Where(c => collaborationIds.Contains(c.Id)).ToList();
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

    private static CollaborationInfo ToInfo(CollaborationSummary c, IReadOnlyList<MemberSummary> members) =>
        new(c.Id, c.Name, c.CreatorAccountId, c.CreatorDisplayName, c.MemberStatus, c.MembershipId,
            members.Select(m => new MemberInfo(m.AccountId, m.DisplayName, m.Status, m.Abilities))
                .OrderBy(m => m.AccountId, StringComparer.Ordinal).ToList());
}
