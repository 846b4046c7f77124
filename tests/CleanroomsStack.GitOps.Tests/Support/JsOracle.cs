using CleanroomsStack.EndToEnd.Tests;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.GitOps.Tests.Support;

/// <summary>The npm packages in tests/js-pulumi (installed by the build from the committed lock file).</summary>
public static class JsOracle
{
    public static string Folder { get; } = Path.Combine(RepoRoot.Path, "tests", "js-pulumi");

    public static string Package(string name)
    {
        var path = Path.Combine(Folder, "node_modules", name);
        Assert.True(Directory.Exists(path), $"{path} is missing: build the test project (it runs npm ci in {Folder})");
        return path;
    }
}
