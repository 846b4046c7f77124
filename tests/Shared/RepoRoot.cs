namespace CleanroomsStack.Tests.Shared;

/// <summary>
/// The repository's root folder, found above the test binaries by its solution file: tests read the sample config,
/// docs and workflows from it. Internal, so each test project's copy stays its own.
/// </summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    /// <summary>A file of the repository by its path from the root.</summary>
    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "CleanroomsStack.sln"))) return dir.FullName;
        throw new InvalidOperationException("CleanroomsStack.sln not found above " + AppContext.BaseDirectory);
    }
}
