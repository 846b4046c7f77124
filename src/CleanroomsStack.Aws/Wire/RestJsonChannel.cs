using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CleanroomsStack.Aws.Http;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Engine.Ports.Shapes;

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

    /// <summary>POST/PATCH with a JSON body answered with 200 and an empty body (TagResource).</summary>
    public async Task SendAsync<TBody>(AwsOperation operation, string pathAndQuery, TBody body, JsonTypeInfo<TBody> input, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(body, input);
        await executor.SendAsync(new WireRequest(operation, pathAndQuery, bytes, JsonContentType), ct).ConfigureAwait(false);
    }

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

    /// <summary>
    /// The most pages one listing may take. Every list we read is bounded by a quota: 250 configured tables and 100
    /// memberships per account, 25 children of a kind per membership, 10 members per collaboration; at 100 items a
    /// page that is at most 3 pages, and still 25 if AWS filled pages only a tenth. A listing past this bound hands out
    /// tokens that never end, and stops within 20 s at AWS's 5 requests per second instead of running for ever.
    /// </summary>
    public const int MaxPages = 100;

    /// <summary>
    /// Follows nextToken until it is absent. Pages may be short or empty before the end; only the token decides. An
    /// eventually consistent listing may repeat an item across pages: repeats are dropped by <paramref name="key"/>, a
    /// resource updated between the pages keeps its later version, and one key with two different bodies of one version
    /// is a malformed response (which of them is true can't be known).
    /// </summary>
    public async Task<IReadOnlyList<T>> ListAllAsync<TPage, T>(
        AwsOperation operation, string path, (string Key, string? Value)[] query, JsonTypeInfo<TPage> pageType, Func<T, string?> key,
        CancellationToken ct)
        where TPage : IPage<T>
    {
        var items = new Dictionary<string, (T Item, string Json)>(StringComparer.Ordinal);
        var itemType = (JsonTypeInfo<T>)pageType.Options.GetTypeInfo(typeof(T));
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? nextToken = null;
        do
        {
            if (seenTokens.Count >= MaxPages)
                throw Malformed(operation, $"the listing did not end after {MaxPages} pages (nextToken '{nextToken}'); no listing we read can be that long");
            var pathAndQuery = RestUri.WithQuery(path, [.. query, ("nextToken", nextToken)]);
            var page = await GetAsync(operation, pathAndQuery, pageType, ct).ConfigureAwait(false);
            foreach (var item in page.Items ?? []) Add(operation, items, item, key(item), JsonSerializer.Serialize(item, itemType));
            nextToken = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
            if (nextToken is not null && !seenTokens.Add(nextToken))
            {
                throw Malformed(operation, $"the service returned the same nextToken twice ('{nextToken}'); stopping to avoid an endless listing");
            }
        }
        while (nextToken is not null);
        return items.Values.Select(v => v.Item).ToList();
    }

    private static void Add<T>(AwsOperation operation, Dictionary<string, (T Item, string Json)> items, T item, string? key, string json)
    {
        if (string.IsNullOrEmpty(key)) throw Malformed(operation, $"a listed item lacks its identifier: {json}");
        if (!items.TryGetValue(key, out var seen)) items.Add(key, (item, json));
        else if (seen.Json == json) return;
        // A resource updated between two pages comes back with a later updateTime: the later one is the truth.
        else if (seen.Item is IVersionedResource before && item is IVersionedResource after && before.UpdateTime != after.UpdateTime)
        {
            if (after.UpdateTime > before.UpdateTime) items[key] = (item, json);
        }
        else throw Malformed(operation, $"the listing holds '{key}' twice with different {DifferingMembers(seen.Json, json)}: {seen.Json} and {json}");
    }

    /// <summary>"members 'name', 'description'": where two bodies of one item differ, so the message names the fields.</summary>
    private static string DifferingMembers(string first, string second)
    {
        var (a, b) = (JsonNode.Parse(first)?.AsObject(), JsonNode.Parse(second)?.AsObject());
        if (a is null || b is null) return "contents";
        var differing = a.Select(p => p.Key).Union(b.Select(p => p.Key))
            .Where(name => !JsonNode.DeepEquals(a[name], b[name])).Select(name => $"'{name}'").ToList();
        return differing.Count == 0 ? "contents" : $"{(differing.Count == 1 ? "member" : "members")} {string.Join(", ", differing)}";
    }

    private static TOut Read<TOut>(AwsOperation operation, WireResponse response, JsonTypeInfo<TOut> output)
    {
        try
        {
            var value = response.Body.Length == 0 ? default : JsonSerializer.Deserialize(response.Body, output);
            if (value is null) throw Malformed(operation, "the response body is empty", response.RequestId);
            if (ResponseCheck.FirstProblem(value, output) is { } problem) throw Malformed(operation, problem, response.RequestId);
            return value;
        }
        catch (JsonException e)
        {
            throw Malformed(operation, $"the response is not the expected JSON ({e.Message})", response.RequestId);
        }
    }

    private static AwsApiException Malformed(AwsOperation operation, string detail, string? requestId = null) =>
        new(AwsErrorKind.Fatal, operation.Name, AwsApiException.MalformedResponse, detail, httpStatus: 200, requestId);
}
