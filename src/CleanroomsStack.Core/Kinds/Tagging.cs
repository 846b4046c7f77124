namespace CleanroomsStack.Core.Kinds;

/// <summary>A resource the config asks for that carries the config's tags (<c>tags</c> in the settings).</summary>
public interface ITaggedSpec
{
    IReadOnlyDictionary<string, string>? Tags { get; }
}

/// <summary>
/// A live resource whose tags are read by its ARN (ListTagsForResource: no Get of these resources returns them).
/// <see cref="Tags"/> is null when they were not read, which happens when the config names no tags for the
/// collaboration: then nothing about tags is compared, and no call is spent on them.
/// </summary>
public interface ITaggedState
{
    string Arn { get; }

    IReadOnlyDictionary<string, string>? Tags { get; }

    /// <summary>A copy that holds the tags as read.</summary>
    ITaggedState WithTags(IReadOnlyDictionary<string, string> tags);
}
