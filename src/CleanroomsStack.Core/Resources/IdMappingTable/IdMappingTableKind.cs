using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Export;
using CleanroomsStack.Core.Import;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Policy;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;

namespace CleanroomsStack.Core.Resources.IdMappingTable;

/// <summary>Settings of one <c>idMappingTables</c> item.</summary>
/// <param name="WorkflowArn">The Entity Resolution ID mapping workflow the table is built from.</param>
public sealed record IdMappingTableSettings(
    string Name, string WorkflowArn, bool ManageResourcePolicies, string? Description, string? KmsKeyArn, SourceLocation Location)
    : IListedSettings;

/// <summary>
/// ID mapping tables built from Entity Resolution ID mapping workflows, matched by name (case-insensitively, like
/// association names). Description and KMS key update in place; the workflow ARN and manageResourcePolicies force a
/// replacement. They are built on the membership's ID namespace associations, so those come first.
/// </summary>
public sealed class IdMappingTableKind : ListKind<IdMappingTableSettings, IdMappingTableSpec, IdMappingTableState>
{
    public static IdMappingTableKind Instance { get; } = new();

    private IdMappingTableKind() { }

    private const string ArnPath = "inputReferenceConfig.inputReferenceArn";
    private const string ManagePath = "inputReferenceConfig.manageResourcePolicies";

    public override string AddressSegment => "id-mapping-table";
    public override string DisplayName => "ID mapping table";
    public override IReadOnlyList<ResourceKind> DependsOn => [IdNamespaceAssociationKind.Instance];
    public override IReadOnlySet<string> ReplaceOnChange { get; } = new HashSet<string> { "name", ArnPath, ManagePath };
    public override int? QuotaPerMembership => 5;
    public override bool IsCollaborationSchema => true;
    public override string DocsHeading => "ID mapping tables";
    public override string? PulumiType => "aws-native:cleanrooms:IdMappingTable";
    public override string SettingsKey => "idMappingTables";
    protected override string ListDescription => "ID mapping tables to create in the membership.";
    protected override ObjectNode ItemSchema => ConfigSchema.IdMappingTable;

    public override IReadOnlyList<OperationPermission> Permissions { get; } = OperationPermissions.OfResource("IdMappingTable");

    protected override ListKindReasons Reasons { get; } = new(
        Create: "the ID mapping table doesn't exist yet",
        Replace: "the workflow ARN or manageResourcePolicies changed; neither can be updated in place",
        Update: "description, KMS key or tags differ from the config",
        Same: "ID mapping table matches the config",
        Unmanaged: "not listed in idMappingTables; left as it is",
        CreateFirstBlocker: "the new table reuses the old one's name");

    protected override string NameOf(IdMappingTableSettings settings) => settings.Name;
    public override string NameOf(IdMappingTableSpec spec) => spec.Name;
    public override string NameOf(IdMappingTableState live) => live.Name;
    public override string IdOf(IdMappingTableState live) => live.Id;

    internal override IdMappingTableSettings? ParseItem(ListItemReader item, SourceLocation location)
    {
        var name = item.TableAliasName("the table's name in the collaboration");
        var workflow = item.Required("workflowArn", "the Entity Resolution ID mapping workflow ARN", Formats.IsIdMappingWorkflowArn, DiagnosticCodes.InvalidArn,
            "idMappingTables.workflowArn is not an ID mapping workflow ARN", "write 'arn:aws:entityresolution:<region>:<12-digit account>:idmappingworkflow/<name>'");
        var description = item.Description();
        var manage = item.Bool("manageResourcePolicies", true);
        var kms = item.Optional("kmsKeyArn", Formats.IsKmsKeyArn, DiagnosticCodes.InvalidArn,
            "idMappingTables.kmsKeyArn is not a KMS key ARN", "write 'arn:aws:kms:<region>:<12-digit account>:key/<key id>'");
        return item.Failed ? null : new IdMappingTableSettings(name!, workflow!, manage, description, kms, location);
    }

    protected override IdMappingTableSpec ToSpec(IdMappingTableSettings t, KindExpansion scope) =>
        new(t.Name, t.WorkflowArn, t.ManageResourcePolicies, t.Description, t.KmsKeyArn, scope.Settings.Tags);

    protected override void Created(DiffBuilder diffs, IdMappingTableSpec spec) => diffs
        .Set("name", spec.Name, creating: true)
        .Set(ArnPath, spec.InputReferenceArn, creating: true)
        .Set(ManagePath, spec.ManageResourcePolicies, creating: true)
        .Set("description", spec.Description, creating: true)
        .Set("kmsKeyArn", spec.KmsKeyArn, creating: true)
        .Set(TagPaths.All, AttributeValue.Of(spec.Tags), creating: true);

    protected override void Deleted(DiffBuilder diffs, IdMappingTableState live) => diffs
        .Set("name", live.Name, creating: false)
        .Set(ArnPath, live.InputReferenceArn, creating: false);

    protected override void Compare(DiffBuilder diffs, IdMappingTableState live, IdMappingTableSpec spec) => diffs
        .Compare(ArnPath, live.InputReferenceArn, spec.InputReferenceArn)
        .Compare(ManagePath, live.ManageResourcePolicies, spec.ManageResourcePolicies)
        .CompareOptional("description", live.Description, spec.Description)
        .CompareOptional("kmsKeyArn", live.KmsKeyArn, spec.KmsKeyArn);

    protected override PulumiMap ExportProperties(IdMappingTableSpec spec, string membershipReference) => PulumiMap.Of(
        ("name", spec.Name),
        ("membershipIdentifier", membershipReference),
        ("inputReferenceConfig", PulumiMap.Of(("inputReferenceArn", spec.InputReferenceArn), ("manageResourcePolicies", spec.ManageResourcePolicies))),
        ("description", spec.Description),
        ("kmsKeyArn", spec.KmsKeyArn),
        ("tags", PulumiProgramBuilder.Tags(spec.Tags)));

    protected override ImportedItem ImportItem(IdMappingTableState t) => ImportedItem.Of(
        ("name", t.Name), ("workflowArn", t.InputReferenceArn), ("description", t.Description),
        ("manageResourcePolicies", t.ManageResourcePolicies), ("kmsKeyArn", t.KmsKeyArn));
}
