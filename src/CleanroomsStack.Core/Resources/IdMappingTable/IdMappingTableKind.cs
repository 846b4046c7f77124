using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Config.Yaml;
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
    public override string DocsHeading => "ID mapping tables";
    public override string? PulumiType => "aws-native:cleanrooms:IdMappingTable";
    public override string SettingsKey => "idMappingTables";
    protected override string ListDescription => "ID mapping tables to create in the membership.";
    protected override ObjectNode ItemSchema => ConfigSchema.IdMappingTable;

    public override IReadOnlyList<OperationPermission> Permissions { get; } =
    [
        OperationPermissions.PlanningRead("ListIdMappingTables"),
        OperationPermissions.PlanningRead("GetIdMappingTable"),
        OperationPermissions.Write("CreateIdMappingTable", taggedOnCreate: true),
        OperationPermissions.Write("UpdateIdMappingTable"),
        OperationPermissions.Write("DeleteIdMappingTable"),
    ];

    protected override IReadOnlyList<(string What, Func<IdMappingTableSettings, string> Key)> UniqueBy { get; } =
        [("name", t => t.Name.ToLowerInvariant())];

    protected override ListKindReasons Reasons { get; } = new(
        Create: "the ID mapping table doesn't exist yet",
        Replace: "the workflow ARN or manageResourcePolicies changed; neither can be updated in place",
        Update: "description or KMS key differ from the config",
        Same: "ID mapping table matches the config",
        Unmanaged: "not listed in idMappingTables; left as it is",
        CreateFirstBlocker: "the new table reuses the old one's name");

    public override string NameOf(IdMappingTableSpec spec) => spec.Name;
    public override string NameOf(IdMappingTableState live) => live.Name;
    public override string IdOf(IdMappingTableState live) => live.Id;

    internal override IdMappingTableSettings? ParseItem(ConfigReader reader, YamlNode node)
    {
        const string path = "idMappingTables item";
        if (reader.Mapping(node, path, ItemSchema.Properties.Select(p => p.Key).ToList()) is not { } map)
            return null;
        var name = reader.Required(map, "name", path, "the table's name in the collaboration") is { } n
            ? reader.Checked(reader.String(n, "idMappingTables.name"), n, Formats.IsTableAlias, DiagnosticCodes.InvalidName,
                "idMappingTables.name is not a valid name", "use letters, digits, '_', ' ' and '-' (not as one of the first two characters), up to 128")
            : null;
        var workflow = reader.Required(map, "workflowArn", path, "the Entity Resolution ID mapping workflow ARN") is { } w
            ? reader.Checked(reader.String(w, "idMappingTables.workflowArn"), w, Formats.IsIdMappingWorkflowArn, DiagnosticCodes.InvalidArn,
                "idMappingTables.workflowArn is not an ID mapping workflow ARN",
                "write 'arn:aws:entityresolution:<region>:<12-digit account>:idmappingworkflow/<name>'")
            : null;
        var description = map.Find("description") is { } d ? reader.Description(d.Value, "idMappingTables.description") : null;
        var manage = map.Find("manageResourcePolicies") is { } m ? reader.Bool(m.Value, "manageResourcePolicies") : true;
        var kms = map.Find("kmsKeyArn") is { } k
            ? reader.Checked(reader.String(k.Value, "idMappingTables.kmsKeyArn"), k.Value, Formats.IsKmsKeyArn, DiagnosticCodes.InvalidArn,
                "idMappingTables.kmsKeyArn is not a KMS key ARN", "write 'arn:aws:kms:<region>:<12-digit account>:key/<key id>'")
            : null;
        bool Failed(string key, object? value) => map.Find(key) is not null && value is null;
        if (name is null || workflow is null || manage is null || Failed("description", description) || Failed("kmsKeyArn", kms))
            return null;
        return new IdMappingTableSettings(name, workflow, manage.Value, description, kms, node.Location);
    }

    protected override IdMappingTableSpec ToSpec(IdMappingTableSettings t, KindExpansion scope) =>
        new(t.Name, t.WorkflowArn, t.ManageResourcePolicies, t.Description, t.KmsKeyArn, scope.Settings.Tags);

    protected override void Created(DiffBuilder diffs, IdMappingTableSpec spec) => diffs
        .Set("name", spec.Name, creating: true)
        .Set(ArnPath, spec.InputReferenceArn, creating: true)
        .Set(ManagePath, spec.ManageResourcePolicies, creating: true)
        .Set("description", spec.Description, creating: true)
        .Set("kmsKeyArn", spec.KmsKeyArn, creating: true)
        .Set("tags", AttributeValue.Of(spec.Tags), creating: true);

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
