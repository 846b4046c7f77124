using System.Text.Json.Nodes;
using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Policy;
using CleanroomsStack.EndToEnd.Tests;
using CleanroomsStack.Emulator.Hosting;
using CleanroomsStack.GitOps.Tests.Schema;
using CleanroomsStack.GitOps.Tests.Support;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.GitOps.Tests;

/// <summary>
/// Parity across the kind registry: every kind has its config schema, its IAM permissions, emulator routes for its
/// operations, a section in docs/configuration.md, an export mapping to a type aws-native registers, and an import
/// mapping — checked by walking <see cref="ResourceKinds.All"/>, so a kind that forgets one fails here, by name.
/// </summary>
public sealed class KindRegistryTests : IDisposable
{
    private readonly CliHarness cli = new();
    private readonly AwsNativeTypes types = new();

    public static TheoryData<string> Kinds() => [.. ResourceKinds.All.Select(k => k.AddressSegment)];

    private static ResourceKind Kind(string segment) => ResourceKinds.BySegment(segment)!;

    [Theory, MemberData(nameof(Kinds))]
    public void Every_kind_has_settings_keys_in_the_schema_and_a_section_in_the_config_reference(string segment)
    {
        var kind = Kind(segment);
        Assert.NotEmpty(kind.ConfigKeys);
        var schema = JsonNode.Parse(File.ReadAllText(SchemaValidator.SchemaPath))!;
        var settings = schema["$defs"]!["settings"]!["properties"]!.AsObject();
        Assert.All(kind.ConfigKeys, key => Assert.True(settings.ContainsKey(key.Key), $"{segment}: '{key.Key}' is not in the editor schema"));
        var docs = File.ReadAllLines(RepoRoot.File("docs/configuration.md"));
        Assert.Contains($"### {kind.DocsHeading}", docs);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Every_kind_names_its_reads_and_writes_and_the_emulator_serves_each(string segment)
    {
        var kind = Kind(segment);
        var routes = ServiceCatalog.Build().Routes.Select(r => r.Operation).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(kind.Permissions, p => p.CalledBy.Contains(OperationPermissions.Preview));
        Assert.Contains(kind.Permissions, p => p.CalledBy.SetEquals([OperationPermissions.Up]) && p.Operation.StartsWith("Create", StringComparison.Ordinal));
        Assert.All(kind.Permissions, p => Assert.True(routes.Contains(p.Operation), $"{segment}: the emulator has no route for {p.Operation}"));
        Assert.All(kind.Permissions, p => Assert.Contains(p, OperationPermissions.All));
    }

    public static TheoryData<string> ForeignKindNames() => [.. ForeignKinds.All.Select(k => k.DisplayName)];

    /// <summary>A kind the tool doesn't manage but must find before leaving: planning lists it, the policy allows that, the emulator serves it.</summary>
    [Theory, MemberData(nameof(ForeignKindNames))]
    public void Every_kind_that_can_block_leaving_is_listed_by_planning_and_served_by_the_emulator(string name)
    {
        var kind = ForeignKinds.All.Single(k => k.DisplayName == name);
        var routes = ServiceCatalog.Build().Routes.Select(r => r.Operation).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(kind.List, OperationPermissions.All);
        Assert.Contains(OperationPermissions.Preview, kind.List.CalledBy);
        Assert.Contains(OperationPermissions.Up, kind.List.CalledBy);
        Assert.Contains(kind.List.Operation, routes);
    }

    [Theory, MemberData(nameof(Kinds))]
    public void Every_kind_is_exported_as_a_type_aws_native_registers_or_inside_its_parent(string segment)
    {
        var kind = Kind(segment);
        var type = kind.PulumiType ?? kind.Parent?.PulumiType;
        Assert.NotNull(type);
        Assert.Equal(type, types.RegisteredType(type));
    }

    /// <summary>
    /// One resource of every kind, from the examples of its settings schema: after `up`, `export pulumi` declares each
    /// kind's type and `import` writes each kind's settings keys back, which then plan no changes.
    /// </summary>
    [Fact]
    public async Task A_resource_of_every_kind_is_exported_and_imported()
    {
        var listed = ResourceKinds.InMembership.SelectMany(k => k.ConfigKeys).Where(k => k.Node is ArrayNode)
            .Select(k => $"    {k.Key}: [{SampleDocuments.Sample(((ArrayNode)k.Node).Items).ToJsonString()}]");
        File.AppendAllText(cli.ConfigPath, "\n" + string.Join('\n', listed.Where(l => !l.Contains("idNamespaceAssociations:"))) + "\n");
        var up = await cli.RunLocalAsync("up", "--yes");
        Assert.True(up.ExitCode == 0, up.ToString());

        var outDir = Path.Combine(cli.Folder, "pulumi");
        Assert.Equal(0, (await cli.RunLocalAsync("export", "pulumi", "--out-dir", outDir)).ExitCode);
        var program = File.ReadAllText(Path.Combine(outDir, "Pulumi.yaml"));
        var imported = Path.Combine(cli.Folder, "imported.yaml");
        Assert.Equal(0, (await cli.RunLocalAsync("import", "--out", imported)).ExitCode);
        var importedText = File.ReadAllText(imported);

        foreach (var kind in ResourceKinds.All)
        {
            if (kind.PulumiType is { } type)
                Assert.True(program.Contains($"type: {type}", StringComparison.Ordinal), $"{kind}: export pulumi declares no {type}");
            Assert.All(kind.ConfigKeys.Where(k => k.Node is not BoolNode), key =>
                Assert.True(importedText.Contains($"{key.Key}:", StringComparison.Ordinal), $"{kind}: import writes no '{key.Key}'"));
        }
        var preview = await CliHarness.RunAsync("preview", "--local", "--local-dir", cli.LocalDir, "--config", imported, "--detailed-exitcode");
        Assert.True(preview.ExitCode == 0, preview.ToString());
    }

    public void Dispose() => cli.Dispose();
}
