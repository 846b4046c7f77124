using CleanroomsStack.Core.Kinds;

namespace CleanroomsStack.Core.Resources.Membership;

/// <summary>A membership as read from AWS, with the resources inside it (<see cref="Children"/>: each kind's live states).</summary>
public sealed record MembershipState(
    string Id,
    string Arn,
    string CollaborationId,
    string CollaborationName,
    string Status,
    string QueryLogStatus,
    KindValues Children,
    string? JobLogStatus = null,
    ResultConfiguration? DefaultResultConfiguration = null,
    PaymentConfiguration? Payment = null);
