namespace CleanroomsStack.Aws.Glue;

/// <summary>
/// Read-only access to the AWS Glue Data Catalog (awsJson1_1), for discovering the tables behind configured tables.
/// Created by <see cref="CleanRoomsClientFactory.CreateGlueCatalog"/>.
/// </summary>
public interface IGlueCatalogApi
{
    /// <summary>GetTable. A missing table or database is an AwsApiException of kind NotFound (EntityNotFoundException).</summary>
    Task<GlueTable> GetTableAsync(string databaseName, string tableName, string? catalogId, CancellationToken ct);

    /// <summary>GetTables, every page; <paramref name="expression"/> is Glue's table-name filter (e.g. "part_*").</summary>
    Task<IReadOnlyList<GlueTable>> GetTablesAsync(string databaseName, string? expression, string? catalogId, CancellationToken ct);
}

// Glue members are PascalCase on the wire; only the members the tool reads are declared.

public sealed record GlueColumn(string Name, string? Type = null, string? Comment = null);

public sealed record GlueStorageDescriptor(IReadOnlyList<GlueColumn>? Columns = null, string? Location = null);

public sealed record GlueTable(
    string Name, string? DatabaseName = null, string? CatalogId = null, string? Description = null, string? TableType = null,
    DateTimeOffset? CreateTime = null, DateTimeOffset? UpdateTime = null, GlueStorageDescriptor? StorageDescriptor = null,
    IReadOnlyList<GlueColumn>? PartitionKeys = null, IReadOnlyDictionary<string, string>? Parameters = null);
