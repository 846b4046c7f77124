using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Resources.IdMappingTable;
using CleanroomsStack.Pulumi.Schema;
using CleanroomsStack.Pulumi.Values;

namespace CleanroomsStack.Pulumi.Resources;

/// <summary>cleanroomsstack:index:IdMappingTable: inputs as an item of <c>idMappingTables</c> in collaborations.yaml.</summary>
public sealed class IdMappingTableHandler : ListKindHandler<IdMappingTableSettings, IdMappingTableSpec, IdMappingTableState>
{
    public override ProviderResource Resource => ProviderResources.IdMappingTable;

    protected override ListKind<IdMappingTableSettings, IdMappingTableSpec, IdMappingTableState> Kind => IdMappingTableKind.Instance;

    protected override IdMappingTableSpec SpecOf(ObjectValue inputs) => new(inputs.Text("name")!, inputs.Text("workflowArn")!,
        inputs.Flag("manageResourcePolicies") ?? true, inputs.Text("description"), inputs.Text("kmsKeyArn"), inputs.TextMap("tags"));

    protected override IReadOnlyDictionary<string, PropertyValue?> PropertiesOf(IdMappingTableState live) => new Dictionary<string, PropertyValue?>
    {
        ["name"] = new StringValue(live.Name),
        ["workflowArn"] = new StringValue(live.InputReferenceArn),
        ["manageResourcePolicies"] = new BoolValue(live.ManageResourcePolicies),
        ["description"] = Inputs.Of(live.Description),
        ["kmsKeyArn"] = Inputs.Of(live.KmsKeyArn),
        ["idMappingTableId"] = new StringValue(live.Id),
        ["arn"] = new StringValue(live.Arn),
    };

    protected override string PulumiPath(string requestPath) => requestPath switch
    {
        "inputReferenceConfig.inputReferenceArn" => "workflowArn",
        "inputReferenceConfig.manageResourcePolicies" => "manageResourcePolicies",
        _ => requestPath,
    };
}
