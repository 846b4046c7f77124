using System.Net;
using System.Text.Json.Nodes;

namespace CleanroomsStack.Emulator.Tests.Support;

/// <summary>A response as a client sees it: status, AWS error code header, request id and JSON body.</summary>
public sealed record AwsResponse(HttpStatusCode Status, string? ErrorType, string? RequestId, string RawBody)
{
    public JsonObject Json => RawBody.Length == 0 ? new JsonObject() : JsonNode.Parse(RawBody)!.AsObject();

    public string? Str(string path) => JsonPath.Str(Json, path);

    public JsonNode? Node(string path) => JsonPath.Get(Json, path);

    public AwsResponse Expect(HttpStatusCode status)
    {
        Assert.True(status == Status, $"expected {(int)status} but got {(int)Status} {ErrorType}: {RawBody}");
        return this;
    }

    public AwsResponse ExpectError(HttpStatusCode status, string errorType)
    {
        Expect(status);
        Assert.Equal(errorType, ErrorType);
        return this;
    }
}
