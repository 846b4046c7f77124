using CleanroomsStack.EndToEnd.Tests;
using YamlDotNet.RepresentationModel;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.GitOps.Tests.Workflows;

/// <summary>A GitHub Actions workflow (or composite action) file, parsed as YAML, with typed reads for the checks.</summary>
public sealed class WorkflowFile
{
    private WorkflowFile(string name, YamlMappingNode root)
    {
        Name = name;
        Root = root;
    }

    public string Name { get; }

    public YamlMappingNode Root { get; }

    public static WorkflowFile Load(string relativePath)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(Path.Combine(RepoRoot.Path, relativePath))))
            stream.Load(reader);
        var root = Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
        return new WorkflowFile(relativePath, root);
    }

    /// <summary>The node at a path of mapping keys, or null.</summary>
    public YamlNode? At(params string[] keys) => At(Root, keys);

    public static YamlNode? At(YamlNode node, params string[] keys)
    {
        foreach (var key in keys)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next)) return null;
            node = next;
        }
        return node;
    }

    public string? Text(params string[] keys) => (At(keys) as YamlScalarNode)?.Value;

    public IReadOnlyList<string> List(params string[] keys) =>
        (At(keys) as YamlSequenceNode)?.Children.Select(c => ((YamlScalarNode)c).Value!).ToList() ?? [];

    /// <summary>Every step of every job (or of the composite action).</summary>
    public IReadOnlyList<YamlMappingNode> Steps()
    {
        var jobs = (At("jobs") as YamlMappingNode)?.Children.Values ?? [];
        var jobSteps = jobs.SelectMany(job => (At(job, "steps") as YamlSequenceNode)?.Children ?? []);
        var actionSteps = (At("runs", "steps") as YamlSequenceNode)?.Children ?? [];
        return jobSteps.Concat(actionSteps).Cast<YamlMappingNode>().ToList();
    }

    public IReadOnlyList<YamlMappingNode> StepsUsing(string actionPrefix) =>
        Steps().Where(s => (At(s, "uses") as YamlScalarNode)?.Value?.StartsWith(actionPrefix, StringComparison.Ordinal) == true).ToList();

    /// <summary>The shell scripts of the run steps.</summary>
    public IReadOnlyList<string> RunScripts() =>
        Steps().Select(s => (At(s, "run") as YamlScalarNode)?.Value).OfType<string>().ToList();
}
