using CleanroomsStack.Core.Config;

namespace CleanroomsStack.Cli.Commands;

/// <summary>--target: narrow the config to the named collaborations (by name, case-insensitive, or by id).</summary>
internal static class Targets
{
    public static StackConfig? Apply(StackConfig config, IReadOnlyList<string> targets, TextWriter error)
    {
        if (targets.Count == 0) return config;
        var unknown = targets.Where(t => !config.Collaborations.Any(c => Matches(c, t))).ToList();
        if (unknown.Count > 0)
        {
            error.WriteLine($"error: --target {string.Join(", ", unknown.Select(u => $"'{u}'"))} names no collaboration in {config.FilePath}.");
            error.WriteLine($"  hint: use a name or id from the config: {string.Join(", ", config.Collaborations.Select(c => $"'{c.Name}'"))}.");
            return null;
        }
        return config with { Collaborations = config.Collaborations.Where(c => targets.Any(t => Matches(c, t))).ToList() };
    }

    private static bool Matches(CollaborationConfig c, string target) =>
        string.Equals(c.Name, target, StringComparison.OrdinalIgnoreCase) || c.Id.Value == target.ToLowerInvariant();
}
