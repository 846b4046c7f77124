namespace CleanroomsStack.Emulator.State;

/// <summary>A configured table owned by an account, pointing at a Glue table.</summary>
public sealed class ConfiguredTableRecord
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public required string GlueDatabaseName { get; init; }
    public string? GlueRegion { get; init; }
    public required string GlueTableName { get; init; }
    public List<string> AllowedColumns { get; init; } = [];
    public string AnalysisMethod { get; init; } = "DIRECT_QUERY";

    public List<string>? SelectedAnalysisMethods { get; init; }

    /// <summary>The configured table's own analysis rules, at most one per type.</summary>
    public List<ConfiguredTableRuleRecord> Rules { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<string> AnalysisRuleTypes => Rules.Select(r => r.Type).Order(StringComparer.Ordinal);

    /// <summary>
    /// World-file shorthand (and the format of earlier versions): rule types without policies. On load each type
    /// without a rule gets a default one (<see cref="WorldNormalizer"/>); it is never written back.
    /// </summary>
    [System.Text.Json.Serialization.JsonPropertyName("analysisRuleTypes")]
    public List<string>? DeclaredAnalysisRuleTypes { get; set; }
    public double CreateTime { get; init; }
    public double UpdateTime { get; set; }
}

/// <summary>A configured table associated to a membership under a (lowercase) table alias.</summary>
public sealed class TableAssociationRecord : IMembershipChild
{
    /// <summary>The alias is the SQL table name inside the collaboration, stored lowercase, so names clash case-insensitively.</summary>
    public static StringComparer NameComparer => StringComparer.OrdinalIgnoreCase;

    public required string Id { get; init; }
    public required string MembershipId { get; init; }
    public required string Name { get; set; }
    public required string ConfiguredTableId { get; init; }
    public required string RoleArn { get; set; }
    public string? Description { get; set; }
    public double CreateTime { get; init; }
    public double UpdateTime { get; set; }
    public List<AssociationRuleRecord> Rules { get; init; } = [];
}

/// <summary>A collaboration analysis rule on an association; the policy variant always equals <see cref="Type"/>.</summary>
public sealed class AssociationRuleRecord
{
    public required string Type { get; init; }
    public List<string>? AllowedResultReceivers { get; set; }
    public List<string>? AllowedAdditionalAnalyses { get; set; }
    public double CreateTime { get; init; }
    public double UpdateTime { get; set; }
}
