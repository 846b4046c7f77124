using System.CommandLine;

namespace CleanroomsStack.Cli.Commands;

/// <summary>
/// <c>--allow-leave ID</c>: the per-collaboration opt-in without which nothing leaves a collaboration. <c>preview</c>
/// takes it too, so a pull request that leaves shows the leave plan that <c>up</c> would apply.
/// </summary>
internal static class AllowLeaveOption
{
    public static Option<string[]> Create() => new("--allow-leave")
    {
        Description = "Allow leaving this collaboration (id) when the config says `state: left`. Irreversible; repeatable.",
    };

    public static IReadOnlySet<string> Read(ParseResult parsed, Option<string[]> option) =>
        (parsed.GetValue(option) ?? []).Select(id => id.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
}
