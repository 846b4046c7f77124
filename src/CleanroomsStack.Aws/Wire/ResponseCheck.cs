using System.Collections;
using System.Text.Json.Serialization.Metadata;
using CleanroomsStack.Core.Values;

namespace CleanroomsStack.Aws.Wire;

/// <summary>
/// Checks a read response against its shape before anything is planned from it. Every member the shape declares
/// non-nullable (an id, a status, a name) must be there: System.Text.Json leaves a missing member null whatever the
/// annotation says, and a summary without its id or status would otherwise be planned from as "nothing there yet", or
/// crash far from the cause. And a status the engine decides on (<see cref="AwsEnum.MustBeKnown"/>) must hold a value
/// this version knows: a membership status AWS added later might mean "still ours" or "gone", and guessing either way
/// could re-join, leave alone or delete the wrong thing.
/// </summary>
internal static class ResponseCheck
{
    /// <summary>
    /// What is wrong with the response, naming the field by its path (e.g. <c>membershipSummaries[2].id</c>) and the
    /// value, or null when nothing is.
    /// </summary>
    public static string? FirstProblem(object value, JsonTypeInfo type) => Walk(value, type, "", depth: 0);

    private static string? Walk(object value, JsonTypeInfo type, string path, int depth)
    {
        // Response shapes nest a few levels; the bound only guards against a cyclic shape.
        if (depth > 16) return null;
        if (value is AwsEnum { MustBeKnown: true, IsKnown: false } unknown)
            return $"'{path}' holds the {unknown.Describe()}: cleanrooms-stack decides on that field, so it stops rather than guess what the value allows";
        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object:
                foreach (var property in type.Properties)
                {
                    if (property.Get is null) continue;
                    var member = property.Get(value);
                    var memberPath = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    if (member is null)
                    {
                        if (!property.IsGetNullable && !property.PropertyType.IsValueType) return $"the response lacks the required member '{memberPath}'";
                        continue;
                    }
                    if (Walk(member, type.Options.GetTypeInfo(property.PropertyType), memberPath, depth + 1) is { } problem) return problem;
                }
                return null;
            case JsonTypeInfoKind.Enumerable when type.ElementType is { } elementType && value is IEnumerable items:
                var elementInfo = type.Options.GetTypeInfo(elementType);
                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null && Walk(item, elementInfo, $"{path}[{index}]", depth + 1) is { } problem) return problem;
                    index++;
                }
                return null;
            default:
                return null;
        }
    }
}
