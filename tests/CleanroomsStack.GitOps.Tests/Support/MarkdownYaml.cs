using CleanroomsStack.EndToEnd.Tests;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.GitOps.Tests.Support;

/// <summary>The ```yaml blocks of README.md and docs/*.md, named file:line.</summary>
public static class MarkdownYaml
{
    public static IReadOnlyList<YamlDocument> InRepository() =>
        new[] { Path.Combine(RepoRoot.Path, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(RepoRoot.Path, "docs"), "*.md").Order(StringComparer.Ordinal))
            .SelectMany(Blocks)
            .ToList();

    private static IEnumerable<YamlDocument> Blocks(string file)
    {
        var lines = File.ReadAllLines(file);
        var name = Path.GetRelativePath(RepoRoot.Path, file);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```yaml") continue;
            var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
            Assert.True(end > i, $"{name}:{i + 1}: unterminated yaml block");
            yield return new YamlDocument($"{name}:{i + 1}", string.Join('\n', lines[(i + 1)..end]));
            i = end;
        }
    }
}
