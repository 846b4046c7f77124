using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>
/// The configured table analysis rule policy union (<c>{"v1":{"custom"|"list"|"aggregation":{…}}}</c>): read
/// and validated from a request, checked against the table's allowed columns, and rendered back.
/// </summary>
public static class ConfiguredTableRulePolicy
{
    private static readonly string[] JoinOperators = ["OR", "AND"];
    private static readonly string[] AggregateFunctions = ["SUM", "SUM_DISTINCT", "COUNT", "COUNT_DISTINCT", "AVG"];
    private static readonly string[] AdditionalAnalysesValues = ["ALLOWED", "REQUIRED", "NOT_ALLOWED"];
    private static readonly string[] ScalarFunctionNames =
    [
        "ABS", "CAST", "CEILING", "COALESCE", "CONVERT", "CURRENT_DATE", "DATEADD", "EXTRACT", "FLOOR", "GETDATE", "LN", "LOG",
        "LOWER", "ROUND", "RTRIM", "SQRT", "SUBSTRING", "TO_CHAR", "TO_DATE", "TO_NUMBER", "TO_TIMESTAMP", "TRIM", "TRUNC", "UPPER",
    ];

    /// <summary>Reads <c>analysisRulePolicy</c> into a rule of <paramref name="type"/>; problems go to <paramref name="v"/>.</summary>
    public static ConfiguredTableRuleRecord? Read(FieldValidator v, JsonObject body, string? type, double now)
    {
        const string root = "analysisRulePolicy";
        var v1 = v.Object(v.Object(body, root, true), $"{root}.v1", true);
        if (v1 is null || type is null) return null;
        var variantName = type.ToLowerInvariant();
        if (v1.Count != 1 || v1[variantName] is null)
        {
            v.Fail($"{root}.v1", $"Member must have exactly one member set, and it must be '{variantName}' for analysisRuleType {type}");
            return null;
        }

        var path = $"{root}.v1.{variantName}";
        var p = v.Object(v1, path, true);
        var rule = new ConfiguredTableRuleRecord { Type = type, CreateTime = now, UpdateTime = now };
        rule.AdditionalAnalyses = v.Enum(p, $"{path}.additionalAnalyses", false, AdditionalAnalysesValues);
        switch (type)
        {
            case "CUSTOM":
                rule.AllowedAnalyses = v.StringList(p, $"{path}.allowedAnalyses", true, maxLength: 200);
                rule.AllowedAnalysisProviders = v.StringList(p, $"{path}.allowedAnalysisProviders", false, minLength: 12, maxLength: 12, pattern: Patterns.AccountIdDigits());
                rule.DisallowedOutputColumns = Columns(v, p, $"{path}.disallowedOutputColumns", false);
                break;
            case "LIST":
                rule.JoinColumns = Columns(v, p, $"{path}.joinColumns", true);
                rule.AllowedJoinOperators = EnumList(v, p, $"{path}.allowedJoinOperators", JoinOperators);
                rule.ListColumns = Columns(v, p, $"{path}.listColumns", true);
                break;
            default:
                rule.AggregateColumns = ReadAggregateColumns(v, p, $"{path}.aggregateColumns");
                rule.JoinColumns = Columns(v, p, $"{path}.joinColumns", true);
                rule.JoinRequired = v.Enum(p, $"{path}.joinRequired", false, ["QUERY_RUNNER"]);
                rule.AllowedJoinOperators = EnumList(v, p, $"{path}.allowedJoinOperators", JoinOperators);
                rule.DimensionColumns = Columns(v, p, $"{path}.dimensionColumns", true);
                rule.ScalarFunctions = EnumList(v, p, $"{path}.scalarFunctions", ScalarFunctionNames, required: true);
                rule.OutputConstraints = ReadOutputConstraints(v, p, $"{path}.outputConstraints");
                break;
        }

        return rule;
    }

    /// <summary>Every column a rule names must be one of the table's allowed columns, as the service checks.</summary>
    public static void CheckColumns(ConfiguredTableRuleRecord rule, ConfiguredTableRecord table)
    {
        var named = (rule.JoinColumns ?? []).Concat(rule.ListColumns ?? []).Concat(rule.DimensionColumns ?? [])
            .Concat(rule.DisallowedOutputColumns ?? []).Concat(rule.AggregateColumns?.SelectMany(a => a.ColumnNames) ?? [])
            .Concat(rule.OutputConstraints?.Select(o => o.ColumnName) ?? []);
        var unknown = named.Where(c => !table.AllowedColumns.Contains(c, StringComparer.Ordinal)).Distinct().ToList();
        if (unknown.Count > 0)
            throw Errors.InvalidConfiguration($"Columns not in the configured table's allowedColumns: {string.Join(", ", unknown)}.");
    }

    public static JsonObject Render(ConfiguredTableRuleRecord r)
    {
        var p = new JsonObject();
        Add(p, "allowedAnalyses", r.AllowedAnalyses);
        Add(p, "allowedAnalysisProviders", r.AllowedAnalysisProviders);
        if (r.DisallowedOutputColumns is not null) p["disallowedOutputColumns"] = CleanRoomsJson.StringArray(r.DisallowedOutputColumns);
        if (r.AggregateColumns is not null)
        {
            p["aggregateColumns"] = new JsonArray(r.AggregateColumns.Select(a => (JsonNode)new JsonObject
            {
                ["columnNames"] = CleanRoomsJson.StringArray(a.ColumnNames),
                ["function"] = a.Function,
            }).ToArray());
        }

        Add(p, "joinColumns", r.JoinColumns);
        if (r.JoinRequired is not null) p["joinRequired"] = r.JoinRequired;
        Add(p, "allowedJoinOperators", r.AllowedJoinOperators);
        Add(p, "listColumns", r.ListColumns);
        Add(p, "dimensionColumns", r.DimensionColumns);
        Add(p, "scalarFunctions", r.ScalarFunctions);
        if (r.OutputConstraints is not null)
        {
            p["outputConstraints"] = new JsonArray(r.OutputConstraints.Select(o => (JsonNode)new JsonObject
            {
                ["columnName"] = o.ColumnName,
                ["minimum"] = o.Minimum,
                ["type"] = o.Type,
            }).ToArray());
        }

        if (r.AdditionalAnalyses is not null) p["additionalAnalyses"] = r.AdditionalAnalyses;
        return new JsonObject { ["v1"] = new JsonObject { [r.Type.ToLowerInvariant()] = p } };
    }

    private static void Add(JsonObject target, string name, List<string>? values)
    {
        if (values is not null) target[name] = CleanRoomsJson.StringArray(values);
    }

    private static List<string>? Columns(FieldValidator v, JsonObject? p, string field, bool required) =>
        v.StringList(p, field, required, 225, 1, 127, Patterns.ColumnName());

    private static List<string>? EnumList(FieldValidator v, JsonObject? p, string field, string[] allowed, bool required = false)
    {
        var values = v.StringList(p, field, required);
        foreach (var value in values ?? []) v.CheckEnum(value, field, allowed);
        return values;
    }

    private static List<AggregateColumnRecord>? ReadAggregateColumns(FieldValidator v, JsonObject? p, string field) =>
        ReadStructures(v, p, field, (item, path) =>
        {
            var names = v.StringList(item, $"{path}.columnNames", true, 225, 1, 127, Patterns.ColumnName());
            var function = v.Enum(item, $"{path}.function", true, AggregateFunctions);
            return names is null || function is null ? null : new AggregateColumnRecord { ColumnNames = names, Function = function };
        });

    private static List<OutputConstraintRecord>? ReadOutputConstraints(FieldValidator v, JsonObject? p, string field) =>
        ReadStructures(v, p, field, (item, path) =>
        {
            var column = v.String(item, $"{path}.columnName", true, 1, 127, Patterns.ColumnName());
            var type = v.Enum(item, $"{path}.type", true, ["COUNT_DISTINCT"]);
            var minimum = item?["minimum"] is JsonValue m && m.TryGetValue<int>(out var min) ? min : (int?)null;
            if (minimum is null or < 2 or > 100000) v.Fail($"{path}.minimum", "Member must be an integer between 2 and 100000");
            return column is null || type is null || minimum is null
                ? null
                : new OutputConstraintRecord { ColumnName = column, Minimum = minimum.Value, Type = type };
        });

    /// <summary>A required list of structures, each read by <paramref name="readItem"/> (null when it had problems).</summary>
    private static List<T>? ReadStructures<T>(FieldValidator v, JsonObject? p, string field, Func<JsonObject?, string, T?> readItem)
        where T : class
    {
        if (p?[field[(field.LastIndexOf('.') + 1)..]] is not JsonArray array)
        {
            v.Fail(field, "Member must not be null");
            return null;
        }

        return array.Select((item, i) => readItem(item as JsonObject, $"{field}.{i}")).OfType<T>().ToList();
    }
}
