using System.Reflection;
using System.Text.Json;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Rendering;

namespace CleanroomsStack.Core.Tests.Docs;

/// <summary>Keeps the reference docs in step with the code: every JSON field and diagnostic code is documented.</summary>
public class DocumentationTests
{
    private static string Doc(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "docs")))
            directory = directory.Parent;
        return File.ReadAllText(Path.Combine(directory?.FullName ?? throw new InvalidOperationException("docs/ not found"), "docs", name));
    }

    public static TheoryData<string> JsonFields()
    {
        Type[] documents = [typeof(PlanDocument), typeof(PlanSummaryDocument), typeof(CollaborationDocument), typeof(ChangeDocument),
            typeof(DiffDocument), typeof(UnmanagedDocument), typeof(DiagnosticDocument)];
        return new(documents
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
            .Distinct()
            .Order(StringComparer.Ordinal));
    }

    /// <summary>Every identifier written in backticks in a doc, e.g. `changes[].diffs[]` gives changes and diffs.</summary>
    private static HashSet<string> CodeWords(string doc) => doc.Split('`').Where((_, i) => i % 2 == 1)
        .SelectMany(code => code.Split(['.', '[', ']', ' ', '/', ',', ':', '"'], StringSplitOptions.RemoveEmptyEntries))
        .ToHashSet(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(JsonFields))]
    public void Every_plan_json_field_is_documented(string field) =>
        Assert.Contains(field, CodeWords(Doc("plan-json.md")));

    public static TheoryData<string> Codes() => new(typeof(DiagnosticCodes).GetFields().Select(f => (string)f.GetValue(null)!).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_diagnostic_code_is_documented(string code) =>
        Assert.Contains($"| {code} |", Doc("configuration.md"));

    public static TheoryData<string> SettingsKeys() => new(Core.Config.SettingsParser.Keys);

    [Theory]
    [MemberData(nameof(SettingsKeys))]
    public void Every_settings_key_is_documented(string key) =>
        Assert.Contains(key, CodeWords(Doc("configuration.md")));
}
