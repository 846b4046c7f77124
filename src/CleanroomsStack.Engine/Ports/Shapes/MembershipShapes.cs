namespace CleanroomsStack.Engine.Ports.Shapes;

public sealed record Membership(
    string Id, string Arn, string CollaborationArn, string CollaborationId,
    string CollaborationCreatorAccountId, string CollaborationCreatorDisplayName, string CollaborationName,
    DateTimeOffset CreateTime, DateTimeOffset UpdateTime, string Status, IReadOnlyList<string> MemberAbilities,
    string QueryLogStatus, PaymentConfiguration PaymentConfiguration, string? JobLogStatus = null);

public sealed record MembershipSummary(
    string Id, string Arn, string CollaborationArn, string CollaborationId,
    string CollaborationCreatorAccountId, string CollaborationCreatorDisplayName, string CollaborationName,
    DateTimeOffset CreateTime, DateTimeOffset UpdateTime, string Status, IReadOnlyList<string> MemberAbilities,
    PaymentConfiguration PaymentConfiguration);

public sealed record CreateMembershipRequest(
    string CollaborationIdentifier, string QueryLogStatus,
    string? JobLogStatus = null, IReadOnlyDictionary<string, string>? Tags = null,
    PaymentConfiguration? PaymentConfiguration = null);

/// <summary>PATCH body; the id goes in the path. Null members are left unchanged by AWS.</summary>
public sealed record UpdateMembershipRequest(string MembershipIdentifier, string? QueryLogStatus = null, string? JobLogStatus = null);
