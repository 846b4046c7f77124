namespace CleanroomsStack.Emulator.State;

/// <summary>An AWS account of the emulated world and the one IAM user key pair that signs its requests.</summary>
public sealed class AccountRecord
{
    public required string AccountId { get; init; }
    public required string AccessKeyId { get; init; }
    public required string SecretAccessKey { get; init; }

    /// <summary>IAM user name in the caller ARN GetCallerIdentity returns.</summary>
    public string UserName { get; init; } = "demo";

    /// <summary>Member display name used when this account creates or joins collaborations.</summary>
    public string DisplayName { get; init; } = "";
}
