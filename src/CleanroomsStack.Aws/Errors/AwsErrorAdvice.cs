using System.Globalization;
using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Wire;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Aws.Errors;

/// <summary>
/// Turns an <see cref="AwsApiException"/> into the sentence a user needs: what went wrong and what to do about it,
/// with the AWS request id for support. The kind (from <see cref="AwsErrorTaxonomy"/>) decides the advice.
/// </summary>
public static class AwsErrorAdvice
{
    public static string Describe(AwsApiException error)
    {
        var what = $"{error.Operation} failed: {error.Code}: {error.AwsMessage}";
        var requestId = error.RequestId is null ? "" : $" (AWS request id {error.RequestId})";
        return $"{what}{requestId}. {NextStep(error)}";
    }

    private static string NextStep(AwsApiException error) => error.Kind switch
    {
        AwsErrorKind.Fatal when AwsErrorTaxonomy.IsCredentialError(error.Code) =>
            "AWS rejected the credentials: refresh them (`aws sso login`, a new session token, or a valid access key) and run again.",
        AwsErrorKind.AccessDenied =>
            $"Grant `{IamAction(error.Operation)}` to the role or user these credentials belong to.",
        AwsErrorKind.QuotaExceeded =>
            $"The quota '{error.QuotaName ?? "unknown"}'{QuotaValue(error)} is reached: remove unused resources or request an increase in Service Quotas.",
        AwsErrorKind.Throttled =>
            "AWS kept throttling this operation after every retry: run again later, or lower the request rate (--max-rps).",
        AwsErrorKind.Transient when error.OutcomeUnknown =>
            "The request may or may not have taken effect: run `preview` to see the current state before applying again.",
        AwsErrorKind.Transient =>
            "This looks temporary (service or network): run again.",
        AwsErrorKind.Validation when error.FieldList.Count > 0 =>
            "Fix: " + string.Join("; ", error.FieldList.Select(f => $"{f.Name}: {f.Message}")) + ".",
        AwsErrorKind.Validation =>
            "Fix the value AWS names in the message.",
        AwsErrorKind.Conflict =>
            $"The resource is in a conflicting state{(error.Reason is null ? "" : $" ({error.Reason})")}: run `preview` to see the current state.",
        AwsErrorKind.NotFound =>
            $"The {ResourceName(error)} does not exist (or is not visible to this account).",
        _ => "This is unexpected; run again with --debug and report the output.",
    };

    /// <summary>The IAM action for an operation, e.g. cleanrooms:CreateMembership.</summary>
    public static string IamAction(string operation)
    {
        var service = Operations.ByName(operation)?.Service ?? AwsService.CleanRooms;
        return $"{service.SigningName()}:{operation}";
    }

    /// <summary>"membership 'm-1'" from resourceType MEMBERSHIP and resourceId m-1.</summary>
    private static string ResourceName(AwsApiException error)
    {
        var type = error.ResourceType?.ToLowerInvariant().Replace('_', ' ') ?? "resource";
        return error.ResourceId is null ? type : $"{type} '{error.ResourceId}'";
    }

    private static string QuotaValue(AwsApiException error) =>
        error.QuotaValue is { } value ? $" ({value.ToString("0.##", CultureInfo.InvariantCulture)})" : "";
}
