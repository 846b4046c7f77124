using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Core.Config;

/// <summary>A value from the config file together with where it was written, so later checks can point at it.</summary>
public sealed record Located<T>(T Value, SourceLocation Location);

/// <summary>The loaded configuration: defaults already merged into every collaboration.</summary>
/// <param name="Region">The region from <c>defaults.region</c>; null means "resolve it as the AWS CLI does".</param>
public sealed record StackConfig(int Version, string FilePath, string? Region, IReadOnlyList<CollaborationConfig> Collaborations);

/// <param name="State">Active: be a member. Left: leave (or don't accept) the collaboration.</param>
public sealed record CollaborationConfig(
    Located<string> Id,
    string Name,
    string? Note,
    SourceLocation Location,
    CollaborationSettings Settings,
    ParticipationState State = ParticipationState.Active);

public enum ParticipationState { Active, Left }

/// <summary>Everything that may be set under <c>defaults</c> and overridden per collaboration.</summary>
public sealed record CollaborationSettings(
    MembershipSettings Membership,
    TableSelection Tables,
    AssociationSettings Association,
    AnalysisRuleSettings AnalysisRule,
    IReadOnlyList<IdNamespaceAssociationSettings> IdNamespaceAssociations);

public sealed record MembershipSettings(string QueryLogStatus);

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

/// <param name="Type">CUSTOM, LIST or AGGREGATION.</param>
public sealed record AnalysisRuleSettings(
    string Type,
    ResultReceivers Receivers,
    IReadOnlyList<string> AllowedAdditionalAnalyses,
    SourceLocation Location);

/// <summary>Either <c>auto</c> (every other member that can receive results) or an explicit list of account ids.</summary>
public sealed record ResultReceivers(bool Auto, IReadOnlyList<Located<string>> AccountIds, SourceLocation Location)
{
    public static ResultReceivers Automatic(SourceLocation location) => new(true, [], location);
}

public sealed record IdNamespaceAssociationSettings(
    string Name,
    string Arn,
    string? Description,
    bool ManageResourcePolicies,
    bool AllowUseAsDimensionColumn,
    SourceLocation Location);
