namespace CleanroomsStack.Emulator.State;

/// <summary>A Glue Data Catalog database of an account.</summary>
public sealed class GlueDatabaseRecord
{
    public required string AccountId { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public double CreateTime { get; init; }
}

/// <summary>A Glue table: the data a configured table points at.</summary>
public sealed class GlueTableRecord
{
    public required string AccountId { get; init; }
    public required string DatabaseName { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public List<GlueColumnRecord> Columns { get; init; } = [];
    public List<GlueColumnRecord> PartitionKeys { get; init; } = [];
    public string? Location { get; init; }
    public string TableType { get; init; } = "EXTERNAL_TABLE";
    public double CreateTime { get; init; }
    public double UpdateTime { get; init; }
}

public sealed class GlueColumnRecord
{
    public required string Name { get; init; }
    public string Type { get; init; } = "string";
    public string? Comment { get; init; }
}
