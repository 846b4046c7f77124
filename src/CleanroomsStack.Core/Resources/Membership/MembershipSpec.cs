using CleanroomsStack.Core.Kinds;

namespace CleanroomsStack.Core.Resources.Membership;

/// <summary>The membership the config asks for (accepting the invitation = creating it).</summary>
/// <param name="JobLogStatus">ENABLED / DISABLED, or null when the config leaves it to AWS.</param>
/// <param name="DefaultResultConfiguration">Null when the config leaves it unset (not managed).</param>
/// <param name="Payment">Null when the config leaves it to the creator's assignment.</param>
/// <param name="Tags">Set when the membership is created, and kept: the keys named here are compared on every plan.</param>
public sealed record MembershipSpec(
    string CollaborationId,
    string QueryLogStatus,
    string? JobLogStatus = null,
    ResultConfiguration? DefaultResultConfiguration = null,
    PaymentConfiguration? Payment = null,
    IReadOnlyDictionary<string, string>? Tags = null) : ITaggedSpec;
