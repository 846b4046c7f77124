using System.Globalization;
using System.Text.Json.Nodes;

namespace CleanroomsStack.Emulator.Protocol;

/// <summary>
/// The Clean Rooms error shapes of the model (facts §2c), one factory per code, so every handler answers
/// with the same status and members AWS uses.
/// </summary>
public static class Errors
{
    public static AwsServiceError Validation(IReadOnlyList<ValidationField> fields)
    {
        var list = new JsonArray();
        foreach (var field in fields)
        {
            list.Add(new JsonObject { ["name"] = field.Name, ["message"] = field.Message });
        }

        var count = fields.Count;
        var detail = string.Join("; ", fields.Select(f => $"Value{Space(Quote(f))} at '{f.Name}' failed to satisfy constraint: {f.Message}"));
        var message = $"{count} validation error{(count == 1 ? "" : "s")} detected: {detail}";
        return new AwsServiceError("ValidationException", 400, message,
            new JsonObject { ["reason"] = "FIELD_VALIDATION_FAILED", ["fieldList"] = list });
    }

    public static AwsServiceError Validation(string field, string message) => Validation([new ValidationField(field, message)]);

    private static string Space(string quoted) => quoted.Length == 0 ? "" : " " + quoted;

    /// <summary>AWS's wording: <c>Value 'x' at 'name'</c>, <c>Value null at 'name'</c>; long values are cut.</summary>
    private static string Quote(ValidationField field) => field.Value switch
    {
        null when field.Message == "Member must not be null" => "null",
        null => "",
        { Length: > 100 } text => $"'{text[..100]}…'",
        var value => $"'{value}'",
    };

    /// <summary>A request that is well-formed but contradicts the resources it refers to.</summary>
    public static AwsServiceError InvalidConfiguration(string message) =>
        new("ValidationException", 400, message, new JsonObject { ["reason"] = "INVALID_CONFIGURATION" });

    public static AwsServiceError NotFound(string resourceType, string resourceId, string noun) =>
        new("ResourceNotFoundException", 404, $"{noun} {resourceId} not found.",
            new JsonObject { ["resourceId"] = resourceId, ["resourceType"] = resourceType });

    public static AwsServiceError Conflict(string reason, string message, string? resourceId = null, string? resourceType = null)
    {
        var members = new JsonObject { ["reason"] = reason };
        if (resourceId is not null) members["resourceId"] = resourceId;
        if (resourceType is not null) members["resourceType"] = resourceType;
        return new AwsServiceError("ConflictException", 409, message, members);
    }

    public static AwsServiceError QuotaExceeded(string quotaName, int quotaValue) =>
        new("ServiceQuotaExceededException", 402,
            $"Request would exceed the quota '{quotaName}' of {quotaValue.ToString(CultureInfo.InvariantCulture)}.",
            new JsonObject { ["quotaName"] = quotaName, ["quotaValue"] = (double)quotaValue });

    public static AwsServiceError AccessDenied(string message) =>
        new("AccessDeniedException", 403, message, new JsonObject { ["reason"] = "INSUFFICIENT_PERMISSIONS" });

    public static AwsServiceError Throttling(string operation) =>
        new("ThrottlingException", 429, $"Rate exceeded for {operation}.");

    public static AwsServiceError Internal(string message = "An internal error occurred. Try again.") =>
        new("InternalServerException", 500, message, senderFault: false);

    public static AwsServiceError UnknownOperation(string method, string path) =>
        new("UnknownOperationException", 404, $"No operation matches {method} {path}.");

    public static AwsServiceError Serialization(string message) =>
        new("SerializationException", 400, message);
}
