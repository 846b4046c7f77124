namespace CleanroomsStack.Core.Planning;

/// <summary>The resource kinds the tool manages, in dependency order (a kind depends only on kinds above it).</summary>
public enum ResourceKind { Membership, TableAssociation, AnalysisRule, IdNamespaceAssociation, IdMappingTable }

/// <summary>
/// Per-kind facts, declared as data: the address segment, the attributes the AWS API can't update in place
/// (a change to one of these means replace), and how many may exist per membership (null: no quota we plan around).
/// </summary>
public sealed record ResourceKindInfo(ResourceKind Kind, string AddressSegment, string DisplayName, IReadOnlySet<string> ReplaceOnChange,
    int? QuotaPerMembership = null);

public static class ResourceKinds
{
    private static readonly ResourceKindInfo[] Table =
    [
        new(ResourceKind.Membership, "membership", "membership", new HashSet<string> { "collaborationIdentifier" }),
        new(ResourceKind.TableAssociation, "table-association", "table association", new HashSet<string> { "name", "configuredTableIdentifier" }, 25),
        new(ResourceKind.AnalysisRule, "analysis-rule", "collaboration analysis rule", new HashSet<string> { "type" }),
        new(ResourceKind.IdNamespaceAssociation, "id-namespace-association", "ID namespace association", new HashSet<string> { "inputReferenceConfig.inputReferenceArn", "inputReferenceConfig.manageResourcePolicies" }, 10),
        new(ResourceKind.IdMappingTable, "id-mapping-table", "ID mapping table",
            new HashSet<string> { "name", "inputReferenceConfig.inputReferenceArn", "inputReferenceConfig.manageResourcePolicies" }, 5),
    ];

    public static ResourceKindInfo Info(this ResourceKind kind) => Table[(int)kind];
}
