using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Resources.AnalysisTemplate;
using CleanroomsStack.Pulumi.Schema;
using CleanroomsStack.Pulumi.Values;

namespace CleanroomsStack.Pulumi.Resources;

/// <summary>cleanroomsstack:index:AnalysisTemplate: inputs as an item of <c>analysisTemplates</c> in collaborations.yaml.</summary>
public sealed class AnalysisTemplateHandler : ListKindHandler<AnalysisTemplateSettings, AnalysisTemplateSpec, AnalysisTemplateState>
{
    public override ProviderResource Resource => ProviderResources.AnalysisTemplate;

    protected override ListKind<AnalysisTemplateSettings, AnalysisTemplateSpec, AnalysisTemplateState> Kind => AnalysisTemplateKind.Instance;

    protected override AnalysisTemplateSpec SpecOf(ObjectValue inputs) => new(inputs.Text("name")!, inputs.Text("description"), inputs.Text("sql")!,
        inputs.Plain("parameters") is ArrayValue list
            ? list.Items.OfType<ObjectValue>().Select(p => new AnalysisParameterSpec(p.Text("name")!, p.Text("type")!, p.Text("defaultValue"))).ToList()
            : [],
        inputs.TextMap("tags"));

    protected override IReadOnlyDictionary<string, PropertyValue?> PropertiesOf(AnalysisTemplateState live) => new Dictionary<string, PropertyValue?>
    {
        ["name"] = new StringValue(live.Name),
        ["description"] = Inputs.Of(live.Description),
        ["sql"] = new StringValue(live.Sql),
        ["parameters"] = new ArrayValue([.. live.Parameters.Select(p => (PropertyValue)new ObjectValue(new Dictionary<string, PropertyValue>
        {
            ["name"] = new StringValue(p.Name), ["type"] = new StringValue(p.Type), ["defaultValue"] = Inputs.Of(p.DefaultValue),
        }))]),
        ["analysisTemplateId"] = new StringValue(live.Id),
        ["arn"] = new StringValue(live.Arn),
    };

    protected override string PulumiPath(string requestPath) => requestPath switch
    {
        "source.text" => "sql",
        "analysisParameters" => "parameters",
        _ => requestPath,
    };
}
