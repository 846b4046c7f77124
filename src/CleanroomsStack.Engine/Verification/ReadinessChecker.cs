using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Resources.TableAssociation;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Verification;

/// <summary>One kind of analysis on a schema (DIRECT_ANALYSIS, ADDITIONAL_ANALYSIS) and whether it is READY, with AWS's reasons.</summary>
public sealed record AnalysisReadiness(string AnalysisType, bool Ready, IReadOnlyList<string> Reasons);

/// <summary>Whether the collaboration can use one managed association now, as its schema status says.</summary>
/// <param name="Status">READY (every analysis type ready), NOT_READY, or MISSING when the collaboration has no schema of that name.</param>
public sealed record AssociationReadiness(string Collaboration, string CollaborationId, string Association, string Status, IReadOnlyList<string> Reasons,
    IReadOnlyList<AnalysisReadiness>? Analyses = null)
{
    public bool Ready => Status == "READY";
}

/// <summary>
/// `verify`: reads, for every managed association that exists, its schema in the collaboration (BatchGetSchema, 25
/// names a call) and reports READY / NOT_READY per analysis type (direct, additional) with AWS's reasons (e.g.
/// RESULT_RECEIVERS_NOT_CONFIGURED). Readiness can lag the rules by minutes, so <c>verify --wait</c> polls this.
/// </summary>
public sealed class ReadinessChecker(ICleanRoomsApi api)
{
    /// <summary>Queries on the table itself: reported first, before additional analyses (Clean Rooms ML) on their output.</summary>
    private const string DirectAnalysis = "DIRECT_ANALYSIS";

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
        var analyses = details.GroupBy(d => d.AnalysisType ?? DirectAnalysis)
            .OrderBy(g => g.Key == DirectAnalysis ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AnalysisReadiness(g.Key, g.All(d => d.Status == "READY"), Codes(g)))
            .ToList();
        var ready = analyses.Count > 0 && analyses.All(a => a.Ready);
        return new(collaboration, collaborationId, name, ready ? "READY" : "NOT_READY", Codes(details), analyses);
    }

    private static List<string> Codes(IEnumerable<SchemaStatusDetail> details) =>
        details.SelectMany(d => d.Reasons ?? []).Select(r => r.Code).Distinct().Order(StringComparer.Ordinal).ToList();
}
