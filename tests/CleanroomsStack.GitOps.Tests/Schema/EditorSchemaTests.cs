using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Schema;
using CleanroomsStack.EndToEnd.Tests;
using CleanroomsStack.GitOps.Tests.Support;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.GitOps.Tests.Schema;

/// <summary>
/// The checked-in editor schema is the generated one, the sample config points editors at it, and every YAML example in
/// the README and docs validates against it (with Ajv, an independent validator), while broken configs don't.
/// </summary>
public sealed class EditorSchemaTests
{
    [Fact]
    public void TheCheckedInSchemaIsTheGeneratedOne()
    {
        Assert.True(File.Exists(SchemaValidator.SchemaPath), "schema/collaborations.schema.json is missing");
        Assert.True(File.ReadAllText(SchemaValidator.SchemaPath) == JsonSchemaGenerator.Generate(),
            "schema/collaborations.schema.json is stale: regenerate it with\n" +
            "  dotnet run --project src/CleanroomsStack.Cli -- schema --out schema/collaborations.schema.json");
    }

    [Fact]
    public async Task TheSchemaCommandPrintsTheCheckedInSchema()
    {
        var result = await CliHarness.RunAsync("schema");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(SchemaValidator.SchemaPath), result.Out);
    }

    [Fact]
    public void TheSampleConfigPointsEditorsAtTheSchema()
    {
        var lines = File.ReadLines(Path.Combine(RepoRoot.Path, "collaborations.yaml")).Take(5);

        Assert.Contains("# yaml-language-server: $schema=schema/collaborations.schema.json", lines);
    }

    [Fact]
    public async Task UnquotedAccountIdsAreAcceptedAsTheLoaderAcceptsThem()
    {
        const string yaml = "version: 1\ndefaults:\n  analysisRule: { allowedResultReceivers: [921290734397] }\ncollaborations: []\n";

        Assert.True(Assert.Single(await SchemaValidator.ValidateAsync([new YamlDocument("unquoted", yaml)])).Valid);
        Assert.DoesNotContain(ConfigLoader.Load(yaml, "c.yaml").Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public async Task EveryYamlExampleInTheReadmeAndDocsValidates()
    {
        var examples = MarkdownYaml.InRepository();
        Assert.True(examples.Count >= 3, $"found only {examples.Count} YAML examples");

        var verdicts = await SchemaValidator.ValidateAsync([.. examples, new YamlDocument("collaborations.yaml", File.ReadAllText(Path.Combine(RepoRoot.Path, "collaborations.yaml")))]);

        Assert.All(verdicts, v => Assert.True(v.Valid, $"{v.Name}: {string.Join("; ", v.Errors)}"));
        Assert.Equal(examples.Count + 1, verdicts.Count);
    }

    [Theory]
    [InlineData("unknown key", "version: 1\ncollaborations:\n  - name: A\n    id: 27b93e2b-5001-4b20-a47b-6aad96ec8958\n    tabels: { max: 3 }\n", "must NOT have additional properties")]
    [InlineData("uppercase id", "version: 1\ncollaborations:\n  - name: A\n    id: 27B93E2B-5001-4B20-A47B-6AAD96EC8958\n", "must match pattern")]
    [InlineData("bad enum", "version: 1\ndefaults:\n  analysisRule: { type: CUSTOMER }\ncollaborations: []\n", "must be equal to one of the allowed values")]
    [InlineData("short account id", "version: 1\ndefaults:\n  analysisRule: { allowedResultReceivers: [\"92129073439\"] }\ncollaborations: []\n", "must match pattern")]
    [InlineData("quoted number", "version: 1\ndefaults:\n  tables: { max: \"25\" }\ncollaborations: []\n", "must be integer")]
    [InlineData("missing id", "version: 1\ncollaborations:\n  - name: A\n", "must have required property 'id'")]
    public async Task TheSchemaRejectsWhatTheLoaderRejects(string name, string yaml, string expected)
    {
        var verdict = Assert.Single(await SchemaValidator.ValidateAsync([new YamlDocument(name, yaml)]));

        Assert.False(verdict.Valid);
        Assert.Contains(verdict.Errors, e => e.Contains(expected));
        Assert.Contains(ConfigLoader.Load(yaml, "c.yaml").Diagnostics, d => d.Severity == Severity.Error);
    }
}
