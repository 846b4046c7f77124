namespace CleanroomsStack.Emulator.State;

/// <summary>Temporary credentials handed out by STS AssumeRole or the SSO portal; they expire.</summary>
public sealed class SessionRecord
{
    public required string AccessKeyId { get; init; }
    public required string SecretAccessKey { get; init; }
    public required string SessionToken { get; init; }
    public required string AccountId { get; init; }

    /// <summary>The assumed-role ARN GetCallerIdentity reports.</summary>
    public required string Arn { get; init; }

    /// <summary><c>AROA…:session-name</c>, the UserId GetCallerIdentity reports.</summary>
    public required string UserId { get; init; }

    /// <summary>Epoch seconds after which the credentials are rejected with ExpiredToken.</summary>
    public double Expiration { get; init; }
}
