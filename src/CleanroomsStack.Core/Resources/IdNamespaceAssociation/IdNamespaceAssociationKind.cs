using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Export;
using CleanroomsStack.Core.Import;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Policy;

namespace CleanroomsStack.Core.Resources.IdNamespaceAssociation;

/// <summary>Settings of one <c>idNamespaceAssociations</c> item.</summary>
public sealed record IdNamespaceAssociationSettings(
    string Name, string Arn, string? Description, bool ManageResourcePolicies, bool AllowUseAsDimensionColumn, SourceLocation Location)
    : IListedSettings;

/// <summary>
/// Entity Resolution ID namespaces associated with the membership. Matched by the namespace ARN they point at (then by
/// name, for a changed ARN); name, description and idMappingConfig update in place; the ARN and manageResourcePolicies
/// force a replacement. Live associations the config doesn't list are unmanaged.
/// </summary>
public sealed class IdNamespaceAssociationKind
    : ListKind<IdNamespaceAssociationSettings, IdNamespaceAssociationSpec, IdNamespaceAssociationState>
{
    public static IdNamespaceAssociationKind Instance { get; } = new();

    private IdNamespaceAssociationKind() { }

    private const string ArnPath = "inputReferenceConfig.inputReferenceArn";
    private const string ManagePath = "inputReferenceConfig.manageResourcePolicies";
    private const string DimensionPath = "idMappingConfig.allowUseAsDimensionColumn";

    public override string AddressSegment => "id-namespace-association";
    public override string DisplayName => "ID namespace association";
    public override IReadOnlySet<string> ReplaceOnChange { get; } = new HashSet<string> { ArnPath, ManagePath };
    public override int? QuotaPerMembership => 10;
    public override string DocsHeading => "ID namespace associations";
    public override string? PulumiType => "aws-native:cleanrooms:IdNamespaceAssociation";
    public override string SettingsKey => "idNamespaceAssociations";
    protected override string ListDescription => "ID namespaces to associate.";
    protected override ObjectNode ItemSchema => ConfigSchema.IdNamespaceAssociation;

    public override IReadOnlyList<OperationPermission> Permissions { get; } = OperationPermissions.OfResource("IdNamespaceAssociation",
        create: ConditionalPermission.AddIdNamespacePolicy, update: ConditionalPermission.AddIdNamespacePolicy, delete: ConditionalPermission.RemoveIdNamespacePolicy);

    /// <summary>Entity Resolution reads the namespaces and, with manageResourcePolicies, Clean Rooms adds (and later removes) its statement.</summary>
    public override IEnumerable<PolicyStatement> PolicyStatements(PolicyContext context)
    {
        var namespaces = context.Settings.SelectMany(Settings).ToList();
        if (context.Operations.Any(o => o.Actions.Contains("entityresolution:GetIdNamespace")) || context.Needs.HasFlag(ConditionalPermission.AddIdNamespacePolicy))
            yield return new PolicyStatement("ReadIdNamespaces", ["entityresolution:GetIdNamespace"], PolicyBuilder.Sorted(namespaces.Select(n => n.Arn)));
        if (context.Needs.HasFlag(ConditionalPermission.AddIdNamespacePolicy))
            yield return new PolicyStatement("AddIdNamespacePolicyStatements", ["entityresolution:AddPolicyStatement"],
                PolicyBuilder.Sorted(namespaces.Where(n => n.ManageResourcePolicies).Select(n => n.Arn)));
        if (context.Needs.HasFlag(ConditionalPermission.RemoveIdNamespacePolicy) && namespaces.Any(n => n.ManageResourcePolicies))
        {
            // An association being removed may name a namespace the config no longer lists: allow the account's namespaces.
            var region = context.Config.Region ?? PolicyBuilder.AllResources;
            yield return new PolicyStatement("RemoveIdNamespacePolicyStatements", ["entityresolution:DeletePolicyStatement"],
                [$"arn:aws:entityresolution:{region}:{context.Account}:idnamespace/*"]);
        }
    }

    protected override IReadOnlyList<(string What, Func<IdNamespaceAssociationSettings, string> Key)> UniqueBy => [("arn", a => a.Arn), ("name", a => a.Name)];

    protected override ListKindReasons Reasons { get; } = new(
        Create: "the ID namespace is not associated yet",
        Replace: "the namespace ARN or manageResourcePolicies changed; neither can be updated in place",
        Update: "name, description, idMappingConfig or tags differ from the config",
        Same: "ID namespace association matches the config",
        Unmanaged: "not listed in idNamespaceAssociations; left as it is",
        // The replacement keeps the name or the namespace ARN of the old one, and neither may exist twice.
        CreateFirstBlocker: "the new association would share its name or namespace with the old one");

    protected override string NameOf(IdNamespaceAssociationSettings settings) => settings.Name;
    public override string NameOf(IdNamespaceAssociationSpec spec) => spec.Name;
    public override string NameOf(IdNamespaceAssociationState live) => live.Name;
    public override string IdOf(IdNamespaceAssociationState live) => live.Id;

    protected override IdNamespaceAssociationState? Match(IdNamespaceAssociationSpec spec, IReadOnlyList<IdNamespaceAssociationState> remaining) =>
        remaining.FirstOrDefault(l => l.InputReferenceArn == spec.InputReferenceArn) ?? remaining.FirstOrDefault(l => l.Name == spec.Name);

    internal override IdNamespaceAssociationSettings? ParseItem(ListItemReader item, SourceLocation location)
    {
        var name = item.Required("name", "the association's name in the collaboration, e.g. ACXIdNamespace", Formats.IsDisplayName,
            DiagnosticCodes.InvalidName, "idNamespaceAssociations.name must be 1-100 characters on one line", "shorten the name and keep it on one line");
        var arn = item.Required("arn", "the Entity Resolution ID namespace ARN", Formats.IsIdNamespaceArn, DiagnosticCodes.InvalidArn,
            "idNamespaceAssociations.arn is not an Entity Resolution ID namespace ARN", "write 'arn:aws:entityresolution:<region>:<12-digit account>:idnamespace/<name>'");
        var description = item.Description();
        var manage = item.Bool("manageResourcePolicies", true);
        var dimension = item.Bool("allowUseAsDimensionColumn", false);
        return item.Failed ? null : new IdNamespaceAssociationSettings(name!, arn!, description, manage, dimension, location);
    }

    protected override IdNamespaceAssociationSpec ToSpec(IdNamespaceAssociationSettings n, KindExpansion scope) =>
        new(n.Name, n.Arn, n.ManageResourcePolicies, n.Description, n.AllowUseAsDimensionColumn, scope.Settings.Tags);

    protected override void Created(DiffBuilder diffs, IdNamespaceAssociationSpec spec) => diffs
        .Set("name", spec.Name, creating: true)
        .Set(ArnPath, spec.InputReferenceArn, creating: true)
        .Set(ManagePath, spec.ManageResourcePolicies, creating: true)
        .Set("description", spec.Description, creating: true)
        .Set(DimensionPath, spec.AllowUseAsDimensionColumn, creating: true)
        .Set(TagPaths.All, AttributeValue.Of(spec.Tags), creating: true);

    protected override void Deleted(DiffBuilder diffs, IdNamespaceAssociationState live) => diffs
        .Set("name", live.Name, creating: false)
        .Set(ArnPath, live.InputReferenceArn, creating: false);

    protected override void Compare(DiffBuilder diffs, IdNamespaceAssociationState live, IdNamespaceAssociationSpec spec) => diffs
        .Compare("name", live.Name, spec.Name)
        .Compare(ArnPath, live.InputReferenceArn, spec.InputReferenceArn)
        .Compare(ManagePath, live.ManageResourcePolicies, spec.ManageResourcePolicies)
        .CompareOptional("description", live.Description, spec.Description)
        .Compare(DimensionPath, live.AllowUseAsDimensionColumn, spec.AllowUseAsDimensionColumn);

    protected override PulumiMap ExportProperties(IdNamespaceAssociationSpec spec, string membershipReference) => PulumiMap.Of(
        ("name", spec.Name),
        ("membershipIdentifier", membershipReference),
        ("inputReferenceConfig", PulumiMap.Of(("inputReferenceArn", spec.InputReferenceArn), ("manageResourcePolicies", spec.ManageResourcePolicies))),
        ("description", spec.Description),
        ("idMappingConfig", PulumiMap.Of(("allowUseAsDimensionColumn", spec.AllowUseAsDimensionColumn))),
        ("tags", PulumiProgramBuilder.Tags(spec.Tags)));

    protected override ImportedItem ImportItem(IdNamespaceAssociationState n) => ImportedItem.Of(
        ("name", n.Name), ("arn", n.InputReferenceArn), ("description", n.Description),
        ("manageResourcePolicies", n.ManageResourcePolicies), ("allowUseAsDimensionColumn", n.AllowUseAsDimensionColumn));
}
