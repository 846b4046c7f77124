namespace CleanroomsStack.Tests.Shared;

/// <summary>Compares two versions of a text file line by line, for edits that must only add lines.</summary>
internal static class LineDiff
{
    /// <summary>The lines <paramref name="after"/> inserts into <paramref name="before"/> as one block; fails if anything else changed.</summary>
    /// <param name="at">The 0-based line of <paramref name="before"/> the block went in front of.</param>
    public static IReadOnlyList<string> Added(string before, string after, out int at)
    {
        var old = before.Split('\n');
        var now = after.Split('\n');
        at = 0;
        while (at < old.Length && at < now.Length && old[at] == now[at]) at++;
        var count = now.Length - old.Length;
        Assert.True(count > 0, "no line was added");
        Assert.Equal(old[at..], now[(at + count)..]);
        return now[at..(at + count)].Select(l => l.TrimEnd('\r')).ToList();
    }

    public static IReadOnlyList<string> Added(string before, string after) => Added(before, after, out _);
}
