using System.Text.Json.Nodes;

namespace CleanroomsStack.Emulator.Protocol;

/// <summary>
/// A modeled AWS error: its code (X-Amzn-ErrorType / __type / Error.Code), HTTP status and the extra modeled
/// members that go into the body next to <c>message</c>. Thrown by handlers and rendered by the protocol writer,
/// so a handler can stop at the first rule it breaks, exactly as the service does.
/// </summary>
public sealed class AwsServiceError : Exception
{
    public AwsServiceError(string code, int statusCode, string message, JsonObject? members = null, bool senderFault = true)
        : base(message)
    {
        Code = code;
        StatusCode = statusCode;
        Members = members ?? new JsonObject();
        SenderFault = senderFault;
    }

    public string Code { get; }
    public int StatusCode { get; }

    /// <summary>Modeled members besides the message (reason, fieldList, resourceId, quotaValue, …).</summary>
    public JsonObject Members { get; }

    /// <summary>Client fault (Sender) or server fault (Receiver), as awsQuery reports it.</summary>
    public bool SenderFault { get; }
}

/// <summary>One entry of a ValidationException's <c>fieldList</c>; <see cref="Value"/> (the rejected string) only goes into the message.</summary>
public sealed record ValidationField(string Name, string Message, string? Value = null);
