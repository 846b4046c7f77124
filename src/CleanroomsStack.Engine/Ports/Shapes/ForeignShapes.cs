namespace CleanroomsStack.Engine.Ports.Shapes;

// Summaries of resources the tool doesn't manage but must find before leaving a membership (Core/Kinds/ForeignKind):
// only what names them, and the times that order two versions of one in a listing.

/// <summary>ListPrivacyBudgetTemplates item; <see cref="PrivacyBudgetType"/> is DIFFERENTIAL_PRIVACY today.</summary>
public sealed record PrivacyBudgetTemplateSummary(
    string Id, string Arn, string MembershipId, string PrivacyBudgetType, DateTimeOffset CreateTime, DateTimeOffset UpdateTime) : IVersionedResource;

/// <summary>ListConfiguredAudienceModelAssociations item: a Clean Rooms ML configured audience model associated with the membership.</summary>
public sealed record ConfiguredAudienceModelAssociationSummary(
    string Id, string Arn, string MembershipId, string Name, string ConfiguredAudienceModelArn,
    DateTimeOffset CreateTime, DateTimeOffset UpdateTime, string? Description = null) : IVersionedResource;
