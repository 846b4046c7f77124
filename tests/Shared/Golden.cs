using System.Runtime.CompilerServices;
using Xunit;

namespace CleanroomsStack.Tests.Shared;

/// <summary>
/// Exact comparison against files in the calling test project's Golden/ folder.
/// To re-baseline after an intended output change, run the tests with UPDATE_GOLDEN=1 and review the diff:
///   UPDATE_GOLDEN=1 dotnet test CleanroomsStack.sln
/// </summary>
public static class Golden
{
    public static void AssertMatches(string fileName, string actual, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(GoldenFolder(caller), fileName);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing; create it with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    /// <summary>The Golden/ folder of the test project whose source file called us.</summary>
    private static string GoldenFolder(string callerFile)
    {
        for (var dir = Path.GetDirectoryName(callerFile); dir is not null; dir = Path.GetDirectoryName(dir))
            if (Directory.EnumerateFiles(dir, "*.csproj").Any()) return Path.Combine(dir, "Golden");
        throw new InvalidOperationException($"no test project above {callerFile}");
    }
}
