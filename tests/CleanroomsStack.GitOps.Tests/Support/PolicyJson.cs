using System.Text.Json;

namespace CleanroomsStack.GitOps.Tests.Support;

/// <summary>Reads a printed IAM policy back, as IAM would see it.</summary>
public static class PolicyJson
{
    public static IReadOnlySet<string> Actions(string json) =>
        Statements(json).SelectMany(s => s.GetProperty("Action").EnumerateArray().Select(a => a.GetString()!)).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<JsonElement> Statements(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal("2012-10-17", document.RootElement.GetProperty("Version").GetString());
        return document.RootElement.GetProperty("Statement").EnumerateArray().Select(s => s.Clone()).ToList();
    }

    public static JsonElement Statement(string json, string sid) =>
        Assert.Single(Statements(json), s => s.GetProperty("Sid").GetString() == sid);

    public static IReadOnlyList<string> Resources(JsonElement statement) =>
        statement.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()!).ToList();
}
