using CleanroomsStack.Engine.Ports;
using System.Text.Json.Serialization;
using CleanroomsStack.Aws.Schemas;
using CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Aws.Wire;

/// <summary>
/// Source-generated (de)serialisation of every restJson1 body we send or read. AWS members are camelCase; nulls are
/// not written (an absent member means "unset"); unknown response members are ignored; member names are matched
/// case-insensitively so error bodies with "Message" or "message" both read. Members the shapes declare non-nullable
/// are checked after reading (<see cref="ResponseCheck"/>).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    Converters = [typeof(EpochSecondsConverter)])]
[JsonSerializable(typeof(EmptyBody))]
[JsonSerializable(typeof(CreateMembershipBody))]
[JsonSerializable(typeof(UpdateMembershipBody))]
[JsonSerializable(typeof(CreateConfiguredTableAssociationBody))]
[JsonSerializable(typeof(UpdateConfiguredTableAssociationBody))]
[JsonSerializable(typeof(CreateAnalysisRuleBody))]
[JsonSerializable(typeof(UpdateAnalysisRuleBody))]
[JsonSerializable(typeof(CreateIdNamespaceAssociationBody))]
[JsonSerializable(typeof(UpdateIdNamespaceAssociationBody))]
[JsonSerializable(typeof(CreateIdMappingTableBody))]
[JsonSerializable(typeof(UpdateIdMappingTableBody))]
[JsonSerializable(typeof(IdMappingTableEnvelope))]
[JsonSerializable(typeof(IdMappingTablePage))]
[JsonSerializable(typeof(CreateAnalysisTemplateBody))]
[JsonSerializable(typeof(UpdateAnalysisTemplateBody))]
[JsonSerializable(typeof(AnalysisTemplateEnvelope))]
[JsonSerializable(typeof(AnalysisTemplatePage))]
[JsonSerializable(typeof(PrivacyBudgetTemplatePage))]
[JsonSerializable(typeof(ConfiguredAudienceModelAssociationPage))]
[JsonSerializable(typeof(CollaborationEnvelope))]
[JsonSerializable(typeof(MembershipEnvelope))]
[JsonSerializable(typeof(ConfiguredTableAssociationEnvelope))]
[JsonSerializable(typeof(AnalysisRuleEnvelope))]
[JsonSerializable(typeof(IdNamespaceAssociationEnvelope))]
[JsonSerializable(typeof(IdNamespace))]
[JsonSerializable(typeof(CollaborationPage))]
[JsonSerializable(typeof(MemberPage))]
[JsonSerializable(typeof(ConfiguredTablePage))]
[JsonSerializable(typeof(MembershipPage))]
[JsonSerializable(typeof(ConfiguredTableAssociationPage))]
[JsonSerializable(typeof(IdNamespaceAssociationPage))]
[JsonSerializable(typeof(TagResourceBody))]
[JsonSerializable(typeof(TagsOutput))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(SchemaPage))]
[JsonSerializable(typeof(BatchGetSchemaAnalysisRuleBody))]
[JsonSerializable(typeof(BatchGetSchemaBody))]
[JsonSerializable(typeof(BatchGetSchemaOutput))]
[JsonSerializable(typeof(BatchGetSchemaAnalysisRuleOutput))]
internal sealed partial class AwsJsonContext : JsonSerializerContext;
