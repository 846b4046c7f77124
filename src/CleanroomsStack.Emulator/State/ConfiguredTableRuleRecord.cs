namespace CleanroomsStack.Emulator.State;

/// <summary>
/// A configured table's own analysis rule. One record type for the three policy variants: the members of the
/// variant named by <see cref="Type"/> are set, the others stay null.
/// </summary>
public sealed class ConfiguredTableRuleRecord
{
    /// <summary>AGGREGATION, LIST or CUSTOM.</summary>
    public required string Type { get; init; }

    // CUSTOM
    public List<string>? AllowedAnalyses { get; set; }
    public List<string>? AllowedAnalysisProviders { get; set; }
    public List<string>? DisallowedOutputColumns { get; set; }

    // LIST and AGGREGATION
    public List<string>? JoinColumns { get; set; }
    public List<string>? AllowedJoinOperators { get; set; }

    // LIST
    public List<string>? ListColumns { get; set; }

    // AGGREGATION
    public List<AggregateColumnRecord>? AggregateColumns { get; set; }
    public string? JoinRequired { get; set; }
    public List<string>? DimensionColumns { get; set; }
    public List<string>? ScalarFunctions { get; set; }
    public List<OutputConstraintRecord>? OutputConstraints { get; set; }

    /// <summary>ALLOWED, REQUIRED or NOT_ALLOWED (all variants).</summary>
    public string? AdditionalAnalyses { get; set; }

    public double CreateTime { get; init; }
    public double UpdateTime { get; set; }
}

public sealed class AggregateColumnRecord
{
    public required List<string> ColumnNames { get; init; }
    public required string Function { get; init; }
}

public sealed class OutputConstraintRecord
{
    public required string ColumnName { get; init; }
    public required int Minimum { get; init; }
    public required string Type { get; init; }
}
