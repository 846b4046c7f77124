using CleanroomsStack.Core.Config.Yaml;
using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Core.Config;

/// <summary>
/// Reads the settings block (what <c>defaults</c> holds and a collaboration may override) into typed settings,
/// filling in documented defaults. Missing required settings are reported only when <paramref name="complete"/>
/// is set, because the defaults block alone may legitimately leave them to each collaboration.
/// </summary>
internal sealed class SettingsParser(ConfigReader reader)
{
    public static IReadOnlyList<string> Keys => ConfigSchema.Settings.Select(k => k.Key).ToList();
    private static readonly string[] RuleTypes = [AnalysisRuleSettings.Auto, "CUSTOM", "LIST", "AGGREGATION"];
    private static readonly string[] ExceedBehaviours = ["truncate", "error"];
    public const int DefaultMaxTables = 25;
    private const int MaxAdditionalAnalyses = 25;
    /// <summary>AWS allows 50 tags on a resource; the membership also holds the tool's record (<see cref="Planning.ManagedRecord"/>).</summary>
    public const int MaxTags = 50 - Planning.ManagedRecord.MaxTags;

    public CollaborationSettings? Parse(YamlMapping settings, SourceLocation owner, string ownerName, bool complete)
    {
        var membership = new MembershipSettingsParser(reader).Parse(settings.Find("membership")?.Value);
        var tables = ParseTables(settings.Find("tables"), owner);
        var association = ParseAssociation(settings.Find("association")?.Value, owner, ownerName, complete);
        var rule = ParseRule(settings.Find("analysisRule"), owner);
        // Each kind that lives in a membership reads its own keys; a null means one of them was invalid.
        var kinds = Kinds.ResourceKinds.InMembership.Aggregate((Kinds.KindValues?)Kinds.KindValues.Empty,
            (parsed, kind) => kind.ParseSettings(reader, settings, parsed ?? Kinds.KindValues.Empty) is { } next && parsed is not null ? next : null);
        var adopt = settings.Find("adoptExistingNames") is { } a ? reader.Bool(a.Value, "adoptExistingNames") : false;
        var tags = settings.Find("tags") is { } t ? Tags(t.Value) : new Dictionary<string, string>();
        return membership is null || tables is null || association is null || rule is null || kinds is null || adopt is null || tags is null
            ? null
            : new CollaborationSettings(membership, tables, association, rule, kinds, adopt.Value, tags);
    }

    /// <summary>Tags as a flat map of text to text; AWS reserves the 'aws:' prefix, and the tool 'cleanrooms-stack:' (<see cref="Planning.TagPaths"/>).</summary>
    private IReadOnlyDictionary<string, string>? Tags(YamlNode node)
    {
        if (reader.Mapping(node, "tags", knownKeys: null) is not { } map)
            return null;
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var entry in map.Entries)
        {
            var value = reader.String(entry.Value, $"tags.{entry.Key.Value}");
            if (Planning.TagPaths.IsReserved(entry.Key.Value))
            {
                reader.Error(DiagnosticCodes.InvalidName, $"tag '{entry.Key.Value}' uses the prefix '{Planning.TagPaths.ReservedPrefix}', which cleanrooms-stack keeps for its own record",
                    entry.Key.Location, "choose a key with another prefix");
                ok = false;
            }
            else if (!Formats.IsTagKey(entry.Key.Value) || (value is not null && !Formats.IsTagValue(value)))
            {
                reader.Error(DiagnosticCodes.InvalidName, $"tag '{entry.Key.Value}' is not a valid AWS tag", entry.Key.Location,
                    "tag keys are 1-128 characters and may not start with 'aws:'; values are up to 256 characters");
                ok = false;
            }
            if (value is null)
                ok = false;
            else
                tags[entry.Key.Value] = value;
        }
        if (tags.Count > MaxTags)
        {
            reader.Error(DiagnosticCodes.OutOfRange, $"tags has {tags.Count} entries; at most {MaxTags} are allowed", node.Location,
                $"drop some tags: AWS allows 50 on a resource, and cleanrooms-stack keeps {Planning.ManagedRecord.MaxTags} on the membership for its record");
            ok = false;
        }
        return ok ? tags : null;
    }

    private TableSelection? ParseTables(YamlEntry? entry, SourceLocation owner)
    {
        if (entry is null)
            return new TableSelection(["*"], [], new Located<int>(DefaultMaxTables, owner), owner);
        if (reader.Mapping(entry.Value, "tables", ["include", "exclude", "names", "max", "onExceed"]) is not { } map)
            return null;
        var names = map.Find("names") is { } n ? TableNames(n.Value) : [];
        // With an explicit list and no patterns, only the listed tables are meant.
        IReadOnlyList<string> defaultInclude = map.Find("names") is null ? ["*"] : [];
        var include = map.Find("include") is { } i ? Globs(i.Value, "tables.include") : defaultInclude;
        var exclude = map.Find("exclude") is { } e ? Globs(e.Value, "tables.exclude") : [];
        var max = map.Find("max") is { } m
            ? reader.Int(m.Value, "tables.max", 1, 1000) is { } value ? new Located<int>(value, m.Value.Location) : null
            : new Located<int>(DefaultMaxTables, entry.Key.Location);
        var onExceed = map.Find("onExceed") is { } o ? reader.Enum(o.Value, "tables.onExceed", ExceedBehaviours) : "truncate";
        if (include is null || exclude is null || max is null || names is null || onExceed is null)
            return null;
        return new TableSelection(include, exclude, max, entry.Key.Location, names,
            onExceed == "error" ? ExceedBehaviour.Error : ExceedBehaviour.Truncate);
    }

    private IReadOnlyList<Located<string>>? TableNames(YamlNode node)
    {
        if (reader.Strings(node, "tables.names") is not { } names)
            return null;
        var ok = true;
        foreach (var name in names.Where(n => !Formats.IsDisplayName(n.Value)))
        {
            reader.Error(DiagnosticCodes.InvalidName, $"'{name.Value}' is not a configured table name", name.Location,
                "configured table names are 1-100 characters on one line");
            ok = false;
        }
        return ok ? names : null;
    }

    private IReadOnlyList<string>? Globs(YamlNode node, string path)
    {
        if (reader.Strings(node, path) is not { } patterns)
            return null;
        var ok = true;
        foreach (var pattern in patterns.Where(p => string.IsNullOrWhiteSpace(p.Value)))
        {
            reader.Error(DiagnosticCodes.InvalidName, $"{path} has an empty pattern", pattern.Location,
                "use a table name or a glob such as 'part_*' ('*' any text, '?' one character)");
            ok = false;
        }
        return ok ? patterns.Select(p => p.Value).ToList() : null;
    }

    private AssociationSettings? ParseAssociation(YamlNode? node, SourceLocation owner, string ownerName, bool complete)
    {
        var map = node is null ? null : reader.Mapping(node, "association", ["nameTemplate", "role", "description"]);
        if (node is not null && map is null)
            return null;
        var template = map?.Find("nameTemplate") is { } t ? NameTemplate(t.Value) : new Located<string>("{table}", owner);
        Located<string>? role = null;
        if (map?.Find("role") is { } r)
        {
            var value = reader.Checked(reader.String(r.Value, "association.role"), r.Value, Formats.IsRoleNameOrArn, DiagnosticCodes.InvalidArn,
                "association.role is neither an IAM role name nor a role ARN",
                "write a role name such as 'cleanrooms-glue-s3-access' or an ARN 'arn:aws:iam::<12-digit account>:role/<name>'");
            role = value is null ? null : new Located<string>(value, r.Value.Location);
        }
        else if (complete)
        {
            reader.Error(DiagnosticCodes.MissingKey, $"{ownerName} has no association.role", owner,
                "set 'association: { role: <role name or ARN> }' under defaults or in this collaboration; Clean Rooms assumes it to read the tables");
        }
        var description = map?.Find("description") is { } d ? reader.Description(d.Value, "association.description") : null;
        if (template is null || (role is null && complete) || (map?.Find("description") is not null && description is null))
            return null;
        return new AssociationSettings(template, role ?? new Located<string>("", owner), description);
    }

    private Located<string>? NameTemplate(YamlNode node)
    {
        var template = reader.String(node, "association.nameTemplate");
        if (template is null)
            return null;
        var sample = template.Replace("{table}", "t", StringComparison.Ordinal);
        if (!template.Contains("{table}", StringComparison.Ordinal) || sample.Contains('{') || sample.Contains('}'))
        {
            reader.Error(DiagnosticCodes.InvalidName, $"association.nameTemplate '{template}' must contain '{{table}}' and no other placeholder",
                node.Location, "write something like 'acx_{table}'; {table} stands for the configured table's name");
            return null;
        }
        if (!Formats.IsTableAlias(sample))
        {
            reader.Error(DiagnosticCodes.InvalidName, $"association.nameTemplate '{template}' can't produce a valid association name",
                node.Location, "association names allow letters, digits, '_', ' ' and '-' only (no '-' as the first two characters), up to 128");
            return null;
        }
        return new Located<string>(template, node.Location);
    }

    private AnalysisRuleSettings? ParseRule(YamlEntry? entry, SourceLocation owner)
    {
        if (entry is null)
            return new AnalysisRuleSettings(AnalysisRuleSettings.Auto, ResultReceivers.Automatic(owner), [], owner);
        if (reader.Mapping(entry.Value, "analysisRule", ["type", "allowedResultReceivers", "allowedAdditionalAnalyses"]) is not { } map)
            return null;
        var type = map.Find("type") is { } t ? reader.Enum(t.Value, "analysisRule.type", RuleTypes) : AnalysisRuleSettings.Auto;
        var receivers = map.Find("allowedResultReceivers") is { } r ? Receivers(r.Value) : ResultReceivers.Automatic(entry.Key.Location);
        var analyses = map.Find("allowedAdditionalAnalyses") is { } a ? AdditionalAnalyses(a.Value) : [];
        if (type == "AGGREGATION" && analyses is { Count: > 0 })
        {
            reader.Error(DiagnosticCodes.InvalidEnum, "allowedAdditionalAnalyses is supported only for CUSTOM and LIST rules",
                map.Find("allowedAdditionalAnalyses")!.Value.Location, "remove allowedAdditionalAnalyses or change analysisRule.type");
            return null;
        }
        return type is null || receivers is null || analyses is null ? null
            : new AnalysisRuleSettings(type, receivers, analyses, map.Find("type")?.Value.Location ?? entry.Key.Location);
    }

    private ResultReceivers? Receivers(YamlNode node)
    {
        const string path = "analysisRule.allowedResultReceivers";
        if (node is YamlScalar { IsNull: false } scalar)
        {
            if (scalar.Value == "auto")
                return ResultReceivers.Automatic(node.Location);
            reader.Error(DiagnosticCodes.WrongType, $"{path} must be 'auto' or a list of account ids, found {scalar.Describe()}", node.Location,
                "write 'auto' (every other member that can receive results) or a list such as ['921290734397']");
            return null;
        }
        if (reader.Strings(node, path) is not { } ids)
            return null;
        var bad = ids.Where(id => !Formats.IsAccountId(id.Value)).ToList();
        foreach (var id in bad)
            reader.Error(DiagnosticCodes.InvalidAccountId, $"'{id.Value}' is not a 12-digit AWS account id", id.Location,
                "account ids are exactly 12 digits; quote them (\"012345678901\") to keep leading zeros");
        return bad.Count > 0 ? null : new ResultReceivers(false, ids, node.Location);
    }

    private IReadOnlyList<string>? AdditionalAnalyses(YamlNode node)
    {
        const string path = "analysisRule.allowedAdditionalAnalyses";
        if (reader.Strings(node, path) is not { } arns)
            return null;
        var ok = true;
        if (arns.Count > MaxAdditionalAnalyses)
        {
            reader.Error(DiagnosticCodes.OutOfRange, $"{path} lists {arns.Count} entries; AWS allows at most {MaxAdditionalAnalyses}", node.Location,
                "use '*' wildcards in the ARNs to cover several resources");
            ok = false;
        }
        foreach (var arn in arns.Where(a => !Formats.IsAdditionalAnalysisArn(a.Value)))
        {
            reader.Error(DiagnosticCodes.InvalidArn, $"'{arn.Value}' is not an ARN", arn.Location,
                "list configured audience model association or ML algorithm association ARNs ('*' wildcards allowed)");
            ok = false;
        }
        return ok ? arns.Select(a => a.Value).ToList() : null;
    }
}
