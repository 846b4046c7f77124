using CleanroomsStack.Core.Resources.TableAssociation;
using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Live;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Verification;

/// <summary>Whether the collaboration can use one managed association now, as its schema status says.</summary>
/// <param name="Status">READY, NOT_READY, or MISSING when the collaboration has no schema of that name.</param>
public sealed record AssociationReadiness(string Collaboration, string CollaborationId, string Association, string Status, IReadOnlyList<string> Reasons)
{
    public bool Ready => Status == "READY";
}

/// <summary>
/// `verify`: reads, for every managed association that exists, its schema in the collaboration (BatchGetSchema, 25
/// names a call) and reports READY / NOT_READY with AWS's reasons (e.g. RESULT_RECEIVERS_NOT_CONFIGURED).
/// </summary>
public sealed class ReadinessChecker(ICleanRoomsApi api)
{
    public async Task<IReadOnlyList<AssociationReadiness>> CheckAsync(DesiredState desired, LiveState live, CancellationToken ct)
    {
        var results = new List<AssociationReadiness>();
        foreach (var collaboration in desired.Collaborations.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            var membership = live.ForCollaboration(collaboration.CollaborationId);
            if (membership is not { IsActive: true }) continue;
            var existing = TableAssociationKind.Instance.States(membership).Select(a => a.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var names = TableAssociationKind.Instance.Specs(collaboration).Select(a => a.Name).Where(existing.Contains).Order(StringComparer.Ordinal).ToList();
            if (names.Count == 0) continue;
            var batch = await api.BatchGetSchemaAsync(collaboration.CollaborationId, names, ct);
            results.AddRange(names.Select(name => Readiness(collaboration.Name, collaboration.CollaborationId, name, batch)));
        }
        return results;
    }

    private static AssociationReadiness Readiness(string collaboration, string collaborationId, string name, SchemaBatch batch)
    {
        var schema = batch.Schemas.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (schema is null)
        {
            var error = batch.Errors.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
            return new(collaboration, collaborationId, name, "MISSING", [error is null ? "not returned by BatchGetSchema" : $"{error.Code}: {error.Message}"]);
        }
        var details = schema.SchemaStatusDetails ?? [];
        var ready = details.Count > 0 && details.All(d => d.Status == "READY");
        var reasons = details.SelectMany(d => d.Reasons ?? []).Select(r => r.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        return new(collaboration, collaborationId, name, ready ? "READY" : "NOT_READY", reasons);
    }
}
