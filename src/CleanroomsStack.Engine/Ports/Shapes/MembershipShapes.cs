using CleanroomsStack.Core.Values;

namespace CleanroomsStack.Engine.Ports.Shapes;

public sealed record Membership(
    string Id, string Arn, string CollaborationArn, string CollaborationId,
    string CollaborationCreatorAccountId, string CollaborationCreatorDisplayName, string CollaborationName,
    DateTimeOffset CreateTime, DateTimeOffset UpdateTime, MembershipStatus Status, IReadOnlyList<MemberAbility> MemberAbilities,
    LogStatus QueryLogStatus, PaymentConfiguration PaymentConfiguration, LogStatus? JobLogStatus = null,
    MembershipResultConfiguration? DefaultResultConfiguration = null) : IVersionedResource;

public sealed record MembershipSummary(
    string Id, string Arn, string CollaborationArn, string CollaborationId,
    string CollaborationCreatorAccountId, string CollaborationCreatorDisplayName, string CollaborationName,
    DateTimeOffset CreateTime, DateTimeOffset UpdateTime, MembershipStatus Status, IReadOnlyList<MemberAbility> MemberAbilities,
    PaymentConfiguration PaymentConfiguration) : IVersionedResource;

public sealed record CreateMembershipRequest(
    string CollaborationIdentifier, string QueryLogStatus,
    string? JobLogStatus = null, IReadOnlyDictionary<string, string>? Tags = null,
    PaymentConfiguration? PaymentConfiguration = null, MembershipResultConfiguration? DefaultResultConfiguration = null);

/// <summary>PATCH body; the id goes in the path. Null members are left unchanged by AWS.</summary>
public sealed record UpdateMembershipRequest(
    string MembershipIdentifier, string? QueryLogStatus = null, string? JobLogStatus = null,
    MembershipResultConfiguration? DefaultResultConfiguration = null);

/// <summary>Where protected query results go by default: <c>{outputConfiguration: {s3: {...}}, roleArn}</c>.</summary>
public sealed record MembershipResultConfiguration(MembershipResultOutput OutputConfiguration, string? RoleArn = null);

/// <summary>The output union; S3 is its only member.</summary>
public sealed record MembershipResultOutput(S3ResultOutput S3);

public sealed record S3ResultOutput(string ResultFormat, string Bucket, string? KeyPrefix = null, bool? SingleFileOutput = null);
