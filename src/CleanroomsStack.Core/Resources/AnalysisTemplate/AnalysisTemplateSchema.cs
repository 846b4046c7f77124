using CleanroomsStack.Core.Config;

namespace CleanroomsStack.Core.Resources.AnalysisTemplate;

/// <summary>The <c>analysisTemplates</c> item as data: what the parser enforces and the editor schema shows.</summary>
internal static class AnalysisTemplateSchema
{
    /// <summary>AWS's ParameterType enum (the SQL types a parameter may have).</summary>
    public static readonly IReadOnlyList<string> ParameterTypes =
    [
        "BIGINT", "BINARY", "BOOLEAN", "BYTE", "CHAR", "CHARACTER", "DATE", "DECIMAL", "DOUBLE", "DOUBLE_PRECISION", "FLOAT", "INT",
        "INTEGER", "LONG", "NUMERIC", "REAL", "SHORT", "SMALLINT", "STRING", "TIME", "TIMESTAMP", "TIMESTAMPTZ", "TIMESTAMP_LTZ",
        "TIMESTAMP_NTZ", "TIMETZ", "TINYINT", "VARBYTE", "VARCHAR",
    ];

    public const int MaxParameters = 10;
    public const int MaxSql = 90000;

    public static ObjectNode Parameter { get; } = new("A query parameter, written ':name' in the SQL.",
    [
        new("name", new StringNode("The parameter's name.", "min_age", "^[0-9a-zA-Z_]+$", MinLength: 1, MaxLength: 100, Counterexample: "min-age"), Required: true),
        new("type", new StringNode("Its SQL type.", "INTEGER", Enum: ParameterTypes), Required: true),
        new("defaultValue", new StringNode("The value used when whoever runs the query gives none.", "18", MaxLength: 250)),
    ], Name: "analysisParameter");

    public static ObjectNode Item { get; } = new("SQL that partners may run on our data in the collaboration.",
    [
        new("name", new StringNode("The template's name, unique in the membership.", "audience_overlap",
            "^[a-zA-Z0-9_](([a-zA-Z0-9_ ]+-)*([a-zA-Z0-9_ ]+))?$", MaxLength: 128, Counterexample: "-bad"), Required: true),
        new("description", new StringNode("Template description (the one thing AWS updates in place).", "Overlap of our audience with yours", MaxLength: 255)),
        new("sql", new StringNode("The query text.", "SELECT COUNT(DISTINCT id) FROM acx_part_age", MinLength: 1, MaxLength: MaxSql), Required: true),
        new("parameters", new ArrayNode("Query parameters.", Parameter, MaxParameters)),
    ], Name: "analysisTemplate");
}
