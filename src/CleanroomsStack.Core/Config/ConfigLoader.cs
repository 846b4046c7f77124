using CleanroomsStack.Core.Config.Yaml;
using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Core.Config;

/// <summary>
/// Loads <c>collaborations.yaml</c> strictly: every problem becomes a diagnostic with file:line:col and a hint,
/// all of them are reported together, and nothing here throws on bad input.
/// </summary>
public static class ConfigLoader
{
    public const int CurrentVersion = 1;
    internal static readonly string[] TopLevelKeys = ["version", "extends", "defaults", "invitations", "collaborations"];
    private static readonly string[] CollaborationOnlyKeys = ["name", "id", "note", "state", "creatorAccountId"];
    private static readonly string[] States = ["active", "left"];

    /// <param name="files">Reads the files an <c>extends</c> key names; without it, <c>extends</c> is an error.</param>
    public static ConfigLoadResult Load(string yamlText, string filePath, ConfigFileReader? files = null)
    {
        var (root, yamlDiagnostics) = YamlTreeReader.Read(yamlText, filePath);
        // A duplicate key leaves a usable tree (the first value wins), so checking goes on and every mistake is
        // reported together; after a syntax error or runaway nesting the tree can't be trusted.
        if (yamlDiagnostics.Any(d => d.Code is DiagnosticCodes.YamlSyntax or DiagnosticCodes.TooDeep))
            return new ConfigLoadResult(null, yamlDiagnostics);
        if (root is null)
        {
            return new ConfigLoadResult(null, [Diagnostic.Error(DiagnosticCodes.EmptyFile, "the configuration file is empty",
                new SourceLocation(filePath, 1, 1), "start with 'version: 1' and a 'collaborations:' list; see docs/configuration.md")]);
        }
        var reader = new ConfigReader();
        var extended = new ConfigExtends(reader, files);
        var config = ReadRoot(reader, root, filePath, extended);
        var diagnostics = yamlDiagnostics.Concat(reader.Diagnostics).Distinct().ToList();
        return new ConfigLoadResult(diagnostics.HasErrors() ? null : config, diagnostics) { Extended = extended.Files };
    }

    private static StackConfig? ReadRoot(ConfigReader reader, YamlNode root, string filePath, ConfigExtends extended)
    {
        if (root is not YamlMapping)
        {
            reader.Error(DiagnosticCodes.WrongType, $"the file must be a mapping of settings, found {root.Describe()}", root.Location,
                "start the file with 'version: 1', then 'defaults:' and 'collaborations:' at the left margin");
            return null;
        }
        if (reader.Mapping(root, "the top level", TopLevelKeys) is not { } map)
            return null;
        var version = ReadVersion(reader, map);
        var defaults = ReadDefaults(reader, map.Find("defaults"));
        // Inherited defaults first, this file's on top: maps merge key by key, lists replace, as for a collaboration.
        // A broken chain stops here: checking the collaborations without the defaults they inherit would only mislead.
        if (extended.InheritedDefaults(map, filePath) is not { } inherited) return null;
        if (inherited.Defaults is { } shared) defaults = defaults is null ? shared : YamlMerger.Merge(shared, defaults);
        var region = defaults?.Find("region") is { } r ? Region(reader, r.Value) : null;
        var collaborations = ReadCollaborations(reader, map, defaults, region);
        var (policy, defaultSettings) = ReadInvitationPolicy(reader, map, defaults);
        if (version is null || collaborations is null || (map.Find("invitations") is not null && policy is null))
            return null;
        return new StackConfig(version.Value, filePath, region, collaborations, policy, defaultSettings);
    }

    /// <summary>Collaborations accepted by policy get the defaults, so then the defaults must be complete on their own.</summary>
    private static (InvitationPolicy?, CollaborationSettings?) ReadInvitationPolicy(ConfigReader reader, YamlMapping root, YamlMapping? defaults)
    {
        if (root.Find("invitations") is not { } entry || new InvitationPolicyParser(reader).Parse(entry) is not { } policy)
            return (null, null);
        if (!policy.AcceptAll && policy.Rules.Count == 0)
            return (policy, null);
        var settings = new SettingsParser(reader).Parse(defaults ?? new YamlMapping([], entry.Key.Location), entry.Key.Location,
            "the invitation policy (it applies the defaults)", complete: true);
        return settings is null ? (null, null) : (policy, settings);
    }

    internal static int? ReadVersion(ConfigReader reader, YamlMapping map)
    {
        if (map.Find("version") is not { } entry)
        {
            reader.Error(DiagnosticCodes.MissingKey, "the configuration has no 'version'", map.Location,
                $"add 'version: {CurrentVersion}' as the first line");
            return null;
        }
        var version = reader.Int(entry.Value, "version", int.MinValue, int.MaxValue);
        if (version is null || version == CurrentVersion)
            return version;
        reader.Error(DiagnosticCodes.UnsupportedVersion, $"configuration version {version} is not supported", entry.Value.Location,
            $"this release reads version {CurrentVersion}; upgrade cleanrooms-stack or write 'version: {CurrentVersion}'");
        return null;
    }

    /// <summary>Checks the defaults block on its own so its mistakes are reported even with no collaborations.</summary>
    internal static YamlMapping? ReadDefaults(ConfigReader reader, YamlEntry? entry)
    {
        if (entry is null)
            return null;
        if (reader.Mapping(entry.Value, "defaults", SettingsParser.Keys) is not { } defaults)
            return null;
        new SettingsParser(reader).Parse(defaults, entry.Key.Location, "defaults", complete: false);
        return defaults;
    }

    private static string? Region(ConfigReader reader, YamlNode node) =>
        reader.Checked(reader.String(node, "region"), node, Formats.IsRegion, DiagnosticCodes.InvalidEnum,
            "region is not an AWS region name", "write a region such as 'us-east-1'");

    private static IReadOnlyList<CollaborationConfig>? ReadCollaborations(ConfigReader reader, YamlMapping root, YamlMapping? defaults, string? region)
    {
        if (root.Find("collaborations") is not { } entry)
        {
            reader.Error(DiagnosticCodes.MissingKey, "the configuration has no 'collaborations' list", root.Location,
                "add 'collaborations:' with one '- name: …, id: …' entry per collaboration to join");
            return null;
        }
        if (entry.Value is YamlScalar { IsNull: true })
            return [];
        if (reader.Sequence(entry.Value, "collaborations") is not { } list)
            return null;
        var parsed = list.Items.Select((item, index) => ReadCollaboration(reader, item, index, defaults, region)).ToList();
        var collaborations = parsed.OfType<CollaborationConfig>().ToList();
        ReportDuplicateIds(reader, collaborations);
        return parsed.Count == collaborations.Count ? collaborations : null;
    }

    private static CollaborationConfig? ReadCollaboration(ConfigReader reader, YamlNode node, int index, YamlMapping? defaults, string? region)
    {
        var path = $"collaborations[{index}]";
        if (reader.Mapping(node, path, [.. CollaborationOnlyKeys, .. SettingsParser.Keys]) is not { } map)
            return null;
        var name = RequiredString(reader, map, "name", path, "the collaboration's display name, for the plan");
        name = reader.Checked(name, map.Find("name")?.Value ?? map, Formats.IsDisplayName, DiagnosticCodes.InvalidName,
            "name must be 1-100 characters on one line", "shorten the name and keep it on one line");
        var id = ReadId(reader, map, path);
        var note = map.Find("note") is { } n ? reader.String(n.Value, "note") : null;
        var state = map.Find("state") is { } s ? reader.Enum(s.Value, "state", States) : "active";
        var creator = map.Find("creatorAccountId") is { } c
            ? reader.Checked(reader.String(c.Value, "creatorAccountId"), c.Value, Formats.IsAccountId, DiagnosticCodes.InvalidAccountId,
                "creatorAccountId is not a 12-digit AWS account id", "quote it (\"012345678901\") to keep leading zeros")
            : null;
        CheckRegion(reader, map, region);
        var effective = defaults is null ? map : YamlMerger.Merge(defaults, map);
        var settings = new SettingsParser(reader).Parse(effective, map.Location, $"collaboration '{name ?? path}'", complete: true);
        return name is null || id is null || settings is null || state is null || (map.Find("note") is not null && note is null)
            || (map.Find("creatorAccountId") is not null && creator is null)
            ? null
            : new CollaborationConfig(id, name, note, map.Location, settings, state == "left" ? ParticipationState.Left : ParticipationState.Active, creator);
    }

    private static Located<string>? ReadId(ConfigReader reader, YamlMapping map, string path)
    {
        if (RequiredString(reader, map, "id", path, "the collaboration id from the invitation") is not { } id)
            return null;
        var node = map.Find("id")!.Value;
        if (Formats.IsUuid(id))
            return new Located<string>(id, node.Location);
        var hint = Formats.IsUppercaseUuid(id)
            ? $"AWS accepts lowercase ids only: write '{id.ToLowerInvariant()}'"
            : "copy the collaboration id (36 characters: 8-4-4-4-12 lowercase hex digits) from the invitation";
        reader.Error(DiagnosticCodes.InvalidUuid, $"'{id}' is not a collaboration id", node.Location, hint);
        return null;
    }

    /// <summary>One run talks to one region, so a collaboration can't move to another one.</summary>
    private static void CheckRegion(ConfigReader reader, YamlMapping map, string? region)
    {
        if (map.Find("region") is not { } entry || Region(reader, entry.Value) is not { } own || own == region)
            return;
        reader.Error(DiagnosticCodes.InvalidEnum, $"region '{own}' differs from defaults.region '{region ?? "(not set)"}'", entry.Value.Location,
            "one run manages one region: keep collaborations of other regions in a separate configuration file");
    }

    private static string? RequiredString(ConfigReader reader, YamlMapping map, string key, string path, string what)
    {
        if (map.Find(key) is { } entry)
            return reader.String(entry.Value, $"{path}.{key}");
        reader.Error(DiagnosticCodes.MissingKey, $"{path} has no '{key}'", map.Location, $"add '{key}:' ({what})");
        return null;
    }

    private static void ReportDuplicateIds(ConfigReader reader, IReadOnlyList<CollaborationConfig> collaborations)
    {
        var firstById = new Dictionary<string, CollaborationConfig>(StringComparer.Ordinal);
        foreach (var collaboration in collaborations)
        {
            if (firstById.TryAdd(collaboration.Id.Value, collaboration))
                continue;
            var first = firstById[collaboration.Id.Value];
            reader.Error(DiagnosticCodes.DuplicateCollaboration, $"collaboration id {collaboration.Id.Value} is listed twice", collaboration.Id.Location,
                $"it is already configured as '{first.Name}' at line {first.Location.Line}; merge the two entries");
        }
    }
}
