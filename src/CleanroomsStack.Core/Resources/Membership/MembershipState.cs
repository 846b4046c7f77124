using CleanroomsStack.Core.Kinds;

namespace CleanroomsStack.Core.Resources.Membership;

/// <summary>A membership as read from AWS, with the resources inside it (<see cref="Children"/>: each kind's live states).</summary>
/// <param name="Foreign">
/// What it holds of kinds the tool doesn't manage (<see cref="ForeignKinds"/>), read only where the config leaves the
/// collaboration; null where they were not read.
/// </param>
/// <param name="Tags">Every tag on the membership (ListTagsForResource); null when not read.</param>
public sealed record MembershipState(
    string Id,
    string Arn,
    string CollaborationId,
    string CollaborationName,
    Values.MembershipStatus Status,
    string QueryLogStatus,
    KindValues Children,
    string? JobLogStatus = null,
    ResultConfiguration? DefaultResultConfiguration = null,
    PaymentConfiguration? Payment = null,
    IReadOnlyList<ForeignResource>? Foreign = null,
    IReadOnlyDictionary<string, string>? Tags = null) : ITaggedState
{
    public ITaggedState WithTags(IReadOnlyDictionary<string, string> tags) => this with { Tags = tags };

    /// <summary>ACTIVE: the only status in which anything inside can change.</summary>
    public bool IsActive => Status == Values.MembershipStatus.Active;
}
