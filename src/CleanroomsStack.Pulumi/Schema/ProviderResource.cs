using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.AnalysisTemplate;
using CleanroomsStack.Core.Resources.IdMappingTable;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;

namespace CleanroomsStack.Pulumi.Schema;

/// <summary>
/// One resource type of the provider over one kind of the registry: its token and its input and output properties. The
/// settings a kind reads from collaborations.yaml (<see cref="ResourceKind.ConfigKeys"/>) are its inputs here too, so
/// the provider's schema and the CLI's config can't drift apart; identity inputs (the membership, the table) and
/// outputs AWS computes are added per resource.
/// </summary>
public sealed record ProviderResource(
    ResourceKind Kind,
    string Token,
    string Description,
    IReadOnlyList<SchemaProperty> Inputs,
    IReadOnlyList<SchemaProperty> ComputedOutputs)
{
    public const string Package = "cleanroomsstack";

    public IEnumerable<string> RequiredInputs => Inputs.Where(p => p.Required).Select(p => p.Key);

    public SchemaProperty? Input(string key) => Inputs.FirstOrDefault(p => p.Key == key);
}

/// <summary>The provider's resources, one per kind the registry exports to Pulumi (a test checks none is missing).</summary>
public static class ProviderResources
{
    private static readonly StringNode MembershipId = new("The membership (of a cleanroomsstack:index:Membership, or its id).", "5b3f0e6a-1c7e-4a4b-9e0f-2f1d7a1e9c11");
    private static readonly StringNode Arn = new("The resource's ARN.", "arn:aws:cleanrooms:us-east-1:111122223333:membership/x");
    private static readonly ObjectNode Tags = new("Tags put on the resource when it is created.", [], Values: new StringNode("A tag value.", "team-a"));

    private static SchemaProperty Key(string key, SchemaNode node, bool required = false) => new(key, node, required);

    /// <summary>The properties of one item of a kind configured as a list (its settings key holds an array of them).</summary>
    private static IReadOnlyList<SchemaProperty> ItemProperties(ResourceKind kind) =>
        kind.ConfigKeys.Single().Node is ArrayNode { Items: ObjectNode item } ? item.Properties
            : throw new InvalidOperationException($"the {kind} kind's settings are not a list of objects");

    private static IReadOnlyList<SchemaProperty> ObjectProperties(ResourceKind kind) =>
        kind.ConfigKeys.Single().Node is ObjectNode node ? node.Properties
            : throw new InvalidOperationException($"the {kind} kind's settings are not an object");

    public static ProviderResource Membership { get; } = new(MembershipKind.Instance, $"{ProviderResource.Package}:index:Membership",
        "Our membership in a collaboration: creating it accepts the invitation (or adopts the membership that exists); deleting it leaves the collaboration only with allowLeave: true.",
        [
            Key("collaborationId", new StringNode("The collaboration's id, from the invitation. Changing it replaces the membership.", "27b93e2b-5001-4b20-a47b-6aad96ec8958"), required: true),
            .. ObjectProperties(MembershipKind.Instance),
            Key("tags", Tags),
            Key("allowLeave", new BoolNode("Let deleting this resource leave the collaboration (irreversible). Default false: a delete leaves AWS untouched.", false)),
        ],
        [
            Key("membershipId", new StringNode("The membership id.", "5b3f0e6a-1c7e-4a4b-9e0f-2f1d7a1e9c11")),
            Key("arn", Arn),
            Key("status", new StringNode("The membership status (ACTIVE, …).", "ACTIVE")),
            Key("collaborationName", new StringNode("The collaboration's name.", "AMC Collaboration")),
            Key("creatorAccountId", new StringNode("The account that created the collaboration.", "921290734397")),
        ]);

    public static ProviderResource TableAssociation { get; } = new(TableAssociationKind.Instance, $"{ProviderResource.Package}:index:TableAssociation",
        "A configured table associated with a membership, with its collaboration analysis rule (as in aws-native, the rule is part of the association).",
        [
            Key("membershipId", MembershipId, required: true),
            Key("configuredTableName", new StringNode("Our configured table, by name (or give configuredTableId).", "part_age")),
            Key("configuredTableId", new StringNode("Our configured table, by id (or give configuredTableName). Changing it replaces the association.", "c0ffee00-0000-4000-8000-000000000001")),
            Key("name", new StringNode("The association's name. Changing it replaces the association.", "acx_part_age"), required: true),
            Key("roleArn", new StringNode("The role Clean Rooms uses to read the table: an ARN, or a role name in our account.", "cleanrooms-glue-s3-access"), required: true),
            Key("description", new StringNode("The association's description.", "Shared by ACX")),
            .. AnalysisRuleKind.Instance.ConfigKeys,
            Key("tags", Tags),
        ],
        [
            Key("associationId", new StringNode("The association id.", "a550c1a7-0000-4000-8000-000000000001")),
            Key("arn", Arn),
        ]);

    public static ProviderResource IdNamespaceAssociation { get; } = new(IdNamespaceAssociationKind.Instance, $"{ProviderResource.Package}:index:IdNamespaceAssociation",
        "An Entity Resolution ID namespace associated with a membership.",
        [Key("membershipId", MembershipId, required: true), .. ItemProperties(IdNamespaceAssociationKind.Instance), Key("tags", Tags)],
        [Key("associationId", new StringNode("The association id.", "a550c1a7-0000-4000-8000-000000000002")),
         Key("associationArn", new StringNode("The association's ARN (arn is the ID namespace's).", "arn:aws:cleanrooms:us-east-1:111122223333:membership/x/idnamespaceassociation/y"))]);

    public static ProviderResource IdMappingTable { get; } = new(IdMappingTableKind.Instance, $"{ProviderResource.Package}:index:IdMappingTable",
        "An ID mapping table in a membership, built from an Entity Resolution ID mapping workflow.",
        [Key("membershipId", MembershipId, required: true), .. ItemProperties(IdMappingTableKind.Instance), Key("tags", Tags)],
        [Key("idMappingTableId", new StringNode("The ID mapping table id.", "1d0000aa-0000-4000-8000-000000000003")), Key("arn", Arn)]);

    public static ProviderResource AnalysisTemplate { get; } = new(AnalysisTemplateKind.Instance, $"{ProviderResource.Package}:index:AnalysisTemplate",
        "An analysis template in a membership.",
        [Key("membershipId", MembershipId, required: true), .. ItemProperties(AnalysisTemplateKind.Instance), Key("tags", Tags)],
        [Key("analysisTemplateId", new StringNode("The analysis template id.", "a7000000-0000-4000-8000-000000000004")), Key("arn", Arn)]);

    public static IReadOnlyList<ProviderResource> All { get; } = [Membership, TableAssociation, IdNamespaceAssociation, IdMappingTable, AnalysisTemplate];

    /// <summary>Kinds that are part of another kind's resource here, as in aws-native (the analysis rule of an association).</summary>
    public static IReadOnlyList<ResourceKind> Embedded { get; } = [AnalysisRuleKind.Instance];

    public static ProviderResource? ByToken(string token) => All.FirstOrDefault(r => r.Token == token);
}
