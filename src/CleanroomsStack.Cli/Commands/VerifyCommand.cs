using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CleanroomsStack.Cli.Views;
using CleanroomsStack.Engine.Verification;

namespace CleanroomsStack.Cli.Commands;

/// <summary>
/// <c>verify</c>: can each collaboration use each managed association now? Exit 1 when one isn't ready. With
/// <c>--wait</c> it polls until all are READY (readiness can lag the rules by minutes), and exits 2 when time is up.
/// </summary>
internal static class VerifyCommand
{
    /// <summary>How long between polls: AWS updates readiness in minutes, so a few seconds loses nothing and costs few calls.</summary>
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(5);

    public static Command Create(CommonOptions common, CliIo io)
    {
        var wait = new Option<string?>("--wait")
        {
            Description = "Poll until every managed association is READY or this much time has passed (e.g. 30s, 5m); exit 2 if some still aren't.",
        };
        var command = new Command("verify",
            "Check that every managed association is usable in its collaboration now (schema status READY, direct and additional analysis), with AWS's reasons when not.\n" +
            "Examples:\n" +
            "  cleanrooms-stack verify --profile prod\n" +
            "  cleanrooms-stack verify --wait 10m                   after up, until AWS reports READY") { wait };
        command.SetAction((parsed, ct) =>
        {
            var settings = common.Read(parsed);
            var waitText = parsed.GetValue(wait);
            var limit = waitText is null ? TimeSpan.Zero : ParseDuration(waitText);
            if (limit is null)
            {
                io.Error.WriteLine($"error: --wait '{waitText}' is not a duration.");
                io.Error.WriteLine("  hint: write a number with s, m or h, e.g. --wait 30s or --wait 10m.");
                return Task.FromResult(ExitCodes.Error);
            }
            var run = new StackRun(settings, io);
            return run.WithSessionAsync(async (loaded, session) =>
            {
                if (await run.PlanAsync(session, loaded.Config, ct) is not { Desired: { } desired, Live: { } live }) return ExitCodes.Error;
                var checker = new ReadinessChecker(session.Api);
                var clock = Stopwatch.StartNew();
                var readiness = await checker.CheckAsync(desired, live, ct);
                while (waitText is not null && readiness.Any(r => !r.Ready) && clock.Elapsed + PollEvery <= limit)
                {
                    io.Error.WriteLine($"waiting: {readiness.Count(r => !r.Ready)} of {readiness.Count} associations not READY yet "
                        + $"({clock.Elapsed.TotalSeconds:0}s of {limit.Value.TotalSeconds:0}s)");
                    await Task.Delay(PollEvery, ct);
                    readiness = await checker.CheckAsync(desired, live, ct);
                }
                VerifyView.Write(TerminalSafe.Writer(io.Out), readiness);
                if (readiness.All(r => r.Ready)) return ExitCodes.Success;
                if (waitText is null) return ExitCodes.Error;
                io.Error.WriteLine($"error: after {waitText}, still not READY: {string.Join(", ", readiness.Where(r => !r.Ready).Select(r => $"{r.Association} ({r.Collaboration})"))}.");
                return ExitCodes.Changes;
            }, ct);
        });
        return command;
    }

    /// <summary>"30s", "5m", "1h" or plain seconds; null when it isn't one.</summary>
    private static TimeSpan? ParseDuration(string text)
    {
        var unit = text.Length > 0 && char.IsLetter(text[^1]) ? text[^1] : 's';
        var number = char.IsLetter(text.Length > 0 ? text[^1] : ' ') ? text[..^1] : text;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0) return null;
        return unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            _ => null,
        };
    }
}
