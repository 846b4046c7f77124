using System.Text;
using System.Text.RegularExpressions;

namespace CleanroomsStack.Bench.World;

/// <summary>
/// The collaborations.yaml the tool runs with: the repository sample's defaults, one stanza per invitation.
/// The exclude list leaves exactly 25 of the 30 <c>part_*</c> tables, so every membership gets a full quota of
/// associations and the plan carries no "left out by tables.max" warnings (which would be M warnings of output).
/// </summary>
public static partial class BenchConfig
{
    public const int TablesPerMembership = 25;

    /// <summary>Every membership also gets the ID namespace association of the config's defaults.</summary>
    public const int IdNamespaceAssociationsPerMembership = 1;

    /// <summary>What a cold read Gets one by one: every table association and every ID namespace association.</summary>
    public const int AssociationsPerMembership = TablesPerMembership + IdNamespaceAssociationsPerMembership;

    /// <summary>The <c>part_*</c> tables left out, so that exactly <see cref="TablesPerMembership"/> remain.</summary>
    public static readonly IReadOnlyList<string> ExcludedTables =
        ["part_n_a", "part_n_a_a", "part_presence_of_children", "part_religion", "part_zip4"];

    /// <summary>The role the sample config names (the peer passes the same one).</summary>
    public const string RoleName = "cleanrooms-glue-s3-access";

    public static string AssociationName(string table) => $"acx_{table}";

    /// <summary>The tables every membership gets, in the order the tool takes them (name order).</summary>
    public static IReadOnlyList<string> SelectedTables(IEnumerable<string> configuredTables) =>
        configuredTables.Where(t => t.StartsWith("part_", StringComparison.Ordinal) && !ExcludedTables.Contains(t))
            .Order(StringComparer.Ordinal).Take(TablesPerMembership).ToList();

    /// <summary>
    /// The sample config (the repository's collaborations.yaml) up to its <c>collaborations:</c> list, with the
    /// exclude list replaced, then one stanza per invitation; so the bench runs with the defaults users see.
    /// </summary>
    public static string Yaml(string sampleConfig, int invitations)
    {
        var cut = sampleConfig.IndexOf("\ncollaborations:", StringComparison.Ordinal);
        var exclude = ExcludeList().Match(sampleConfig);
        if (cut < 0 || !exclude.Success || exclude.Index > cut)
        {
            throw new InvalidDataException(
                "The sample collaborations.yaml no longer has a `defaults.tables.exclude: [...]` flow list before `collaborations:`; " +
                "update BenchConfig.Yaml to build the bench config from it.");
        }
        var defaults = sampleConfig[..exclude.Index] + $"exclude: [{string.Join(", ", ExcludedTables)}]" + sampleConfig[(exclude.Index + exclude.Length)..cut];
        var text = new StringBuilder(defaults).Append("\ncollaborations:\n");
        for (var i = 0; i < invitations; i++)
            text.Append($"  - name: {BenchWorld.CollaborationName(i)}\n    id: {BenchWorld.CollaborationId(i)}\n");
        return text.ToString();
    }

    [GeneratedRegex(@"exclude: \[[^\]\n]*\]")]
    private static partial Regex ExcludeList();
}
