using System.Text.Json;
using System.Text.Json.Nodes;

namespace CleanroomsStack.Emulator.Protocol;

/// <summary>What goes back on the wire: status, content type and body text (empty for 204s).</summary>
public sealed record OperationResult(int StatusCode, string? ContentType, string Body, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    /// <summary>True when the connection is to be aborted instead of answered (an injected fault).</summary>
    public bool AbortConnection { get; init; }

    public static OperationResult Dropped() => new(0, null, "", []) { AbortConnection = true };

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static OperationResult Json(JsonObject body, int statusCode = 200, string contentType = "application/json") =>
        new(statusCode, contentType, body.ToJsonString(Compact), []);

    /// <summary>204 with no body: every Clean Rooms Delete* operation.</summary>
    public static OperationResult NoContent() => new(204, null, "", []);

    /// <summary>200 with an empty body: TagResource and UntagResource.</summary>
    public static OperationResult EmptyOk() => new(200, null, "", []);

    public static OperationResult Xml(string body, int statusCode = 200) => new(statusCode, "text/xml", body, []);

    public OperationResult WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };
}
