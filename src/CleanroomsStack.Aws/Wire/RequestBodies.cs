using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Aws.Wire;

// JSON bodies of the restJson1 operations: the members of each request that have no HTTP binding.
// Path labels (membershipIdentifier, ...) are left out here because they travel in the URI.

internal sealed record EmptyBody;

internal sealed record CreateMembershipBody(
    string CollaborationIdentifier, string QueryLogStatus, string? JobLogStatus,
    IReadOnlyDictionary<string, string>? Tags, PaymentConfiguration? PaymentConfiguration,
    MembershipResultConfiguration? DefaultResultConfiguration);

internal sealed record UpdateMembershipBody(string? QueryLogStatus, string? JobLogStatus, MembershipResultConfiguration? DefaultResultConfiguration);

internal sealed record CreateConfiguredTableAssociationBody(
    string Name, string ConfiguredTableIdentifier, string RoleArn, string? Description, IReadOnlyDictionary<string, string>? Tags);

internal sealed record UpdateConfiguredTableAssociationBody(string? Description, string? RoleArn);

internal sealed record CreateAnalysisRuleBody(string AnalysisRuleType, AnalysisRulePolicy AnalysisRulePolicy);

internal sealed record UpdateAnalysisRuleBody(AnalysisRulePolicy AnalysisRulePolicy);

internal sealed record CreateIdNamespaceAssociationBody(
    string Name, IdNamespaceInputReferenceConfig InputReferenceConfig, string? Description,
    IdMappingConfig? IdMappingConfig, IReadOnlyDictionary<string, string>? Tags);

internal sealed record CreateIdMappingTableBody(
    string Name, IdMappingTableInputReferenceConfig InputReferenceConfig, string? Description, string? KmsKeyArn,
    IReadOnlyDictionary<string, string>? Tags);

internal sealed record UpdateIdMappingTableBody(string? Description, string? KmsKeyArn);

internal sealed record CreateAnalysisTemplateBody(
    string Name, string Format, AnalysisSource Source, string? Description, IReadOnlyList<AnalysisParameter>? AnalysisParameters,
    AnalysisSchema? Schema, IReadOnlyDictionary<string, string>? Tags);

internal sealed record UpdateAnalysisTemplateBody(string? Description);

internal sealed record TagResourceBody(IReadOnlyDictionary<string, string> Tags);

internal sealed record UpdateIdNamespaceAssociationBody(string? Name, string? Description, IdMappingConfig? IdMappingConfig);
