using CleanroomsStack.Core.Desired;

namespace CleanroomsStack.Core.Tests.Desired;

public class GlobTests
{
    [Theory]
    [InlineData("part_*", "part_a", true)]
    [InlineData("part_*", "part_", true)]
    [InlineData("part_*", "parts", false)]
    [InlineData("part_?", "part_a", true)]
    [InlineData("part_?", "part_ab", false)]
    [InlineData("*_a", "part_n_a", true)]
    [InlineData("*_a_*", "part_n_a_a", true)]
    [InlineData("part_n_a", "part_n_a_a", false)]
    [InlineData("*", "", true)]
    [InlineData("PART_*", "part_a", false)]
    [InlineData("a*b*c", "aXbYbZc", true)]
    [InlineData("a*b*c", "aXbYbZ", false)]
    public void Matches_like_a_shell_glob(string pattern, string text, bool expected) =>
        Assert.Equal(expected, Glob.Matches(pattern, text));
}
