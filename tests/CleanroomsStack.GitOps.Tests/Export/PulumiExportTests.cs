using CleanroomsStack.EndToEnd.Tests;
using CleanroomsStack.GitOps.Tests.Support;
using CleanroomsStack.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace CleanroomsStack.GitOps.Tests.Export;

/// <summary>
/// `export pulumi` against the emulator: the program declares every managed resource with the aws-native provider, every
/// type and property name exists in @pulumi/aws-native's type definitions, and existing resources carry import ids.
/// </summary>
public sealed class PulumiExportTests : IDisposable
{
    private const string Membership = "aws-native:cleanrooms:Membership";
    private const string TableAssociation = "aws-native:cleanrooms:ConfiguredTableAssociation";
    private const string IdNamespaceAssociation = "aws-native:cleanrooms:IdNamespaceAssociation";
    private readonly CliHarness cli = new();
    private readonly AwsNativeTypes types = new();

    private string OutDir => Path.Combine(cli.Folder, "pulumi");

    [Fact]
    public async Task BeforeTheFirstUpTheProgramCreatesEverythingAndMatchesItsGoldenFiles()
    {
        var export = await Export("--pulumi-stack", "dev");

        Assert.Contains("27 resources, 0 to import, 27 to create", export.Out);
        Assert.Contains("run `cleanrooms-stack up` before `pulumi up`", export.Error);
        Golden.AssertMatches("Pulumi.yaml", File.ReadAllText(Path.Combine(OutDir, "Pulumi.yaml")));
        Golden.AssertMatches("Pulumi.dev.yaml", File.ReadAllText(Path.Combine(OutDir, "Pulumi.dev.yaml")));
    }

    [Fact]
    public async Task EveryResourceTypeAndPropertyExistsInTheAwsNativeTypeDefinitions()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        await Export();
        var resources = Resources();

        Assert.Equal([TableAssociation, IdNamespaceAssociation, Membership], resources.Select(r => Text(r.Value, "type")).Distinct().Order(StringComparer.Ordinal));
        foreach (var (name, resource) in resources)
        {
            var type = Text(resource, "type")!;
            Assert.Equal(type, types.RegisteredType(type));
            var args = types.ResourceArgs(type);
            var properties = Assert.IsType<YamlMappingNode>(WorkflowPath(resource, "properties"));
            AssertConforms($"{name}.properties", properties, args);
            Assert.All(args.Values.Where(p => !p.Optional), required => Assert.True(properties.Children.ContainsKey(required.Name), $"{name} lacks {required.Name}"));
        }
        Assert.Contains("membershipIdentifier", types.ResourceOutputs(Membership));
    }

    [Fact]
    public async Task ExistingResourcesCarryImportIdsInTheProviderFormatAndTheMembershipIsProtected()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        var export = await Export();
        Assert.Contains("27 resources, 27 to import, 0 to create", export.Out);
        Assert.DoesNotContain("warning", export.Error); // live state matches the config: Pulumi can import as is

        var live = new Dictionary<string, string>(StringComparer.Ordinal);
        string membershipId = "";
        await cli.ChangeOutOfBandAsync(async api =>
        {
            membershipId = (await api.ListMembershipsAsync("ACTIVE", default)).Single().Id;
            foreach (var a in await api.ListConfiguredTableAssociationsAsync(membershipId, default)) live[a.Name] = a.Id;
            foreach (var n in await api.ListIdNamespaceAssociationsAsync(membershipId, default)) live[n.Name] = n.Id;
        });
        var resources = Resources();

        var membership = Assert.Single(resources, r => Text(r.Value, "type") == Membership).Value;
        Assert.Equal(membershipId, Text(membership, "options", "import"));
        Assert.Equal("true", Text(membership, "options", "protect"));
        foreach (var (name, resource) in resources.Where(r => Text(r.Value, "type") != Membership))
        {
            Assert.Equal($"${{amc-collaboration-membership.membershipIdentifier}}", Text(resource, "properties", "membershipIdentifier"));
            Assert.Equal($"{live[Text(resource, "properties", "name")!]}|{membershipId}", Text(resource, "options", "import"));
            Assert.Null(WorkflowPath(resource, "options", "protect"));
        }
        Assert.Equal(live.Count, resources.Count - 1);
    }

    [Fact]
    public void TheTypeDefinitionReaderFindsRealPropertiesAndOnlyThem()
    {
        var membership = types.ResourceArgs(Membership);
        Assert.False(membership["queryLogStatus"].Optional);
        Assert.True(membership["jobLogStatus"].Optional);
        Assert.DoesNotContain("membershipIdentifier", membership.Keys);
        Assert.Equal(["MembershipPaymentConfigurationArgs"], membership["paymentConfiguration"].InputInterfaces);
        Assert.Equal(3, types.Input("ConfiguredTableAssociationAnalysisRulePolicyArgs")["v1"].InputInterfaces.Count);
        Assert.Equal(["key", "value"], types.Input("TagArgs").Keys.Order(StringComparer.Ordinal));
        Assert.Null(types.RegisteredType("aws-native:cleanrooms:NoSuchThing"));
    }

    [Fact]
    public async Task APaymentConfigurationWithMachineLearningCostsIsExportedInAwsNativesShape()
    {
        File.WriteAllText(cli.ConfigPath, File.ReadAllText(cli.ConfigPath).Replace("    queryLogStatus: ENABLED",
            "    queryLogStatus: ENABLED\n    paymentConfiguration: { queryCompute: false, machineLearning: { modelTraining: false } }"));
        await Export();

        var membership = Assert.Single(Resources(), r => Text(r.Value, "type") == Membership).Value;
        var properties = Assert.IsType<YamlMappingNode>(WorkflowPath(membership, "properties"));
        AssertConforms("membership.properties", properties, types.ResourceArgs(Membership));
        Assert.Equal("false", Text(properties, "paymentConfiguration", "machineLearning", "modelTraining", "isResponsible"));
        Assert.Equal("false", Text(properties, "paymentConfiguration", "queryCompute", "isResponsible"));
        Assert.Null(WorkflowPath(properties, "paymentConfiguration", "machineLearning", "modelInference"));
    }

    [Fact]
    public async Task AnInvalidStackNameIsRefused()
    {
        var result = await cli.RunLocalAsync("export", "pulumi", "--pulumi-stack", "my stack", "--out-dir", OutDir);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--pulumi-stack 'my stack' is not a Pulumi name", result.Error);
        Assert.False(Directory.Exists(OutDir));
    }

    /// <summary>Every key is a property of the interface; nested maps and lists of maps conform to the interface their type names.</summary>
    private void AssertConforms(string path, YamlMappingNode map, IReadOnlyDictionary<string, TsProperty> schema)
    {
        foreach (var (keyNode, value) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value!;
            Assert.True(schema.TryGetValue(key, out var property), $"{path}.{key} is not a property in @pulumi/aws-native (known: {string.Join(", ", schema.Keys)})");
            var elements = value is YamlSequenceNode list ? list.Children : [value];
            foreach (var element in elements.OfType<YamlMappingNode>())
                AssertConformsToOneOf($"{path}.{key}", element, property!.InputInterfaces);
        }
    }

    /// <summary>A union type (e.g. the policy's v1: list | aggregation | custom) is satisfied by any one alternative.</summary>
    private void AssertConformsToOneOf(string path, YamlMappingNode map, IReadOnlyList<string> interfaces)
    {
        Assert.NotEmpty(interfaces);
        var failures = new List<string>();
        foreach (var candidate in interfaces)
        {
            try
            {
                AssertConforms(path, map, types.Input(candidate));
                return;
            }
            catch (Xunit.Sdk.XunitException e)
            {
                failures.Add($"{candidate}: {e.Message}");
            }
        }
        Assert.Fail($"{path} matches none of {string.Join(", ", interfaces)}:\n{string.Join("\n", failures)}");
    }

    private async Task<CliResult> Export(params string[] args)
    {
        var result = await cli.RunLocalAsync(["export", "pulumi", "--out-dir", OutDir, .. args]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }

    private List<KeyValuePair<string, YamlMappingNode>> Resources()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(OutDir, "Pulumi.yaml"))));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        Assert.Equal("yaml", ((YamlScalarNode)root.Children[new YamlScalarNode("runtime")]).Value);
        return ((YamlMappingNode)root.Children[new YamlScalarNode("resources")]).Children
            .Select(e => new KeyValuePair<string, YamlMappingNode>(((YamlScalarNode)e.Key).Value!, (YamlMappingNode)e.Value)).ToList();
    }

    private static YamlNode? WorkflowPath(YamlNode node, params string[] keys) => Workflows.WorkflowFile.At(node, keys);

    private static string? Text(YamlNode node, params string[] keys) => (WorkflowPath(node, keys) as YamlScalarNode)?.Value;

    public void Dispose() => cli.Dispose();
}
