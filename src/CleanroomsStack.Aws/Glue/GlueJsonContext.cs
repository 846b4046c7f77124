using System.Text.Json.Serialization;
using CleanroomsStack.Aws.Wire;

namespace CleanroomsStack.Aws.Glue;

internal sealed record GetTableInput(string DatabaseName, string Name, string? CatalogId);

internal sealed record GetTableOutput(GlueTable? Table);

internal sealed record GetTablesInput(string DatabaseName, string? CatalogId, string? Expression, string? NextToken, int MaxResults);

internal sealed record GetTablesOutput(IReadOnlyList<GlueTable>? TableList, string? NextToken);

/// <summary>awsJson1_1 bodies: PascalCase member names as declared (no naming policy), nulls not written, epoch seconds.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(GetTableInput))]
[JsonSerializable(typeof(GetTableOutput))]
[JsonSerializable(typeof(GetTablesInput))]
[JsonSerializable(typeof(GetTablesOutput))]
internal sealed partial class GlueJsonContext : JsonSerializerContext;
