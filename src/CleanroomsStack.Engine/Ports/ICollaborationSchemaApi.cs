using System.Text.Json;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Ports;

/// <summary>
/// Collaboration-side reads: every configured table association appears in its collaboration as a schema named after
/// the association. One batch call checks the analysis rules of up to 25 tables, so these are the cheap way to verify
/// a whole membership. Part of <see cref="ICleanRoomsApi"/>.
/// </summary>
public interface ICollaborationSchemaApi
{
    /// <summary>ListSchemas, every page. <paramref name="schemaType"/>: TABLE, ID_MAPPING_TABLE or null for all.</summary>
    Task<IReadOnlyList<SchemaSummary>> ListSchemasAsync(string collaborationId, string? schemaType, CancellationToken ct);

    /// <summary>
    /// BatchGetSchemaAnalysisRule for any number of (schema, rule type) pairs: sent in batches of 25 (the API's limit),
    /// results and per-item errors merged in request order.
    /// </summary>
    Task<SchemaAnalysisRules> BatchGetSchemaAnalysisRuleAsync(
        string collaborationId, IReadOnlyList<SchemaAnalysisRuleRequest> requests, CancellationToken ct);

    /// <summary>BatchGetSchema for any number of schema names (batches of 25): each schema with its readiness.</summary>
    Task<SchemaBatch> BatchGetSchemaAsync(string collaborationId, IReadOnlyList<string> names, CancellationToken ct);
}

/// <summary>A schema as the collaboration sees it; <see cref="SchemaStatusDetails"/> says whether it can be queried.</summary>
public sealed record Schema(
    string Name, string Type, IReadOnlyList<string> AnalysisRuleTypes,
    IReadOnlyList<SchemaStatusDetail>? SchemaStatusDetails = null, string? CollaborationId = null);

/// <param name="Status">READY or NOT_READY.</param>
public sealed record SchemaStatusDetail(
    string Status, IReadOnlyList<SchemaStatusReason>? Reasons = null, string? AnalysisRuleType = null, string? AnalysisType = null);

public sealed record SchemaStatusReason(string Code, string Message);

public sealed record BatchGetSchemaError(string Name, string Code, string Message);

public sealed record SchemaBatch(IReadOnlyList<Schema> Schemas, IReadOnlyList<BatchGetSchemaError> Errors);

public sealed record SchemaSummary(
    string Name, string Type, string CreatorAccountId, DateTimeOffset CreateTime, DateTimeOffset UpdateTime,
    string CollaborationId, string CollaborationArn, IReadOnlyList<string> AnalysisRuleTypes,
    string? AnalysisMethod = null, IReadOnlyList<string>? SelectedAnalysisMethods = null);

public sealed record SchemaAnalysisRuleRequest(string Name, string Type);

/// <summary>
/// A schema's analysis rule as the collaboration sees it. <see cref="CollaborationPolicy"/> is the association's
/// collaboration analysis rule (the one this tool manages); the configured table's own rule and the merged rule are
/// kept as raw JSON since the tool only displays them.
/// </summary>
public sealed record SchemaAnalysisRule(
    string CollaborationId, string Type, string Name, DateTimeOffset CreateTime, DateTimeOffset UpdateTime,
    JsonElement? Policy = null, AnalysisRulePolicy? CollaborationPolicy = null, JsonElement? ConsolidatedPolicy = null);

public sealed record SchemaAnalysisRuleError(string Name, string Type, string Code, string Message);

public sealed record SchemaAnalysisRules(IReadOnlyList<SchemaAnalysisRule> AnalysisRules, IReadOnlyList<SchemaAnalysisRuleError> Errors);
