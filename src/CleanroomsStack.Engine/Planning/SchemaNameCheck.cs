using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Engine.Planning;

/// <summary>
/// Association and ID mapping table names are the collaboration's schema names, one per name across every member
/// (AWS compares them lowercased). A name another member's schema already uses would fail at <c>up</c>, so the plan
/// reads the schemas (ListSchemas) of each collaboration where it creates such a resource and reports every clash as
/// an error before any write. Collaborations with nothing to create cost no call. Only a member can read a
/// collaboration's schemas, so an invitation being accepted is checked by the next run (AWS refuses a clash at create).
/// </summary>
public static class SchemaNameCheck
{
    public static async Task<Plan> CheckAsync(ICleanRoomsApi api, Plan plan, string callerAccountId, int parallelism, CancellationToken ct)
    {
        var creating = plan.Collaborations
            .Where(c => c.Changes.Any(x => x.Kind.Parent is null && x.Action is ChangeAction.NoOp or ChangeAction.Update))
            .Select(c => (Collaboration: c, Names: c.Changes
                .Where(x => x.Action is ChangeAction.Create or ChangeAction.Replace && x.Kind is MembershipChildKind { IsCollaborationSchema: true })
                .Select(x => x.Address.Name).ToList()))
            .Where(c => c.Names.Count > 0)
            .ToList();
        if (creating.Count == 0) return plan;
        var schemas = await Bounded.SelectAsync(creating, parallelism, c => api.ListSchemasAsync(c.Collaboration.CollaborationId, null, ct));
        var clashes = creating.SelectMany(c => c.Names.SelectMany(name => schemas[c]
            .Where(s => s.CreatorAccountId != callerAccountId && string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
            .Select(s => Diagnostic.Error(DiagnosticCodes.SchemaNameTaken,
                $"'{name}' is already a table name in '{c.Collaboration.Name}' ({c.Collaboration.CollaborationId}), owned by account {s.CreatorAccountId}; names are unique across the collaboration",
                hint: "change association.nameTemplate (e.g. 'acx_{table}'), rename the ID mapping table, or leave the table out with tables.exclude"))))
            .ToList();
        return clashes.Count == 0 ? plan : plan with { Diagnostics = [.. plan.Diagnostics, .. clashes] };
    }
}
