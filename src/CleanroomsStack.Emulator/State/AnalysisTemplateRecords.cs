namespace CleanroomsStack.Emulator.State;

/// <summary>
/// A SQL analysis template of a membership: a query with named parameters that other members can run.
/// Only the description changes after creation (UpdateAnalysisTemplate has no other member).
/// </summary>
public sealed class AnalysisTemplateRecord : IMembershipChild
{
    /// <summary>Nothing says AWS folds the case of template names (unlike table aliases), so they clash exactly.</summary>
    public static StringComparer NameComparer => StringComparer.Ordinal;

    public required string Id { get; init; }
    public required string MembershipId { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }

    /// <summary>SQL (PYSPARK_1_0 templates need S3 artifacts, which the emulator doesn't model).</summary>
    public required string Format { get; init; }

    /// <summary>The <c>source.text</c> variant of the AnalysisSource union.</summary>
    public required string SourceText { get; init; }

    /// <summary>The table aliases the query reads (<c>schema.referencedTables</c>), as the creator declared them.</summary>
    public List<string> ReferencedTables { get; init; } = [];

    public List<AnalysisParameterRecord> AnalysisParameters { get; init; } = [];
    public double CreateTime { get; init; }
    public double UpdateTime { get; set; }
}

/// <summary>A named placeholder for a literal value in the query, with its SQL type and optional default.</summary>
public sealed class AnalysisParameterRecord
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public string? DefaultValue { get; init; }
}
