using CleanroomsStack.Core.Kinds;

namespace CleanroomsStack.Core.Resources.Membership;

/// <summary>The membership the config asks for (accepting the invitation = creating it).</summary>
/// <param name="JobLogStatus">ENABLED / DISABLED, or null when the config leaves it to AWS.</param>
/// <param name="DefaultResultConfiguration">Null when the config leaves it unset (not managed).</param>
/// <param name="Payment">What accepting states: the config's, completed from the creator's assignment; null when neither
/// says anything AWS needs (it then takes the assignment).</param>
/// <param name="Tags">Set when the membership is created, and kept: the keys named here are compared on every plan.</param>
/// <param name="PaymentFromCreator">Some of <paramref name="Payment"/> comes from the creator's assignment, not the config.</param>
public sealed record MembershipSpec(
    string CollaborationId,
    string QueryLogStatus,
    string? JobLogStatus = null,
    ResultConfiguration? DefaultResultConfiguration = null,
    PaymentConfiguration? Payment = null,
    IReadOnlyDictionary<string, string>? Tags = null,
    bool PaymentFromCreator = false) : ITaggedSpec;
