using System.CommandLine;
using CleanroomsStack.Cli.Composition;
using CleanroomsStack.Cli.Views;

namespace CleanroomsStack.Cli.Commands;

/// <summary><c>preview</c>: read live state and show what <c>up</c> would change, and why. Never writes.</summary>
internal static class PreviewCommand
{
    public static Command Create(CommonOptions common, CliIo io)
    {
        var command = new Command("preview", "Show what `up` would change, and why. Reads only; never changes anything.");
        command.SetAction((parsed, ct) =>
        {
            var settings = common.Read(parsed);
            var run = new StackRun(settings, io);
            return run.GuardAsync(async () =>
            {
                var config = run.LoadConfig();
                if (config is null) return ExitCodes.Error;
                await using var session = await ApiSession.OpenAsync(settings, config.Region, ct);
                var planning = await run.PlanAsync(session, config, ct);
                if (planning?.Plan is null) return ExitCodes.Error;
                PlanView.Write(io.Out, planning.Plan, colour: !settings.NoColor && io.IsInteractive);
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
