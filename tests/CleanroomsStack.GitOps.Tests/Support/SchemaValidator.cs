using System.Diagnostics;
using System.Text.Json;
using CleanroomsStack.EndToEnd.Tests;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.GitOps.Tests.Support;

/// <summary>A YAML document (or a fragment of one) to validate, and the validator's verdict on it.</summary>
public sealed record YamlDocument(string Name, string Text);

public sealed record SchemaVerdict(string Name, bool Valid, IReadOnlyList<string> Errors);

/// <summary>Validates YAML against the checked-in editor schema with Ajv (tests/js-pulumi/validate-yaml.mjs), in one Node run.</summary>
public static class SchemaValidator
{
    public static string SchemaPath { get; } = Path.Combine(RepoRoot.Path, "schema", "collaborations.schema.json");

    public static async Task<IReadOnlyList<SchemaVerdict>> ValidateAsync(IReadOnlyList<YamlDocument> documents)
    {
        JsOracle.Package("ajv");
        var start = new ProcessStartInfo("node", [Path.Combine(JsOracle.Folder, "validate-yaml.mjs")])
        {
            WorkingDirectory = JsOracle.Folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var input = JsonSerializer.Serialize(new { schema = SchemaPath, documents = documents.Select(d => new { name = d.Name, text = d.Text }) });
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, $"validate-yaml.mjs failed:\n{await error}");
        return JsonSerializer.Deserialize<List<SchemaVerdict>>(await output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
