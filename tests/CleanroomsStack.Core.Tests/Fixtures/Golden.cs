using System.Runtime.CompilerServices;

namespace CleanroomsStack.Core.Tests.Fixtures;

/// <summary>
/// Exact comparison against files in tests/CleanroomsStack.Core.Tests/Golden/.
/// To re-baseline after an intended output change, run the tests with UPDATE_GOLDEN=1 and review the diff:
///   UPDATE_GOLDEN=1 dotnet test tests/CleanroomsStack.Core.Tests
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string fileName, string actual)
    {
        var path = Path.Combine(Directory(), fileName);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"golden file {path} is missing; create it with UPDATE_GOLDEN=1");
        Assert.Equal(File.ReadAllText(path), actual);
    }

    private static string Directory([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(here)!)!, "Golden");
}
