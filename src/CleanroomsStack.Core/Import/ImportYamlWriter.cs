using System.Text;
using CleanroomsStack.Core.Config.Yaml;

namespace CleanroomsStack.Core.Import;

/// <summary>
/// Emits the imported settings as collaborations.yaml: the most common value of each settings group under
/// <c>defaults</c>, and under each collaboration only the groups that differ from it.
/// </summary>
internal static class ImportYamlWriter
{
    public static string Write(string? region, IReadOnlyList<ImportedCollaboration> collaborations)
    {
        var defaults = new Groups(
            ConfigImporter.MostCommon(collaborations.Select(c => c.Membership)),
            ConfigImporter.MostCommon(collaborations.Select(c => c.Tables)),
            ConfigImporter.MostCommon(collaborations.Select(c => c.Association)) ?? new ImportedAssociation("{table}", "REPLACE-WITH-ROLE", null),
            ConfigImporter.MostCommon(collaborations.Select(c => c.Rule)),
            DefaultSections(collaborations),
            ConfigImporter.MostCommon(collaborations.Select(c => c.AdoptExistingNames)));
        var y = new StringBuilder();
        y.Append("# Written by `cleanrooms-stack import` from the live account: every active membership with its table\n");
        y.Append("# associations, collaboration analysis rules and ID namespace associations. Review and commit it;\n");
        y.Append("# `cleanrooms-stack preview` with it should report no changes. Reference: docs/configuration.md\n");
        y.Append("version: 1\n\ndefaults:\n");
        if (region is not null) y.Append($"  region: {Scalar(region)}\n");
        WriteGroups(y, "  ", defaults, null);
        y.Append(collaborations.Count == 0 ? "\ncollaborations: []\n" : "\ncollaborations:\n");
        foreach (var c in collaborations)
        {
            y.Append($"  - name: {Scalar(c.Name)}\n    id: {c.Id}\n");
            WriteGroups(y, "    ", new Groups(c.Membership, c.Tables, c.Association, c.Rule, c.Sections, c.AdoptExistingNames), defaults);
        }
        return y.ToString();
    }

    private sealed record Groups(
        ImportedMembership? Membership, ImportedTables? Tables, ImportedAssociation Association, ImportedRule? Rule,
        IReadOnlyList<ImportedSection> Sections, bool AdoptExistingNames);

    /// <summary>For each kind's key, the section most memberships share.</summary>
    private static IReadOnlyList<ImportedSection> DefaultSections(IReadOnlyList<ImportedCollaboration> collaborations) =>
        collaborations.SelectMany(c => c.Sections).GroupBy(s => s.Key)
            .Select(g => ConfigImporter.MostCommon(g)!)
            .ToList();

    /// <summary>Writes every group that differs from <paramref name="defaults"/> (all of them when there are none).</summary>
    private static void WriteGroups(StringBuilder y, string indent, Groups g, Groups? defaults)
    {
        if (g.Membership is { } m && m != defaults?.Membership)
        {
            y.Append($"{indent}membership:\n{indent}  queryLogStatus: {m.QueryLogStatus}\n");
            if (m.JobLogStatus is { } job) y.Append($"{indent}  jobLogStatus: {job}\n");
            if (m.DefaultResultConfiguration is { } r)
            {
                y.Append($"{indent}  defaultResultConfiguration:\n{indent}    bucket: {Scalar(r.Bucket)}\n");
                if (r.KeyPrefix is { } prefix) y.Append($"{indent}    keyPrefix: {Scalar(prefix)}\n");
                y.Append($"{indent}    resultFormat: {r.ResultFormat}\n{indent}    singleFileOutput: {Bool(r.SingleFileOutput)}\n");
                if (r.RoleArn is { } role) y.Append($"{indent}    role: {Scalar(role)}\n");
            }
        }
        if (g.Tables is { } t && t != defaults?.Tables)
            y.Append($"{indent}tables:\n{indent}  include: []\n{indent}  names:{List(t.List, indent + "  ")}\n{indent}  max: {Math.Max(25, t.List.Count)}\n");
        if (g.Association != defaults?.Association)
        {
            y.Append($"{indent}association:\n{indent}  nameTemplate: {Scalar(g.Association.NameTemplate)}\n{indent}  role: {Scalar(g.Association.Role)}\n");
            if (g.Association.Description is { } description) y.Append($"{indent}  description: {Scalar(description)}\n");
        }
        if (g.Rule is { } rule && rule != defaults?.Rule)
        {
            var receivers = rule.Receivers is null ? " auto" : List(rule.Receivers.Split(',', StringSplitOptions.RemoveEmptyEntries), indent + "  ");
            y.Append($"{indent}analysisRule:\n{indent}  type: {rule.Type}\n{indent}  allowedResultReceivers:{receivers}\n");
            y.Append($"{indent}  allowedAdditionalAnalyses:{List(rule.AdditionalAnalyses.Split(',', StringSplitOptions.RemoveEmptyEntries), indent + "  ")}\n");
        }
        // A key the defaults leave out means an empty list there, and an empty list needs no line under defaults.
        foreach (var section in g.Sections.Where(s => defaults is null
                     ? s.Items.Count > 0
                     : !s.Equals(defaults.Sections.FirstOrDefault(d => d.Key == s.Key) ?? new ImportedSection(s.Key, []))))
            WriteSection(y, indent, section);
        if (g.AdoptExistingNames != (defaults?.AdoptExistingNames ?? false))
            y.Append($"{indent}adoptExistingNames: {Bool(g.AdoptExistingNames)}\n");
    }

    /// <summary>A kind's list: one '- key: value' block per item; values that are null are left out.</summary>
    private static void WriteSection(StringBuilder y, string indent, ImportedSection section)
    {
        y.Append(section.Items.Count == 0 ? $"{indent}{section.Key}: []\n" : $"{indent}{section.Key}:\n");
        foreach (var item in section.Items)
        {
            var first = true;
            foreach (var (key, value) in item.Fields.Where(f => f.Value is not null))
            {
                var text = value switch
                {
                    bool b => " " + Bool(b),
                    IEnumerable<ImportedItem> items => " [" + string.Join(", ", items.Select(Flow)) + "]",
                    IEnumerable<string> list when value is not string => List(list, indent + "    "),
                    _ => " " + Scalar(value!.ToString()!),
                };
                y.Append($"{indent}  {(first ? "- " : "  ")}{key}:{text}\n");
                first = false;
            }
        }
    }

    /// <summary>A nested item as a flow mapping, e.g. <c>{ name: min_age, type: INTEGER }</c>.</summary>
    private static string Flow(ImportedItem item) =>
        "{ " + string.Join(", ", item.Fields.Where(f => f.Value is not null).Select(f => $"{f.Key}: {(f.Value is bool b ? Bool(b) : Scalar(f.Value!.ToString()!))}")) + " }";

    /// <summary>The value part of "key:" for a list: inline when short, one item per line when long.</summary>
    private static string List(IEnumerable<string> items, string keyIndent)
    {
        var scalars = items.Select(Scalar).ToList();
        var inline = " [" + string.Join(", ", scalars) + "]";
        return inline.Length + keyIndent.Length <= 100 ? inline : string.Concat(scalars.Select(s => $"\n{keyIndent}  - {s}"));
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Scalar(string value) => YamlText.Scalar(value);
}
