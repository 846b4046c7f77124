namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// The kinds added through the kind registry, end to end through the CLI on the local emulator: an ID mapping table and
/// an analysis template are created by `up`, plan nothing afterwards, export as their aws-native types, import back to a
/// config that plans nothing, and plan an in-place update or a replacement for what AWS can or can't change.
/// </summary>
public sealed class KindLifecycleTests : IDisposable
{
    private const string Sql = "SELECT COUNT(DISTINCT a.id) FROM acx_part_age a WHERE a.age >= :min_age";
    private readonly CliHarness cli = new();

    public KindLifecycleTests() => File.AppendAllText(cli.ConfigPath, $"""

            idMappingTables:
              - name: acx_amc_ids
                workflowArn: arn:aws:entityresolution:us-east-1:239083076653:idmappingworkflow/acx-to-amc
                description: ACX to AMC identifiers
            analysisTemplates:
              - name: audience_overlap
                description: Overlap of our audience with yours
                sql: "{Sql}"
                parameters:
                  - {"{"} name: min_age, type: INTEGER, defaultValue: "18" {"}"}

        """);

    [Fact]
    public async Task Up_creates_both_and_the_next_preview_plans_nothing()
    {
        var up = await cli.RunLocalAsync("up", "--yes");
        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Contains("+ created AMC Collaboration: id-mapping-table[acx_amc_ids]", up.Out);
        Assert.Contains("+ created AMC Collaboration: analysis-template[audience_overlap]", up.Out);

        var preview = await cli.RunLocalAsync("preview", "--detailed-exitcode");
        Assert.True(preview.ExitCode == 0, preview.ToString());
    }

    [Fact]
    public async Task Export_names_both_aws_native_types_and_import_round_trips_to_no_changes()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        var pulumi = Path.Combine(cli.Folder, "pulumi");
        var export = await cli.RunLocalAsync("export", "pulumi", "--out-dir", pulumi);
        Assert.True(export.ExitCode == 0, export.ToString());
        var program = File.ReadAllText(Path.Combine(pulumi, "Pulumi.yaml"));
        Assert.Contains("type: aws-native:cleanrooms:IdMappingTable", program);
        Assert.Contains("type: aws-native:cleanrooms:AnalysisTemplate", program);

        var imported = Path.Combine(cli.Folder, "imported.yaml");
        var import = await cli.RunLocalAsync("import", "--out", imported);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("idMappingTables:", File.ReadAllText(imported));
        Assert.Contains("analysisTemplates:", File.ReadAllText(imported));
        var preview = await CliHarness.RunAsync("preview", "--local", "--local-dir", cli.LocalDir, "--config", imported, "--detailed-exitcode");
        Assert.True(preview.ExitCode == 0, preview.ToString());
    }

    [Fact]
    public async Task Edited_sql_replaces_the_template_and_an_edited_description_updates_it()
    {
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        var config = File.ReadAllText(cli.ConfigPath);

        File.WriteAllText(cli.ConfigPath, config.Replace(">= :min_age", "> :min_age"));
        var sqlEdited = await cli.RunLocalAsync("preview", "--json");
        Assert.Contains("\"address\": \"membership[27b93e2b-5001-4b20-a47b-6aad96ec8958]/analysis-template[audience_overlap]\"", sqlEdited.Out);
        Assert.Contains("\"replace\": 1", sqlEdited.Out);
        Assert.Contains("\"path\": \"source.text\"", sqlEdited.Out);

        File.WriteAllText(cli.ConfigPath, config.Replace("Overlap of our audience with yours", "Audience overlap, v2"));
        var described = await cli.RunLocalAsync("preview");
        Assert.Contains("~  analysis-template[audience_overlap]", described.Out);
        Assert.Contains("description  Overlap of our audience with yours → Audience overlap, v2", described.Out);
        Assert.Contains("Plan: 0 to create, 1 to update, 0 to replace", described.Out);
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        Assert.Equal(0, (await cli.RunLocalAsync("preview", "--detailed-exitcode")).ExitCode);
    }

    public void Dispose() => cli.Dispose();
}
