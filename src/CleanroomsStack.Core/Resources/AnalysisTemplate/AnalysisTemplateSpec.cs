using CleanroomsStack.Core.Kinds;

namespace CleanroomsStack.Core.Resources.AnalysisTemplate;

/// <summary>A query parameter: referenced as <c>:name</c> in the SQL, of a SQL type, with an optional default.</summary>
public sealed record AnalysisParameterSpec(string Name, string Type, string? DefaultValue);

/// <summary>An analysis template the config asks for: SQL a partner may run on our data.</summary>
/// <param name="Tags">Set when the template is created, and kept: the keys named here are compared on every plan.</param>
public sealed record AnalysisTemplateSpec(
    string Name, string? Description, string Sql, IReadOnlyList<AnalysisParameterSpec> Parameters, IReadOnlyDictionary<string, string>? Tags = null) : ITaggedSpec;

/// <summary>An analysis template as read from AWS.</summary>
/// <param name="Tags">Null when not read (the config names no tags).</param>
public sealed record AnalysisTemplateState(
    string Id, string Arn, string Name, string? Description, string Sql, IReadOnlyList<AnalysisParameterSpec> Parameters,
    IReadOnlyDictionary<string, string>? Tags = null) : ITaggedState
{
    public ITaggedState WithTags(IReadOnlyDictionary<string, string> tags) => this with { Tags = tags };
}

