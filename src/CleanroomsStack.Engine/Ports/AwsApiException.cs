namespace CleanroomsStack.Engine.Ports;

/// <summary>What to do next about a failed AWS call. The AWS layer maps every error code to exactly one kind.</summary>
public enum AwsErrorKind
{
    /// <summary>The resource isn't there (or isn't visible yet): re-read, or treat as absent.</summary>
    NotFound,
    /// <summary>State conflict (see <see cref="AwsApiException.Reason"/>: ALREADY_EXISTS, SUBRESOURCES_EXIST, INVALID_STATE).</summary>
    Conflict,
    /// <summary>Too many requests: back off and retry.</summary>
    Throttled,
    /// <summary>The request is wrong: fix the input; never retried (except IAM_SYNCHRONIZATION_DELAY, which is transient).</summary>
    Validation,
    /// <summary>The credentials lack a permission.</summary>
    AccessDenied,
    /// <summary>A service quota is reached (see QuotaName/QuotaValue).</summary>
    QuotaExceeded,
    /// <summary>Server-side or network failure: retry; for a create, re-read first since the outcome is unknown.</summary>
    Transient,
    /// <summary>Credentials missing/invalid, or anything unexpected: stop.</summary>
    Fatal,
}

public sealed record FieldProblem(string Name, string Message);

/// <summary>A failed AWS call, with the AWS error code, message and request id kept for the user.</summary>
public sealed class AwsApiException(
    AwsErrorKind kind, string operation, string code, string message, int httpStatus, string? requestId = null)
    : Exception($"{operation}: {code}: {message}")
{
    /// <summary>
    /// The code of an answer that doesn't have the shape the model promises (a required member missing, a status this
    /// version doesn't know, a listing that doesn't end): the client stops where it reads it, before anything is planned.
    /// </summary>
    public const string MalformedResponse = "MalformedResponse";

    public AwsErrorKind Kind { get; } = kind;
    public string Operation { get; } = operation;
    public string Code { get; } = code;
    public string AwsMessage { get; } = message;
    public int HttpStatus { get; } = httpStatus;
    public string? RequestId { get; } = requestId;
    public string? Reason { get; init; }
    public string? ResourceId { get; init; }
    public string? ResourceType { get; init; }
    public IReadOnlyList<FieldProblem> FieldList { get; init; } = [];
    public string? QuotaName { get; init; }
    public double? QuotaValue { get; init; }
    /// <summary>True when the request may have taken effect although no success reached us (timeout, reset, 5xx after sending).</summary>
    public bool OutcomeUnknown { get; init; }
}
