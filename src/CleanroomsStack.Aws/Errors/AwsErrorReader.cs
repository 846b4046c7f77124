using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using CleanroomsStack.Aws.Wire;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws.Errors;

/// <summary>Turns a non-2xx AWS response into an <see cref="AwsApiException"/> (code, message, request id, modeled members).</summary>
internal static class AwsErrorReader
{
    public static AwsApiException FromJson(string operation, int status, HttpResponseHeaders headers, byte[] body)
    {
        var error = TryReadJson(body);
        // restJson1: X-Amzn-ErrorType "Code:http://internal..." wins; the body's __type "ns#Code" is the fallback.
        var code = CodeFromHeader(headers) ?? CodeFromType(error.Type) ?? FallbackCode(status);
        var fields = error.Body;
        return Build(operation, status, code, fields?.Message, RequestId(headers), fields);
    }

    public static AwsApiException FromQueryXml(string operation, int status, HttpResponseHeaders headers, byte[] body)
    {
        // awsQuery: <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>
        string? code = null, message = null, requestId = null;
        try
        {
            var root = XDocument.Parse(Encoding.UTF8.GetString(body)).Root;
            var error = root?.Elements().FirstOrDefault(e => e.Name.LocalName == "Error");
            code = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
            message = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
            requestId = root?.Elements().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value;
        }
        catch (System.Xml.XmlException)
        {
            // Not XML (a proxy's HTML page, an empty 503): classify by status alone.
        }
        return Build(operation, status, NonEmpty(code) ?? FallbackCode(status), message, RequestId(headers) ?? NonEmpty(requestId), null);
    }

    private static AwsApiException Build(string operation, int status, string code, string? message, string? requestId, ErrorBody? fields)
    {
        var kind = AwsErrorTaxonomy.Classify(code, status, fields?.Reason);
        return new AwsApiException(kind, operation, code, NonEmpty(message) ?? $"HTTP {status} without an error message", status, requestId)
        {
            Reason = fields?.Reason,
            ResourceId = fields?.ResourceId,
            ResourceType = fields?.ResourceType,
            FieldList = fields?.FieldList ?? [],
            QuotaName = fields?.QuotaName,
            QuotaValue = fields?.QuotaValue,
            OutcomeUnknown = AwsErrorTaxonomy.OutcomeUnknown(kind, status, fields?.Reason),
        };
    }

    private static (string? Type, ErrorBody? Body) TryReadJson(byte[] body)
    {
        if (body.Length == 0) return (null, null);
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, null);
            var type = FirstString(document.RootElement, "__type", "code", "Code");
            return (type, document.RootElement.Deserialize(AwsJsonContext.Default.ErrorBody));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? FirstString(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String) return value.GetString();
        }
        return null;
    }

    private static string? CodeFromHeader(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("X-Amzn-ErrorType", out var values)) return null;
        var raw = values.FirstOrDefault();
        if (raw is null) return null;
        var colon = raw.IndexOf(':');
        return NonEmpty(colon >= 0 ? raw[..colon] : raw);
    }

    /// <summary>"aws.protocoltests.restjson#FooError:http://..." → "FooError": drop any namespace and any suffix.</summary>
    private static string? CodeFromType(string? type)
    {
        if (type is null) return null;
        var colon = type.IndexOf(':');
        var withoutSuffix = colon >= 0 ? type[..colon] : type;
        var hash = withoutSuffix.LastIndexOf('#');
        return NonEmpty(hash >= 0 ? withoutSuffix[(hash + 1)..] : withoutSuffix);
    }

    private static string FallbackCode(int status) => $"Http{status}";

    internal static string? RequestId(HttpResponseHeaders headers) =>
        headers.TryGetValues("x-amzn-RequestId", out var values) ? values.FirstOrDefault()
        : headers.TryGetValues("x-amz-request-id", out var s3Style) ? s3Style.FirstOrDefault()
        : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
