namespace CleanroomsStack.Emulator.State;

/// <summary>
/// Expands the shorthands a world file may use into full records, so the rest of the emulator sees one shape:
/// a configured table's <c>analysisRuleTypes</c> become default rules of those types.
/// </summary>
public static class WorldNormalizer
{
    public static EmulatorState Normalize(EmulatorState state)
    {
        foreach (var table in state.ConfiguredTables)
        {
            foreach (var type in table.DeclaredAnalysisRuleTypes ?? [])
            {
                if (table.Rules.All(r => r.Type != type)) table.Rules.Add(DefaultRule(type, table));
            }

            table.DeclaredAnalysisRuleTypes = null;
        }

        return state;
    }

    /// <summary>The most permissive rule of a type over the table's allowed columns.</summary>
    private static ConfiguredTableRuleRecord DefaultRule(string type, ConfiguredTableRecord table)
    {
        var first = table.AllowedColumns.FirstOrDefault() ?? "id";
        var rule = new ConfiguredTableRuleRecord { Type = type, CreateTime = table.CreateTime, UpdateTime = table.UpdateTime };
        switch (type)
        {
            case "LIST":
                rule.JoinColumns = [first];
                rule.ListColumns = [.. table.AllowedColumns];
                break;
            case "AGGREGATION":
                rule.AggregateColumns = [new AggregateColumnRecord { ColumnNames = [first], Function = "COUNT" }];
                rule.JoinColumns = [first];
                rule.DimensionColumns = [];
                rule.ScalarFunctions = [];
                rule.OutputConstraints = [new OutputConstraintRecord { ColumnName = first, Minimum = 2, Type = "COUNT_DISTINCT" }];
                break;
            default:
                rule.AllowedAnalyses = ["ANY_QUERY"];
                break;
        }

        return rule;
    }
}
