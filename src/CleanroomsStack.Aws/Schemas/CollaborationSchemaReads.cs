using CleanroomsStack.Aws.Wire;
using CleanroomsStack.Engine.Ports;
using static CleanroomsStack.Aws.Wire.RestUri;

namespace CleanroomsStack.Aws.Schemas;

/// <summary>The schema reads of <see cref="ICollaborationSchemaApi"/> over restJson1 (facts §10).</summary>
internal sealed class CollaborationSchemaReads(RestJsonChannel rest)
{
    /// <summary>BatchGetSchemaAnalysisRule accepts 1–25 requests per call.</summary>
    public const int BatchLimit = 25;

    private const string PageSize = "100";

    private static AwsJsonContext Json => AwsJsonContext.Default;

    public Task<IReadOnlyList<SchemaSummary>> ListSchemasAsync(string collaborationId, string? schemaType, CancellationToken ct) =>
        rest.ListAllAsync<SchemaPage, SchemaSummary>(Operations.ListSchemas, $"/collaborations/{Label(collaborationId)}/schemas",
            [("maxResults", PageSize), ("schemaType", schemaType)], Json.SchemaPage, s => s.Name, ct);

    public async Task<SchemaAnalysisRules> BatchGetSchemaAnalysisRuleAsync(
        string collaborationId, IReadOnlyList<SchemaAnalysisRuleRequest> requests, CancellationToken ct)
    {
        var rules = new List<SchemaAnalysisRule>();
        var errors = new List<SchemaAnalysisRuleError>();
        var path = $"/collaborations/{Label(collaborationId)}/batch-schema-analysis-rule";
        foreach (var batch in requests.Chunk(BatchLimit))
        {
            var output = await rest.SendAsync(Operations.BatchGetSchemaAnalysisRule, path, new BatchGetSchemaAnalysisRuleBody(batch),
                Json.BatchGetSchemaAnalysisRuleBody, Json.BatchGetSchemaAnalysisRuleOutput, ct).ConfigureAwait(false);
            rules.AddRange(output.AnalysisRules ?? []);
            errors.AddRange(output.Errors ?? []);
        }
        return new SchemaAnalysisRules(rules, errors);
    }

    public async Task<SchemaBatch> BatchGetSchemaAsync(string collaborationId, IReadOnlyList<string> names, CancellationToken ct)
    {
        var schemas = new List<Schema>();
        var errors = new List<BatchGetSchemaError>();
        var path = $"/collaborations/{Label(collaborationId)}/batch-schema";
        foreach (var batch in names.Chunk(BatchLimit))
        {
            var output = await rest.SendAsync(Operations.BatchGetSchema, path, new BatchGetSchemaBody(batch),
                Json.BatchGetSchemaBody, Json.BatchGetSchemaOutput, ct).ConfigureAwait(false);
            schemas.AddRange(output.Schemas ?? []);
            errors.AddRange(output.Errors ?? []);
        }
        return new SchemaBatch(schemas, errors);
    }
}
