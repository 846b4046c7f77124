using CleanroomsStack.Cli.Commands;
using CleanroomsStack.Core.Config;

namespace CleanroomsStack.Cli.Files;

/// <summary>
/// Loading the config of a run: the stack's file through the same checks as any config, and every file its
/// <c>extends</c> chain names through the same checks too, a problem with one of those becoming a diagnostic at its key.
/// </summary>
internal static class ConfigFiles
{
    /// <summary>The selected stack's config text and what loading it gave.</summary>
    public static (string Text, ConfigLoadResult Result) Load(RunSettings settings)
    {
        var text = SafeFiles.ReadConfig(settings.ConfigPath, settings.Stack);
        return (text, Load(text, settings.ConfigPath));
    }

    /// <summary>Loads <paramref name="text"/> as the config at <paramref name="path"/> (its extends relative to that path).</summary>
    public static ConfigLoadResult Load(string text, string path) => ConfigLoader.Load(text, path, ReadExtended);

    private static ConfigFileRead ReadExtended(string path)
    {
        if (SafeFiles.ConfigProblem(path) is { } problem) return new ConfigFileRead(null, problem);
        try
        {
            return new ConfigFileRead(File.ReadAllText(path), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ConfigFileRead(null, $"can't be read ({e.Message.ReplaceLineEndings(" ").TrimEnd()})");
        }
    }
}
