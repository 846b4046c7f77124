using Microsoft.AspNetCore.Http;

namespace CleanroomsStack.Emulator.Protocol;

/// <summary>A request as it arrived on the wire: the raw (still percent-encoded) path and query, headers, body.</summary>
public sealed record IncomingRequest(string Method, string RawPath, string RawQuery, IHeaderDictionary Headers, byte[] Body)
{
    public string? Header(string name)
    {
        var values = Headers[name];
        return values.Count == 0 ? null : values.ToString();
    }

    /// <summary>Path segments with their percent-encoding removed, so an encoded ARN stays one segment.</summary>
    public IReadOnlyList<string> PathSegments =>
        RawPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();
}
