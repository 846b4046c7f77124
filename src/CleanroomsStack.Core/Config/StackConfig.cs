using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Core.Config;

/// <summary>A value from the config file together with where it was written, so later checks can point at it.</summary>
public sealed record Located<T>(T Value, SourceLocation Location);

/// <summary>The loaded configuration: defaults already merged into every collaboration.</summary>
/// <param name="Region">The region from <c>defaults.region</c>; null means "resolve it as the AWS CLI does".</param>
/// <param name="Invitations">Which collaborations not listed by id are managed too (with the defaults).</param>
/// <param name="Defaults">The defaults on their own; set when the invitation policy can accept something.</param>
public sealed record StackConfig(
    int Version,
    string FilePath,
    string? Region,
    IReadOnlyList<CollaborationConfig> Collaborations,
    InvitationPolicy? Invitations = null,
    CollaborationSettings? Defaults = null)
{
    /// <summary>
    /// True when the invitation policy can match collaborations the config doesn't list, so the inventory must
    /// cover every pending invitation and membership, not only the listed ids.
    /// </summary>
    public bool ManagesUnlistedCollaborations => Invitations is { } p && (p.AcceptAll || p.Rules.Count > 0) && Defaults is not null;

    /// <summary>
    /// Whether a run must read <paramref name="kind"/> in the membership of <paramref name="collaborationId"/>: always for
    /// kinds reported even when unconfigured, else when the collaboration's settings (the defaults for collaborations the
    /// invitation policy manages) ask for one, or when the config leaves it (everything inside must go first).
    /// </summary>
    public bool Reads(string collaborationId, Kinds.MembershipChildKind kind)
    {
        if (kind.ReadWhenUnconfigured) return true;
        var listed = Collaborations.FirstOrDefault(c => c.Id.Value == collaborationId);
        return listed is null
            ? Defaults is { } defaults && kind.IsConfigured(defaults)
            : listed.State == ParticipationState.Left || kind.IsConfigured(listed.Settings);
    }

    /// <summary>
    /// Whether the config leaves <paramref name="collaborationId"/>, so a run must also read what the membership holds of
    /// kinds the tool doesn't manage (<see cref="Kinds.ForeignKinds"/>): any of them would make AWS refuse the leave.
    /// </summary>
    public bool Leaves(string collaborationId) =>
        Collaborations.Any(c => c.Id.Value == collaborationId && c.State == ParticipationState.Left);

    /// <summary>
    /// Whether the config names tags for the collaboration (its own, or the defaults for one the invitation policy
    /// manages): only then are the tags of the resources in its membership read and compared.
    /// </summary>
    public bool NamesTags(string collaborationId)
    {
        var listed = Collaborations.FirstOrDefault(c => c.Id.Value == collaborationId);
        var settings = listed is null ? Defaults : listed.State == ParticipationState.Active ? listed.Settings : null;
        return settings?.Tags is { Count: > 0 };
    }
}

/// <summary>
/// Collaborations managed without being listed: all of them (<c>accept: all</c>) or those matching a rule.
/// Pending invitations that match are accepted; memberships that match are managed.
/// </summary>
public sealed record InvitationPolicy(bool AcceptAll, IReadOnlyList<InvitationRule> Rules, SourceLocation Location)
{
    public bool Matches(string creatorAccountId, string collaborationName) =>
        AcceptAll || Rules.Any(r => r.Matches(creatorAccountId, collaborationName));
}

/// <summary>Matches when the creator is listed (if any are) and the name matches a pattern (if any are).</summary>
public sealed record InvitationRule(IReadOnlyList<string> CreatorAccountIds, IReadOnlyList<string> NamePatterns)
{
    public bool Matches(string creatorAccountId, string collaborationName) =>
        (CreatorAccountIds.Count == 0 || CreatorAccountIds.Contains(creatorAccountId))
        && (NamePatterns.Count == 0 || NamePatterns.Any(p => Desired.Glob.Matches(p, collaborationName)));
}

/// <param name="State">Active: be a member. Left: leave (or don't accept) the collaboration.</param>
/// <param name="CreatorAccountId">The account expected to have created the collaboration; accepting an invitation from another is refused.</param>
public sealed record CollaborationConfig(
    Located<string> Id,
    string Name,
    string? Note,
    SourceLocation Location,
    CollaborationSettings Settings,
    ParticipationState State = ParticipationState.Active,
    string? CreatorAccountId = null);

public enum ParticipationState { Active, Left }

/// <summary>Everything that may be set under <c>defaults</c> and overridden per collaboration.</summary>
/// <param name="Kinds">The settings lists of the kinds configured as lists (ID namespace associations, …), each read by its kind.</param>
/// <param name="AdoptExistingNames">Keep associations of selected tables under their existing names instead of replacing them.</param>
/// <param name="Tags">Tags applied to everything the tool creates.</param>
public sealed record CollaborationSettings(
    MembershipSettings Membership,
    TableSelection Tables,
    AssociationSettings Association,
    AnalysisRuleSettings AnalysisRule,
    Kinds.KindValues Kinds,
    bool AdoptExistingNames = false,
    IReadOnlyDictionary<string, string>? Tags = null);

/// <param name="JobLogStatus">Null: not managed.</param>
/// <param name="DefaultResult">Null: not managed.</param>
/// <param name="Payment">Null: whatever the collaboration creator assigned.</param>
public sealed record MembershipSettings(
    string QueryLogStatus,
    string? JobLogStatus = null,
    ResultConfigurationSettings? DefaultResult = null,
    Located<Resources.Membership.PaymentConfiguration>? Payment = null);

/// <param name="Role">Role name or ARN, resolved like association.role; null for none.</param>
public sealed record ResultConfigurationSettings(string Bucket, string? KeyPrefix, string ResultFormat, bool SingleFileOutput, string? Role);

/// <param name="Names">Tables listed by exact name; each must exist.</param>
/// <param name="Max">At most this many tables are associated per membership (AWS guidance: 25).</param>
/// <param name="OnExceed">What happens when more tables are selected than <paramref name="Max"/>.</param>
public sealed record TableSelection(
    IReadOnlyList<string> Include,
    IReadOnlyList<string> Exclude,
    Located<int> Max,
    SourceLocation Location,
    IReadOnlyList<Located<string>>? Names = null,
    ExceedBehaviour OnExceed = ExceedBehaviour.Truncate);

/// <summary>Truncate: keep the first <c>max</c> by name and warn. Error: refuse to plan.</summary>
public enum ExceedBehaviour { Truncate, Error }

/// <param name="NameTemplate">Association name with <c>{table}</c> standing for the configured table's name.</param>
/// <param name="Role">An IAM role name (resolved in the caller's account) or a full role ARN.</param>
public sealed record AssociationSettings(Located<string> NameTemplate, Located<string> Role, string? Description);

/// <param name="Type"><see cref="Auto"/> (each table's own rule type), CUSTOM, LIST or AGGREGATION.</param>
/// <param name="Location">Where the type is written (or the analysisRule key, or the collaboration, when it is not).</param>
public sealed record AnalysisRuleSettings(
    string Type,
    ResultReceivers Receivers,
    IReadOnlyList<string> AllowedAdditionalAnalyses,
    SourceLocation Location)
{
    /// <summary>The default: every association gets the type of its configured table's own analysis rule.</summary>
    public const string Auto = "auto";
}

/// <summary>Either <c>auto</c> (every other member that can receive results) or an explicit list of account ids.</summary>
public sealed record ResultReceivers(bool Auto, IReadOnlyList<Located<string>> AccountIds, SourceLocation Location)
{
    public static ResultReceivers Automatic(SourceLocation location) => new(true, [], location);
}
