using System.Text;
using System.Text.Json;

namespace CleanroomsStack.Core.Policy;

/// <summary>A condition block entry, e.g. StringEquals iam:PassedToService cleanrooms.amazonaws.com.</summary>
public sealed record PolicyCondition(string Operator, string Key, IReadOnlyList<string> Values);

/// <summary>One Allow statement. Actions and resources are kept sorted so the document is deterministic.</summary>
public sealed record PolicyStatement(string Sid, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, PolicyCondition? Condition = null);

/// <summary>An IAM identity policy document (version 2012-10-17) of Allow statements.</summary>
public sealed record IamPolicy(IReadOnlyList<PolicyStatement> Statements)
{
    public IEnumerable<string> Actions => Statements.SelectMany(s => s.Actions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>The policy as indented JSON, as `aws iam create-policy --policy-document` takes it.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("Version", "2012-10-17");
            json.WriteStartArray("Statement");
            foreach (var statement in Statements) Write(json, statement);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n") + "\n";
    }

    private static void Write(Utf8JsonWriter json, PolicyStatement statement)
    {
        json.WriteStartObject();
        json.WriteString("Sid", statement.Sid);
        json.WriteString("Effect", "Allow");
        WriteList(json, "Action", statement.Actions);
        WriteList(json, "Resource", statement.Resources);
        if (statement.Condition is { } condition)
        {
            json.WriteStartObject("Condition");
            json.WriteStartObject(condition.Operator);
            WriteList(json, condition.Key, condition.Values);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
