namespace CleanroomsStack.Core.Inventory;

/// <summary>
/// What the account has to offer and what it has been offered, read live before expansion:
/// the caller, its configured tables and the collaborations it is invited to or active in.
/// </summary>
/// <param name="Region">The region the inventory was read in; diagnostics name it.</param>
public sealed record Inventory(
    CallerInfo Caller,
    IReadOnlyList<ConfiguredTableInfo> ConfiguredTables,
    IReadOnlyList<CollaborationInfo> Collaborations,
    string? Region = null);

public sealed record CallerInfo(string AccountId, string Arn);

/// <param name="RuleTypes">The configured table's own analysis rule types (AWS allows one): what a collaboration rule must match.</param>
public sealed record ConfiguredTableInfo(string Id, string Name, string Arn, IReadOnlyList<string>? RuleTypes = null);

/// <param name="MemberStatus">The caller's status: INVITED, ACTIVE, LEFT or REMOVED.</param>
public sealed record CollaborationInfo(
    string Id,
    string Name,
    string CreatorAccountId,
    string CreatorDisplayName,
    Values.MemberStatus MemberStatus,
    string? MembershipId,
    IReadOnlyList<MemberInfo> Members);

/// <param name="Payment">What the creator assigned this member to pay for (ListMembers paymentConfiguration), when known.</param>
public sealed record MemberInfo(string AccountId, string DisplayName, Values.MemberStatus Status, IReadOnlyList<Values.MemberAbility> Abilities,
    Resources.Membership.PaymentConfiguration? Payment = null)
{
    public bool CanReceiveResults => Abilities.Contains(Values.MemberAbility.CanReceiveResults);
}
