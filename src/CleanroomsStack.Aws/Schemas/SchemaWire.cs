using CleanroomsStack.Engine.Ports;
using System.Text.Json.Serialization;
using CleanroomsStack.Aws.Wire;

namespace CleanroomsStack.Aws.Schemas;

internal sealed record SchemaPage(IReadOnlyList<SchemaSummary>? SchemaSummaries, string? NextToken) : IPage<SchemaSummary>
{
    [JsonIgnore]
    public IReadOnlyList<SchemaSummary>? Items => SchemaSummaries;
}

internal sealed record BatchGetSchemaBody(IReadOnlyList<string> Names);

internal sealed record BatchGetSchemaOutput(IReadOnlyList<Schema>? Schemas, IReadOnlyList<BatchGetSchemaError>? Errors);

internal sealed record BatchGetSchemaAnalysisRuleBody(IReadOnlyList<SchemaAnalysisRuleRequest> SchemaAnalysisRuleRequests);

internal sealed record BatchGetSchemaAnalysisRuleOutput(IReadOnlyList<SchemaAnalysisRule>? AnalysisRules, IReadOnlyList<SchemaAnalysisRuleError>? Errors);
