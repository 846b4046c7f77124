namespace CleanroomsStack.Emulator.Protocol;

/// <summary>The three AWS protocols the emulated services speak (facts §1).</summary>
public enum WireProtocol
{
    /// <summary>Clean Rooms, Entity Resolution, SSO portal: REST paths, JSON bodies, X-Amzn-ErrorType.</summary>
    RestJson,

    /// <summary>Glue: POST / with X-Amz-Target, JSON with <c>__type</c> errors.</summary>
    AwsJson11,

    /// <summary>STS: form-encoded POST /, XML responses.</summary>
    AwsQuery,
}
