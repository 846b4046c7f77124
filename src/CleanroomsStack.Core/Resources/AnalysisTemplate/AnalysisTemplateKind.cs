using System.Text.Json.Nodes;
using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Config.Yaml;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Export;
using CleanroomsStack.Core.Import;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Policy;

namespace CleanroomsStack.Core.Resources.AnalysisTemplate;

/// <summary>Settings of one <c>analysisTemplates</c> item.</summary>
public sealed record AnalysisTemplateSettings(
    string Name, string? Description, string Sql, IReadOnlyList<AnalysisParameterSpec> Parameters, SourceLocation Location) : IListedSettings;

/// <summary>
/// Analysis templates: the SQL a partner may run on our data, published in our membership. Matched by name (unique per
/// membership); only the description updates in place (UpdateAnalysisTemplate), any other change replaces the template.
/// Templates the config doesn't list are unmanaged.
/// </summary>
public sealed class AnalysisTemplateKind : ListKind<AnalysisTemplateSettings, AnalysisTemplateSpec, AnalysisTemplateState>
{
    public static AnalysisTemplateKind Instance { get; } = new();

    private AnalysisTemplateKind() { }

    private const string SqlPath = "source.text";
    private const string ParametersPath = "analysisParameters";

    public override string AddressSegment => "analysis-template";
    public override string DisplayName => "analysis template";
    public override IReadOnlySet<string> ReplaceOnChange { get; } = new HashSet<string> { "name", "format", SqlPath, ParametersPath };
    public override int? QuotaPerMembership => 25;
    public override string DocsHeading => "Analysis templates";
    public override string? PulumiType => "aws-native:cleanrooms:AnalysisTemplate";
    public override string SettingsKey => "analysisTemplates";

    // Most collaborations publish no templates: a ListAnalysisTemplates per membership would cost every run a call each.
    public override bool ReadWhenUnconfigured => false;
    protected override string ListDescription => "Analysis templates (SQL partners may run) to publish in the membership.";
    protected override ObjectNode ItemSchema => AnalysisTemplateSchema.Item;

    public override IReadOnlyList<OperationPermission> Permissions { get; } = OperationPermissions.OfResource("AnalysisTemplate");

    protected override ListKindReasons Reasons { get; } = new(
        Create: "the analysis template doesn't exist yet",
        Replace: "the SQL or its parameters changed; only the description can be updated in place",
        Update: "the description or tags differ from the config",
        Same: "analysis template matches the config",
        Unmanaged: "not listed in analysisTemplates; left as it is",
        CreateFirstBlocker: "the new template reuses the old one's name");

    protected override string NameOf(AnalysisTemplateSettings settings) => settings.Name;
    public override string NameOf(AnalysisTemplateSpec spec) => spec.Name;
    public override string NameOf(AnalysisTemplateState live) => live.Name;
    public override string IdOf(AnalysisTemplateState live) => live.Id;

    internal override AnalysisTemplateSettings? ParseItem(ListItemReader item, SourceLocation location)
    {
        var name = item.TableAliasName("the template's name, e.g. audience_overlap");
        var sql = item.Required("sql", "the query text partners may run", t => t.Trim().Length > 0 && t.Length <= AnalysisTemplateSchema.MaxSql,
            DiagnosticCodes.OutOfRange, "analysisTemplates.sql must hold a query (up to 90,000 characters)", "write the SELECT statement under 'sql: |'");
        var description = item.Description();
        var parameters = item.Node("parameters") is { } p ? Parameters(item.Reader, p) : [];
        return item.Failed || parameters is null ? null : new AnalysisTemplateSettings(name!, description, sql!, parameters, location);
    }

    private static IReadOnlyList<AnalysisParameterSpec>? Parameters(ConfigReader reader, YamlNode node)
    {
        const string path = "analysisTemplates.parameters";
        if (reader.Sequence(node, path) is not { } list)
            return null;
        if (list.Items.Count > AnalysisTemplateSchema.MaxParameters)
        {
            reader.Error(DiagnosticCodes.OutOfRange, $"{path} lists {list.Items.Count} parameters; AWS allows {AnalysisTemplateSchema.MaxParameters}",
                node.Location, "combine parameters or split the template");
            return null;
        }
        var keys = AnalysisTemplateSchema.Parameter.Properties.Select(p => p.Key).ToList();
        var parsed = list.Items.Select(item => reader.Mapping(item, $"{path} item", keys) is { } map ? Parameter(reader, map, item) : null).ToList();
        if (parsed.Any(p => p is null))
            return null;
        foreach (var duplicate in parsed.GroupBy(p => p!.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            reader.Error(DiagnosticCodes.DuplicateEntry, $"{path} names the parameter '{duplicate.Key}' twice", node.Location, "give each parameter its own name");
            return null;
        }
        return parsed.Select(p => p!).ToList();
    }

    private static AnalysisParameterSpec? Parameter(ConfigReader reader, YamlMapping map, YamlNode item)
    {
        const string path = "analysisTemplates.parameters item";
        var name = reader.Required(map, "name", path, "the name the SQL refers to as ':name'") is { } n
            ? reader.Checked(reader.String(n, $"{path}.name"), n, v => v.Length is > 0 and <= 100 && v.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'),
                DiagnosticCodes.InvalidName, "a parameter name may hold letters, digits and '_' only (up to 100)", "rename it, e.g. min_age")
            : null;
        var type = reader.Required(map, "type", path, "its SQL type, e.g. INTEGER") is { } t ? reader.Enum(t, $"{path}.type", AnalysisTemplateSchema.ParameterTypes) : null;
        var defaultValue = map.Find("defaultValue") is { } d
            ? reader.Checked(reader.String(d.Value, $"{path}.defaultValue"), d.Value, v => v.Length <= 250, DiagnosticCodes.OutOfRange,
                "a parameter's defaultValue is at most 250 characters", "shorten it")
            : null;
        return name is null || type is null || (map.Find("defaultValue") is not null && defaultValue is null) ? null
            : new AnalysisParameterSpec(name, type, defaultValue);
    }

    protected override AnalysisTemplateSpec ToSpec(AnalysisTemplateSettings t, KindExpansion scope) =>
        new(t.Name, t.Description, t.Sql, t.Parameters, scope.Settings.Tags);

    private static JsonNode? Parameters(IReadOnlyList<AnalysisParameterSpec> parameters) =>
        parameters.Count == 0 ? null
            : new JsonArray(parameters.Select(p => (JsonNode?)new JsonObject
            {
                ["name"] = p.Name, ["type"] = p.Type, ["defaultValue"] = AttributeValue.Of(p.DefaultValue),
            }).ToArray());

    protected override void Created(DiffBuilder diffs, AnalysisTemplateSpec spec) => diffs
        .Set("name", spec.Name, creating: true)
        .Set("format", "SQL", creating: true)
        .Set(SqlPath, spec.Sql, creating: true)
        .Set(ParametersPath, Parameters(spec.Parameters), creating: true)
        .Set("description", spec.Description, creating: true)
        .Set(TagPaths.All, AttributeValue.Of(spec.Tags), creating: true);

    protected override void Deleted(DiffBuilder diffs, AnalysisTemplateState live) => diffs
        .Set("name", live.Name, creating: false)
        .Set(SqlPath, live.Sql, creating: false);

    protected override void Compare(DiffBuilder diffs, AnalysisTemplateState live, AnalysisTemplateSpec spec) => diffs
        .Compare(SqlPath, live.Sql, spec.Sql)
        .Compare(ParametersPath, Parameters(live.Parameters), Parameters(spec.Parameters))
        .CompareOptional("description", live.Description, spec.Description);

    protected override PulumiMap ExportProperties(AnalysisTemplateSpec spec, string membershipReference) => PulumiMap.Of(
        ("name", spec.Name),
        ("membershipIdentifier", membershipReference),
        ("format", "SQL"),
        ("source", PulumiMap.Of(("text", spec.Sql))),
        ("description", spec.Description),
        ("analysisParameters", spec.Parameters.Count == 0 ? null : PulumiList.Of(spec.Parameters.Select(p =>
            (PulumiValue)PulumiMap.Of(("name", p.Name), ("type", p.Type), ("defaultValue", p.DefaultValue))))),
        ("tags", PulumiProgramBuilder.Tags(spec.Tags)));

    protected override ImportedItem ImportItem(AnalysisTemplateState t) => ImportedItem.Of(
        ("name", t.Name), ("description", t.Description), ("sql", t.Sql),
        ("parameters", t.Parameters.Count == 0 ? null : t.Parameters.Select(p => new ImportedItem(
            [KeyValuePair.Create("name", (object?)p.Name), KeyValuePair.Create("type", (object?)p.Type), KeyValuePair.Create("defaultValue", (object?)p.DefaultValue)])).ToList()));
}
