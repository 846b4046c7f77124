using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;
using CleanroomsStack.Cli;
using CleanroomsStack.EndToEnd.Tests;
using CleanroomsStack.GitOps.Tests.Support;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.GitOps.Tests;

/// <summary>
/// `dotnet pack` makes an installable .NET tool named cleanrooms-stack: the package is packed from the CLI project as
/// this test run built it, installed into a scratch tool path from a local folder only (no registry), and run.
/// </summary>
public sealed class PackagingTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("crs-pack-").FullName;

    [Fact]
    public async Task PackedToolInstallsFromALocalFolderAndPrintsItsVersion()
    {
        var artifacts = Path.Combine(scratch, "artifacts");
        var pack = await Dotnet("pack", Path.Combine(RepoRoot.Path, "src", "CleanroomsStack.Cli", "CleanroomsStack.Cli.csproj"),
            "--no-build", "-c", BuildConfiguration(), "-o", artifacts);
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var package = Assert.Single(Directory.GetFiles(artifacts, "*.nupkg"));
        Assert.Equal("CleanroomsStack.0.1.0.nupkg", Path.GetFileName(package));
        AssertToolSettings(package);

        // Only the local folder as a source, and a package cache of our own: the install can't pick up anything else.
        var config = Path.Combine(scratch, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{artifacts}" /></packageSources></configuration>
            """);
        var tools = Path.Combine(scratch, "tools");
        var install = await Dotnet(["tool", "install", "--tool-path", tools, "--configfile", config, "--add-source", artifacts, "CleanroomsStack"],
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(scratch, "packages") });
        Assert.True(install.ExitCode == 0, install.ToString());

        var tool = Path.Combine(tools, OperatingSystem.IsWindows() ? "cleanrooms-stack.exe" : "cleanrooms-stack");
        var version = await ProcessRunner.RunAsync(tool, ["--version"], scratch);

        Assert.True(version.ExitCode == 0, version.ToString());
        Assert.Equal(InformationalVersion(), version.Out.Trim());
        Assert.Equal("0.1.0", version.Out.Trim());
    }

    private static void AssertToolSettings(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var settings = zip.Entries.Single(e => e.FullName.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
        using var stream = settings.Open();
        var command = XDocument.Load(stream).Descendants("Command").Single();
        Assert.Equal("cleanrooms-stack", command.Attribute("Name")?.Value);
        Assert.Equal("cleanrooms-stack.dll", command.Attribute("EntryPoint")?.Value);
        Assert.Contains(zip.Entries, e => e.FullName == "README.md");
    }

    private Task<ProcessResult> Dotnet(params string[] args) => Dotnet(args, null);

    private Task<ProcessResult> Dotnet(string[] args, IReadOnlyDictionary<string, string>? environment) =>
        ProcessRunner.RunAsync("dotnet", args, scratch, environment);

    private static string BuildConfiguration() =>
        typeof(PackagingTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BuildConfiguration").Value!;

    private static string InformationalVersion() =>
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

    public void Dispose()
    {
        try { Directory.Delete(scratch, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
