using CleanroomsStack.Core.Values;

namespace CleanroomsStack.Engine.Ports.Shapes;

// AWS Clean Rooms wire shapes (restJson1, camelCase on the wire). Property names match the AWS members
// one-to-one so the AWS layer can (de)serialise them with a camelCase naming policy and nothing else.
// Only the members the tool uses are declared; unknown response members are ignored.

public sealed record CollaborationSummary(
    string Id, string Arn, string Name, string CreatorAccountId, string CreatorDisplayName,
    DateTimeOffset CreateTime, DateTimeOffset UpdateTime, MemberStatus MemberStatus,
    string? MembershipId = null, string? MembershipArn = null);

public sealed record Collaboration(
    string Id, string Arn, string Name, string CreatorAccountId, string CreatorDisplayName,
    DateTimeOffset CreateTime, DateTimeOffset UpdateTime, MemberStatus MemberStatus, LogStatus QueryLogStatus,
    string? Description = null, string? MembershipId = null, string? MembershipArn = null, LogStatus? JobLogStatus = null);

public sealed record PayerConfig(bool IsResponsible);

/// <summary>Both the creator's assignment (ListMembers) and the member's acceptance (CreateMembership, Membership).</summary>
public sealed record PaymentConfiguration(PayerConfig QueryCompute, PayerConfig? JobCompute = null, MLPaymentConfig? MachineLearning = null);

/// <summary><c>machineLearning</c>: every member optional.</summary>
public sealed record MLPaymentConfig(PayerConfig? ModelTraining = null, PayerConfig? ModelInference = null, PayerConfig? SyntheticDataGeneration = null);

public sealed record MemberSummary(
    string AccountId, MemberStatus Status, string DisplayName, IReadOnlyList<MemberAbility> Abilities,
    DateTimeOffset CreateTime, DateTimeOffset UpdateTime, PaymentConfiguration PaymentConfiguration,
    string? MembershipId = null, string? MembershipArn = null);

public sealed record ConfiguredTableSummary(
    string Id, string Arn, string Name, DateTimeOffset CreateTime, DateTimeOffset UpdateTime,
    IReadOnlyList<AnalysisRuleType> AnalysisRuleTypes, string AnalysisMethod);

public sealed record CallerIdentity(string Account, string Arn, string UserId);
