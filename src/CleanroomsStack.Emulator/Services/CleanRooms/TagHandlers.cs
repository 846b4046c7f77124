using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>TagResource / UntagResource / ListTagsForResource on the caller's Clean Rooms resources, by ARN.</summary>
public static class TagHandlers
{
    private const string Path = "/tags/{resourceArn}";
    private const int MaxTagsPerResource = 50;

    public static void Register(RouteTable routes)
    {
        routes.Rest("cleanrooms", "TagResource", "POST", Path, true, Tag);
        routes.Rest("cleanrooms", "UntagResource", "DELETE", Path, true, Untag);
        routes.Rest("cleanrooms", "ListTagsForResource", "GET", Path, false, List);
    }

    private static OperationResult Tag(OperationContext context)
    {
        var arn = OwnedArn(context);
        var v = new FieldValidator();
        var tags = v.StringMap(context.Body, "tags", 200, 128, 256);
        if (tags is null && !v.HasErrors) v.Fail("tags", "Member must not be null");
        v.ThrowIfInvalid();

        var existing = context.World.State.Tags.TryGetValue(arn, out var current) ? current : new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in tags!) existing[key] = value;
        // The request's map may hold 200 (the model's TagMap); a resource holds at most 50 (AWS's tagging rules).
        if (existing.Count > MaxTagsPerResource) throw Errors.Validation("tags", $"A resource can have at most {MaxTagsPerResource} tags");
        context.World.State.Tags[arn] = existing;
        return OperationResult.EmptyOk();
    }

    private static OperationResult Untag(OperationContext context)
    {
        var arn = OwnedArn(context);
        if (!context.Query.TryGetValue("tagKeys", out var keys) || keys.Count == 0)
            throw Errors.Validation("tagKeys", "Member must not be null");

        if (context.World.State.Tags.TryGetValue(arn, out var current))
        {
            foreach (var key in keys) current.Remove(key!);
            if (current.Count == 0) context.World.State.Tags.Remove(arn);
        }

        return OperationResult.EmptyOk();
    }

    private static OperationResult List(OperationContext context)
    {
        var arn = OwnedArn(context);
        var tags = context.World.State.Tags.TryGetValue(arn, out var current) ? current : new SortedDictionary<string, string>();
        return OperationResult.Json(new JsonObject
        {
            ["tags"] = new JsonObject(tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)JsonValue.Create(t.Value)))),
        });
    }

    /// <summary>The resource ARN, if it names a resource the caller owns; otherwise ResourceNotFoundException.</summary>
    private static string OwnedArn(OperationContext context)
    {
        var arn = context.Label("resourceArn");
        var v = new FieldValidator();
        v.CheckString(arn, "resourceArn", 1, 2048, Patterns.CleanroomsArn());
        v.ThrowIfInvalid();
        if (!ResourceArns.OwnedBy(context.World, context.AccountId).Contains(arn))
            throw Errors.NotFound("RESOURCE", arn, "Resource");
        return arn;
    }
}
