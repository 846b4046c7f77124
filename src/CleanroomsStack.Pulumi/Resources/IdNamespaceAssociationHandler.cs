using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
using CleanroomsStack.Pulumi.Schema;
using CleanroomsStack.Pulumi.Values;

namespace CleanroomsStack.Pulumi.Resources;

/// <summary>cleanroomsstack:index:IdNamespaceAssociation: inputs as an item of <c>idNamespaceAssociations</c> in collaborations.yaml.</summary>
public sealed class IdNamespaceAssociationHandler
    : ListKindHandler<IdNamespaceAssociationSettings, IdNamespaceAssociationSpec, IdNamespaceAssociationState>
{
    public override ProviderResource Resource => ProviderResources.IdNamespaceAssociation;

    protected override ListKind<IdNamespaceAssociationSettings, IdNamespaceAssociationSpec, IdNamespaceAssociationState> Kind =>
        IdNamespaceAssociationKind.Instance;

    protected override IdNamespaceAssociationSpec SpecOf(ObjectValue inputs) => new(inputs.Text("name")!, inputs.Text("arn")!,
        inputs.Flag("manageResourcePolicies") ?? true, inputs.Text("description"), inputs.Flag("allowUseAsDimensionColumn") ?? false, inputs.TextMap("tags"));

    protected override IReadOnlyDictionary<string, PropertyValue?> PropertiesOf(IdNamespaceAssociationState live) => new Dictionary<string, PropertyValue?>
    {
        ["name"] = new StringValue(live.Name),
        ["arn"] = new StringValue(live.InputReferenceArn),
        ["manageResourcePolicies"] = new BoolValue(live.ManageResourcePolicies),
        ["description"] = Inputs.Of(live.Description),
        ["allowUseAsDimensionColumn"] = new BoolValue(live.AllowUseAsDimensionColumn),
        ["associationId"] = new StringValue(live.Id),
        ["associationArn"] = new StringValue(live.Arn),
    };

    protected override string PulumiPath(string requestPath) => requestPath switch
    {
        "inputReferenceConfig.inputReferenceArn" => "arn",
        "inputReferenceConfig.manageResourcePolicies" => "manageResourcePolicies",
        "idMappingConfig.allowUseAsDimensionColumn" => "allowUseAsDimensionColumn",
        _ => requestPath,
    };
}
