using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CleanroomsStack.Aws.Http;
using CleanroomsStack.Aws.Wire;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws.Glue;

/// <summary>
/// Glue over awsJson1_1: every call is POST / with the operation in X-Amz-Target ("AWSGlue.GetTable") and a
/// PascalCase JSON body; errors carry __type and a capital "Message", which the shared error reader handles.
/// </summary>
internal sealed class GlueCatalogClient(AwsCallExecutor executor, IDisposable transport) : IGlueCatalogApi, IDisposable
{
    private const string ContentType = "application/x-amz-json-1.1";
    private const int PageSize = 100;

    private static GlueJsonContext Json => GlueJsonContext.Default;

    public async Task<GlueTable> GetTableAsync(string databaseName, string tableName, string? catalogId, CancellationToken ct)
    {
        var output = await CallAsync(Operations.GetTable, new GetTableInput(databaseName, tableName, catalogId), Json.GetTableInput, Json.GetTableOutput, ct)
            .ConfigureAwait(false);
        return output.Table ?? throw Malformed(Operations.GetTable, "the response lacks Table");
    }

    public async Task<IReadOnlyList<GlueTable>> GetTablesAsync(string databaseName, string? expression, string? catalogId, CancellationToken ct)
    {
        var tables = new List<GlueTable>();
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? nextToken = null;
        do
        {
            var input = new GetTablesInput(databaseName, catalogId, expression, nextToken, PageSize);
            var page = await CallAsync(Operations.GetTables, input, Json.GetTablesInput, Json.GetTablesOutput, ct).ConfigureAwait(false);
            tables.AddRange(page.TableList ?? []);
            nextToken = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
            if (nextToken is not null && !seenTokens.Add(nextToken))
            {
                throw Malformed(Operations.GetTables, $"the service returned the same NextToken twice ('{nextToken}'); stopping to avoid an endless listing");
            }
        }
        while (nextToken is not null);
        return tables;
    }

    public void Dispose() => transport.Dispose();

    private async Task<TOut> CallAsync<TIn, TOut>(
        AwsOperation operation, TIn input, JsonTypeInfo<TIn> inputType, JsonTypeInfo<TOut> outputType, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(input, inputType);
        var request = new WireRequest(operation, "/", body, ContentType, $"AWSGlue.{operation.Name}");
        var response = await executor.SendAsync(request, ct).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(response.Body, outputType) ?? throw Malformed(operation, "the response body is empty");
        }
        catch (JsonException e)
        {
            throw Malformed(operation, $"the response is not the expected JSON ({e.Message})");
        }
    }

    private static AwsApiException Malformed(AwsOperation operation, string detail) =>
        new(AwsErrorKind.Fatal, operation.Name, AwsApiException.MalformedResponse, detail, httpStatus: 200);
}
