using System.Text.Json.Serialization;

namespace CleanroomsStack.Core.Values;

// AWS Clean Rooms enums the tool acts on, with the values the service model lists (aws-api-facts.md, table 2b).

/// <summary>A membership's status: ACTIVE, REMOVED or COLLABORATION_DELETED.</summary>
[JsonConverter(typeof(AwsEnumConverter<MembershipStatus>))]
public sealed record MembershipStatus(string Value) : AwsEnum(Value), IAwsEnum<MembershipStatus>
{
    public static readonly MembershipStatus Active = new("ACTIVE");
    public static readonly MembershipStatus Removed = new("REMOVED");
    public static readonly MembershipStatus CollaborationDeleted = new("COLLABORATION_DELETED");
    private static readonly MembershipStatus[] Known = [Active, Removed, CollaborationDeleted];

    public override string Field => "membership status";
    public override bool IsKnown => Known.Contains(this);

    /// <summary>Whether a membership is ours to change, adopt, leave or report as gone depends on it.</summary>
    public override bool MustBeKnown => true;
    public static MembershipStatus Of(string value) => new(value);

    /// <summary>For values written in code and tests: the same exact-text value as AWS would send.</summary>
    public static implicit operator MembershipStatus(string value) => new(value);
}

/// <summary>A member's status in a collaboration: INVITED, ACTIVE, LEFT or REMOVED.</summary>
[JsonConverter(typeof(AwsEnumConverter<MemberStatus>))]
public sealed record MemberStatus(string Value) : AwsEnum(Value), IAwsEnum<MemberStatus>
{
    public static readonly MemberStatus Invited = new("INVITED");
    public static readonly MemberStatus Active = new("ACTIVE");
    public static readonly MemberStatus Left = new("LEFT");
    public static readonly MemberStatus Removed = new("REMOVED");

    /// <summary>Not a member status AWS sends: what the tool records when our membership says the creator deleted the collaboration.</summary>
    public static readonly MemberStatus CollaborationDeleted = new("COLLABORATION_DELETED");

    private static readonly MemberStatus[] Known = [Invited, Active, Left, Removed, CollaborationDeleted];

    /// <summary>The account left, was removed, or the collaboration is gone: it can't be joined again.</summary>
    public bool IsGone => this == Left || this == Removed || this == CollaborationDeleted;

    public override string Field => "member status";
    public override bool IsKnown => Known.Contains(this);

    /// <summary>Whether an invitation is accepted, a collaboration is managed, or has been left depends on it.</summary>
    public override bool MustBeKnown => true;
    public static MemberStatus Of(string value) => new(value);

    /// <summary>For values written in code and tests: the same exact-text value as AWS would send.</summary>
    public static implicit operator MemberStatus(string value) => new(value);

    /// <summary>Invited to, or a member of: a collaboration the tool may act on.</summary>
    public bool IsOpen => this == Invited || this == Active;
}

/// <summary>What a member may do: CAN_QUERY, CAN_RECEIVE_RESULTS, CAN_RUN_JOB.</summary>
[JsonConverter(typeof(AwsEnumConverter<MemberAbility>))]
public sealed record MemberAbility(string Value) : AwsEnum(Value), IAwsEnum<MemberAbility>
{
    public static readonly MemberAbility CanQuery = new("CAN_QUERY");
    public static readonly MemberAbility CanReceiveResults = new("CAN_RECEIVE_RESULTS");
    public static readonly MemberAbility CanRunJob = new("CAN_RUN_JOB");
    private static readonly MemberAbility[] Known = [CanQuery, CanReceiveResults, CanRunJob];

    public override string Field => "member ability";
    public override bool IsKnown => Known.Contains(this);
    public static MemberAbility Of(string value) => new(value);

    /// <summary>For values written in code and tests: the same exact-text value as AWS would send.</summary>
    public static implicit operator MemberAbility(string value) => new(value);
}

/// <summary>Query or job logging of a membership: ENABLED or DISABLED.</summary>
[JsonConverter(typeof(AwsEnumConverter<LogStatus>))]
public sealed record LogStatus(string Value) : AwsEnum(Value), IAwsEnum<LogStatus>
{
    public static readonly LogStatus Enabled = new("ENABLED");
    public static readonly LogStatus Disabled = new("DISABLED");
    private static readonly LogStatus[] Known = [Enabled, Disabled];

    public override string Field => "log status";
    public override bool IsKnown => Known.Contains(this);
    public static LogStatus Of(string value) => new(value);

    /// <summary>For values written in code and tests: the same exact-text value as AWS would send.</summary>
    public static implicit operator LogStatus(string value) => new(value);
}

/// <summary>An analysis rule's type: AGGREGATION, LIST or CUSTOM (configured tables may also have ID_MAPPING_TABLE).</summary>
[JsonConverter(typeof(AwsEnumConverter<AnalysisRuleType>))]
public sealed record AnalysisRuleType(string Value) : AwsEnum(Value), IAwsEnum<AnalysisRuleType>
{
    public static readonly AnalysisRuleType Aggregation = new("AGGREGATION");
    public static readonly AnalysisRuleType List = new("LIST");
    public static readonly AnalysisRuleType Custom = new("CUSTOM");
    public static readonly AnalysisRuleType IdMappingTable = new("ID_MAPPING_TABLE");
    private static readonly AnalysisRuleType[] Known = [Aggregation, List, Custom, IdMappingTable];

    public override string Field => "analysis rule type";
    public override bool IsKnown => Known.Contains(this);
    public static AnalysisRuleType Of(string value) => new(value);

    /// <summary>For values written in code and tests: the same exact-text value as AWS would send.</summary>
    public static implicit operator AnalysisRuleType(string value) => new(value);
}
