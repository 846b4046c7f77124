namespace CleanroomsStack.Engine.Ports.Shapes;

/// <summary>
/// The <c>source</c> union of an analysis template: the SQL text. (Its other variant, PySpark <c>artifacts</c> in S3,
/// goes with format PYSPARK_1_0, which this tool doesn't manage.)
/// </summary>
public sealed record AnalysisSource(string? Text = null);

/// <summary><c>schema</c>: the table aliases (configured table association names) the query reads.</summary>
public sealed record AnalysisSchema(IReadOnlyList<string>? ReferencedTables = null);

/// <summary>
/// A placeholder for a literal in the query (written <c>:name</c>; name <c>^[0-9a-zA-Z_]+$</c>, 1–100), its SQL type
/// (ParameterType: SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE_PRECISION, BOOLEAN, CHAR, VARCHAR, DATE, TIMESTAMP, …)
/// and an optional default (≤ 250 characters) that whoever runs the query can override.
/// </summary>
public sealed record AnalysisParameter(string Name, string Type, string? DefaultValue = null);

/// <summary>
/// GetAnalysisTemplate / Create / Update output. <see cref="Format"/> is SQL or PYSPARK_1_0; AWS also returns
/// sourceMetadata, validations (differential privacy), errorMessageConfiguration and syntheticDataParameters,
/// which are left unread.
/// </summary>
public sealed record AnalysisTemplate(
    string Id, string Arn, string MembershipId, string MembershipArn, string CollaborationId, string CollaborationArn,
    string Name, DateTimeOffset CreateTime, DateTimeOffset UpdateTime, AnalysisSchema Schema, string Format, AnalysisSource Source,
    string? Description = null, IReadOnlyList<AnalysisParameter>? AnalysisParameters = null) : IVersionedResource;

public sealed record AnalysisTemplateSummary(
    string Id, string Arn, string MembershipId, string MembershipArn, string CollaborationId, string CollaborationArn,
    string Name, DateTimeOffset CreateTime, DateTimeOffset UpdateTime, string? Description = null) : IVersionedResource;

/// <summary>Name ≤ 128 (TableAlias pattern), at most 10 parameters, SQL text ≤ 90,000 characters; all but the description are fixed once created.</summary>
public sealed record CreateAnalysisTemplateRequest(
    string MembershipIdentifier, string Name, string Format, AnalysisSource Source,
    string? Description = null, IReadOnlyList<AnalysisParameter>? AnalysisParameters = null, AnalysisSchema? Schema = null,
    IReadOnlyDictionary<string, string>? Tags = null);

/// <summary>PATCH body: only the description can change in place; any other change means a new template.</summary>
public sealed record UpdateAnalysisTemplateRequest(string MembershipIdentifier, string AnalysisTemplateIdentifier, string? Description = null);
