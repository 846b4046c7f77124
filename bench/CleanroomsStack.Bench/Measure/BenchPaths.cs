namespace CleanroomsStack.Bench.Measure;

/// <summary>Where the bench finds the built CLI and writes its results, derived from where it runs.</summary>
public sealed record BenchPaths(string RepoRoot, string Configuration, string Scratch)
{
    public string BenchDll => typeof(BenchPaths).Assembly.Location;

    public string CliDirectory => Path.Combine(RepoRoot, "src", "CleanroomsStack.Cli", "bin", Configuration, "net10.0");

    public string CliDll => Path.Combine(CliDirectory, "cleanrooms-stack.dll");

    /// <summary>The native launcher the SDK builds beside the dll (what an installed tool's shim ends up running).</summary>
    public string CliApphost => Path.Combine(CliDirectory, OperatingSystem.IsWindows() ? "cleanrooms-stack.exe" : "cleanrooms-stack");

    public string ResultsDirectory => Path.Combine(RepoRoot, "bench", "results");

    public string Document => Path.Combine(RepoRoot, "docs", "BENCHMARKS.md");


    public string SampleConfig => Path.Combine(RepoRoot, "collaborations.yaml");

    /// <summary>
    /// The repository is the first folder above the bench's binaries with CleanroomsStack.sln; the configuration is the
    /// folder the binaries were built into (bin/Release/net10.0), and the CLI was built with it (a project reference).
    /// </summary>
    public static BenchPaths Discover()
    {
        var binaries = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = binaries;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CleanroomsStack.sln"))) root = root.Parent;
        if (root is null)
            throw new InvalidOperationException($"No CleanroomsStack.sln above {binaries.FullName}: run the bench from the repository (dotnet run --project bench/CleanroomsStack.Bench).");
        var scratch = Directory.CreateTempSubdirectory("cleanrooms-bench-").FullName;
        var paths = new BenchPaths(root.FullName, binaries.Parent?.Name ?? "Release", scratch);
        if (!File.Exists(paths.CliDll))
            throw new InvalidOperationException($"The CLI is not built at {paths.CliDll}: build with `dotnet build -c {paths.Configuration} CleanroomsStack.sln` first.");
        return paths;
    }
}
