using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>`import` writes a config from the live account that validates and plans no changes.</summary>
public sealed class ImportTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Fact]
    public async Task ImportAfterUpRoundTripsToAPreviewWithNoChanges()
    {
        File.AppendAllText(cli.ConfigPath, """
              - name: Retail Media Collaboration
                id: 5c0d9a1e-2f43-4b6e-9a7d-3e1f8b2c4d60
                tables: { max: 5 }
                membership: { queryLogStatus: DISABLED }
                analysisRule: { allowedResultReceivers: ["657425294073"] }

            """);
        Assert.Equal(0, (await cli.RunLocalAsync("up", "--yes")).ExitCode);
        var imported = Path.Combine(cli.Folder, "imported.yaml");

        var import = await cli.RunLocalAsync("import", "--out", imported);

        Assert.True(import.ExitCode == 0, import.ToString());
        Golden.AssertMatches("import-after-up.yaml", File.ReadAllText(imported));
        Assert.Equal(0, (await CliHarness.RunAsync("validate", "--config", imported)).ExitCode);
        var preview = await CliHarness.RunAsync("preview", "--local", "--local-dir", cli.LocalDir, "--config", imported, "--detailed-exitcode");
        Assert.True(preview.ExitCode == 0, preview.ToString());
        Assert.Contains("No changes. 64 unchanged", preview.Out);
        Assert.Equal(1, (await cli.RunLocalAsync("import", "--out", imported)).ExitCode);
    }

    public void Dispose() => cli.Dispose();
}
