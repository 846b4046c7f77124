using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Export;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Policy;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.Membership;

namespace CleanroomsStack.Core.Resources.TableAssociation;

/// <summary>
/// Configured table associations: one per configured table the config selects (<c>tables</c>), named by
/// <c>association.nameTemplate</c>, each carrying its collaboration analysis rule (<see cref="AnalysisRuleKind"/>).
/// </summary>
public sealed class TableAssociationKind : MembershipChildKind
{
    public static TableAssociationKind Instance { get; } = new();

    private TableAssociationKind() { }

    public override string AddressSegment => "table-association";
    public override string DisplayName => "table association";
    public override IReadOnlySet<string> ReplaceOnChange { get; } = new HashSet<string> { "name", "configuredTableIdentifier" };
    public override int? QuotaPerMembership => 25;
    public override bool IsCollaborationSchema => true;
    public override string DocsHeading => "Table associations";
    public override string? PulumiType => "aws-native:cleanrooms:ConfiguredTableAssociation";

    public override IReadOnlyList<SchemaProperty> ConfigKeys =>
    [
        new("tables", ConfigSchema.Tables),
        new("association", ConfigSchema.Association),
        new("adoptExistingNames", new BoolNode("Keep associations of selected tables under their existing names.", false)),
    ];

    public override IReadOnlyList<OperationPermission> Permissions { get; } = OperationPermissions.OfResource("ConfiguredTableAssociation",
        create: ConditionalPermission.PassRoles, update: ConditionalPermission.PassRoles);

    public IReadOnlyList<TableAssociationSpec> Specs(DesiredCollaboration desired) => desired.Children.Get<TableAssociationSpec>(this);

    public IReadOnlyList<TableAssociationState> States(MembershipState live) => live.Children.Get<TableAssociationState>(this);

    public override KindValues Expand(KindExpansion scope, KindValues desired) =>
        desired.With(this, TableAssociationExpansion.Expand(scope));

    public override KindDiff Diff(KindDiffScope scope) =>
        TableAssociationDiffer.Diff(scope.Membership, scope.Desired, Specs(scope.Desired), scope.Live is null ? [] : States(scope.Live), scope.MembershipId);

    public override IEnumerable<ResourceChange> Leave(ResourceAddress membership, MembershipState live, string reason) =>
        States(live).SelectMany(a => TableAssociationDiffer.Delete(membership.Child(this, a.Name), a, live.Id, reason));

    public override IEnumerable<PulumiResource> Export(KindExportScope scope)
    {
        var live = scope.Live is null ? [] : States(scope.Live);
        foreach (var association in Specs(scope.Desired))
        {
            var existing = live.FirstOrDefault(a => a.Name == association.Name);
            yield return scope.Resource(association.Name, PulumiType!, Properties(association, scope.MembershipReference), existing?.Id);
        }
    }

    private static PulumiMap Properties(TableAssociationSpec spec, string membershipReference) => PulumiMap.Of(
        ("name", spec.Name),
        ("membershipIdentifier", membershipReference),
        ("configuredTableIdentifier", spec.ConfiguredTableId),
        ("roleArn", spec.RoleArn),
        ("description", spec.Description),
        ("configuredTableAssociationAnalysisRules", new PulumiList([AnalysisRuleKind.Export(spec.Rule)])),
        ("tags", PulumiProgramBuilder.Tags(spec.Tags)));
}
