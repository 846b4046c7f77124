using CleanroomsStack.Emulator.Worlds;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// Stacks: <c>--stack NAME</c> (or CLEANROOMS_STACK) reads collaborations.NAME.yaml beside collaborations.yaml, which
/// shares its defaults through <c>extends</c>; each stack keeps its own audit log and read cache, and every diagnostic
/// names the file (and line) that holds the mistake.
/// </summary>
public sealed class StackTests : IDisposable
{
    private readonly CliHarness cli = new();

    private string DevPath => Path.Combine(cli.Folder, "collaborations.dev.yaml");

    private string ProdPath => Path.Combine(cli.Folder, "collaborations.prod.yaml");

    public StackTests()
    {
        File.WriteAllText(DevPath, $"""
            version: 1
            extends: collaborations.yaml
            defaults:
              tables:
                max: 3
            collaborations:
              - name: Retail Media Collaboration
                id: {DemoWorld.RetailCollaborationId}
            """);
        File.WriteAllText(ProdPath, $"""
            version: 1
            extends: collaborations.yaml
            collaborations:
              - name: Measurement Collaboration
                id: {DemoWorld.MeasurementCollaborationId}
            """);
    }

    [Fact]
    public async Task EachStackPreviewsItsOwnFileWithTheSharedDefaults()
    {
        var dev = await cli.RunLocalAsync("preview", "--stack", "dev");
        var prod = await cli.RunLocalAsync("preview", "--stack", "prod");

        Assert.True(dev.ExitCode == 0, dev.ToString());
        Assert.Contains("Retail Media Collaboration", dev.Out);
        Assert.DoesNotContain("AMC Collaboration", dev.Out);
        // tables.max 3 from the stack, the include pattern and ID namespace from collaborations.yaml.
        Assert.Equal(3, dev.Out.Split('\n').Count(l => l.Contains("+  table-association[acx_part_") && !l.Contains("analysis-rule")));
        Assert.Contains("id-namespace-association[ACXIdNamespace]", dev.Out);
        Assert.True(prod.ExitCode == 0, prod.ToString());
        Assert.Contains("Measurement Collaboration", prod.Out);
        Assert.DoesNotContain("Retail Media Collaboration", prod.Out);
    }

    [Fact]
    public async Task TheStackVariableSelectsTheStackAndAnEmptyOneTheDefault()
    {
        var dev = await CliHarness.RunWithEnvironmentAsync(new() { ["CLEANROOMS_STACK"] = "dev" }, "validate", "--config", cli.ConfigPath);
        var main = await CliHarness.RunWithEnvironmentAsync(new() { ["CLEANROOMS_STACK"] = "" }, "validate", "--config", cli.ConfigPath);

        Assert.Contains("collaborations.dev.yaml is valid: 1 collaboration.", dev.Out);
        Assert.Contains($"{cli.ConfigPath} is valid", main.Out);
    }

    [Fact]
    public async Task AMistakeInheritedFromTheSharedFileIsReportedAtItsFileLineAndColumn()
    {
        var lines = File.ReadAllLines(cli.ConfigPath).ToList();
        var line = lines.FindIndex(l => l.Contains("queryLogStatus: ENABLED"));
        lines[line] = lines[line].Replace("ENABLED", "ENABLD");
        File.WriteAllLines(cli.ConfigPath, lines);

        var validate = await CliHarness.RunAsync("validate", "--config", cli.ConfigPath, "--stack", "dev");

        Assert.Equal(1, validate.ExitCode);
        Assert.Contains($"{cli.ConfigPath}:{line + 1}:{lines[line].IndexOf("ENABLD", StringComparison.Ordinal) + 1}: error CS105", validate.Error);
    }

    [Fact]
    public async Task AnExtendsLoopAndAMissingFileAreErrorsNamingTheFileAndLine()
    {
        File.WriteAllText(cli.ConfigPath, "extends: collaborations.dev.yaml\n" + File.ReadAllText(cli.ConfigPath));
        var loop = await CliHarness.RunAsync("validate", "--config", cli.ConfigPath, "--stack", "dev");
        File.WriteAllText(DevPath, File.ReadAllText(DevPath).Replace("extends: collaborations.yaml", "extends: shared/collaborations.yaml"));
        var missing = await CliHarness.RunAsync("validate", "--config", cli.ConfigPath, "--stack", "dev");

        Assert.Equal(1, loop.ExitCode);
        Assert.Contains($"{cli.ConfigPath}:1:10: error CS117: extends loops back to {DevPath}: {DevPath} -> {cli.ConfigPath} -> {DevPath}", loop.Error);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains($"{DevPath}:2:10: error CS116: extends 'shared/collaborations.yaml': {Path.Combine(cli.Folder, "shared", "collaborations.yaml")} does not exist", missing.Error);
    }

    [Fact]
    public async Task EachStackKeepsItsOwnAuditLogAndReadCache()
    {
        var cache = Path.Combine(cli.Folder, "cache");

        var up = await cli.RunLocalAsync("up", "--stack", "dev", "--yes", "--read-cache", cache);

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Contains(Path.Combine(".cleanrooms-stack", "audit.dev.jsonl"), up.Out);
        Assert.True(File.Exists(Path.Combine(cli.Folder, ".cleanrooms-stack", "audit.dev.jsonl")));
        Assert.False(File.Exists(Path.Combine(cli.Folder, ".cleanrooms-stack", "audit.jsonl")));
        Assert.Equal(["read-cache.dev.json"], Directory.GetFiles(cache).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ASavedPlanIsBoundToTheFilesTheStackExtends()
    {
        var plan = Path.Combine(cli.Folder, "dev-plan.json");
        Assert.Equal(0, (await cli.RunLocalAsync("preview", "--stack", "dev", "--out", plan)).ExitCode);
        File.WriteAllText(cli.ConfigPath, File.ReadAllText(cli.ConfigPath).Replace("queryLogStatus: ENABLED", "queryLogStatus: DISABLED"));

        var up = await cli.RunLocalAsync("up", "--stack", "dev", "--plan", plan);

        Assert.Equal(1, up.ExitCode);
        Assert.Contains("the configuration changed since the plan was saved", up.Error);
    }

    [Fact]
    public async Task InitWritesAStackStarterThatExtendsTheSharedFileAndValidates()
    {
        var init = await CliHarness.RunAsync("init", "--config", cli.ConfigPath, "--stack", "staging");
        var validate = await CliHarness.RunAsync("validate", "--config", cli.ConfigPath, "--stack", "staging");

        Assert.True(init.ExitCode == 0, init.ToString());
        Assert.Contains("extends: collaborations.yaml", File.ReadAllText(Path.Combine(cli.Folder, "collaborations.staging.yaml")));
        Assert.True(validate.ExitCode == 0, validate.ToString());
    }

    public void Dispose() => cli.Dispose();
}
