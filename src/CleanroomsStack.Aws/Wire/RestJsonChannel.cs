using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CleanroomsStack.Aws.Http;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws.Wire;

/// <summary>
/// restJson1 framing over the executor: JSON bodies (at least <c>{}</c> on POST/PATCH, none on GET/DELETE),
/// typed responses, and list operations followed through every page.
/// </summary>
internal sealed class RestJsonChannel(AwsCallExecutor executor)
{
    private const string JsonContentType = "application/json";

    /// <summary>The largest page Clean Rooms allows: fewer calls against a per-operation rate limit.</summary>
    public const string MaxPageSize = "100";

    /// <summary>GET (or any call without a body) returning a JSON document.</summary>
    public async Task<TOut> GetAsync<TOut>(AwsOperation operation, string pathAndQuery, JsonTypeInfo<TOut> output, CancellationToken ct)
    {
        var response = await executor.SendAsync(new WireRequest(operation, pathAndQuery, null, null), ct).ConfigureAwait(false);
        return Read(operation, response, output);
    }

    /// <summary>GET of one resource wrapped in its output member (e.g. {"membership": {...}}).</summary>
    public async Task<T> GetResourceAsync<TOutput, T>(
        AwsOperation operation, string pathAndQuery, JsonTypeInfo<TOutput> output, Func<TOutput, T?> member, CancellationToken ct) =>
        Unwrap(operation, member(await GetAsync(operation, pathAndQuery, output, ct).ConfigureAwait(false)));

    /// <summary>POST/PATCH of a JSON body answered with one resource wrapped in its output member.</summary>
    public async Task<T> SendForResourceAsync<TBody, TOutput, T>(
        AwsOperation operation, string pathAndQuery, TBody body, JsonTypeInfo<TBody> input, JsonTypeInfo<TOutput> output,
        Func<TOutput, T?> member, CancellationToken ct) =>
        Unwrap(operation, member(await SendAsync(operation, pathAndQuery, body, input, output, ct).ConfigureAwait(false)));

    private static T Unwrap<T>(AwsOperation operation, T? resource) =>
        resource ?? throw Malformed(operation, "the response lacks its resource member");

    /// <summary>POST/PATCH with a JSON body returning a JSON document.</summary>
    public async Task<TOut> SendAsync<TBody, TOut>(
        AwsOperation operation, string pathAndQuery, TBody body, JsonTypeInfo<TBody> input, JsonTypeInfo<TOut> output, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, input);
        var response = await executor.SendAsync(new WireRequest(operation, pathAndQuery, bytes, JsonContentType), ct).ConfigureAwait(false);
        return Read(operation, response, output);
    }

    /// <summary>DELETE answered with 204 (or 200) and no body worth reading.</summary>
    public async Task DeleteAsync(AwsOperation operation, string pathAndQuery, CancellationToken ct) =>
        await executor.SendAsync(new WireRequest(operation, pathAndQuery, null, null), ct).ConfigureAwait(false);

    /// <summary>Follows nextToken until it is absent. Pages may be short or empty before the end; only the token decides.</summary>
    public async Task<IReadOnlyList<T>> ListAllAsync<TPage, T>(
        AwsOperation operation, string path, (string Key, string? Value)[] query, JsonTypeInfo<TPage> pageType, CancellationToken ct)
        where TPage : IPage<T>
    {
        var items = new List<T>();
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? nextToken = null;
        do
        {
            var pathAndQuery = RestUri.WithQuery(path, [.. query, ("nextToken", nextToken)]);
            var page = await GetAsync(operation, pathAndQuery, pageType, ct).ConfigureAwait(false);
            items.AddRange(page.Items ?? []);
            nextToken = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
            if (nextToken is not null && !seenTokens.Add(nextToken))
            {
                throw Malformed(operation, $"the service returned the same nextToken twice ('{nextToken}'); stopping to avoid an endless listing");
            }
        }
        while (nextToken is not null);
        return items;
    }

    private static TOut Read<TOut>(AwsOperation operation, WireResponse response, JsonTypeInfo<TOut> output)
    {
        try
        {
            var value = response.Body.Length == 0 ? default : JsonSerializer.Deserialize(response.Body, output);
            return value ?? throw Malformed(operation, "the response body is empty", response.RequestId);
        }
        catch (JsonException e)
        {
            throw Malformed(operation, $"the response is not the expected JSON ({e.Message})", response.RequestId);
        }
    }

    private static AwsApiException Malformed(AwsOperation operation, string detail, string? requestId = null) =>
        new(AwsErrorKind.Fatal, operation.Name, "MalformedResponse", detail, httpStatus: 200, requestId);
}
