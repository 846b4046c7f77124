using System.Collections;
using System.Text.Json.Serialization.Metadata;

namespace CleanroomsStack.Aws.Wire;

/// <summary>
/// Checks a read response against its shape: every member the shape declares non-nullable (an id, a status, a name)
/// must be there. System.Text.Json leaves a missing member null whatever the annotation says, and a summary without
/// its id or status would otherwise be planned from as "nothing there yet", or crash far from the cause.
/// </summary>
internal static class ResponseCheck
{
    /// <summary>The path of the first required member that is missing (e.g. <c>membershipSummaries[2].id</c>), or null.</summary>
    public static string? FirstMissing(object value, JsonTypeInfo type) => Walk(value, type, "", depth: 0);

    private static string? Walk(object value, JsonTypeInfo type, string path, int depth)
    {
        // Response shapes nest a few levels; the bound only guards against a cyclic shape.
        if (depth > 16) return null;
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
                        if (!property.IsGetNullable && !property.PropertyType.IsValueType) return memberPath;
                        continue;
                    }
                    if (Walk(member, type.Options.GetTypeInfo(property.PropertyType), memberPath, depth + 1) is { } missing) return missing;
                }
                return null;
            case JsonTypeInfoKind.Enumerable when type.ElementType is { } elementType && value is IEnumerable items:
                var elementInfo = type.Options.GetTypeInfo(elementType);
                var index = 0;
                foreach (var item in items)
                {
                    if (item is not null && Walk(item, elementInfo, $"{path}[{index}]", depth + 1) is { } missing) return missing;
                    index++;
                }
                return null;
            default:
                return null;
        }
    }
}
