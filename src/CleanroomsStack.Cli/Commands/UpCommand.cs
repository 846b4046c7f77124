using System.CommandLine;
using CleanroomsStack.Cli.Composition;
using CleanroomsStack.Cli.Views;
using CleanroomsStack.Engine.Applying;

namespace CleanroomsStack.Cli.Commands;

/// <summary><c>up</c>: compute the plan, show it, confirm, apply it in dependency order and summarise.</summary>
internal static class UpCommand
{
    public static Command Create(CommonOptions common, CliIo io)
    {
        var yes = new Option<bool>("--yes", "-y") { Description = "Apply without asking (for pipelines)." };
        var command = new Command("up", "Make the account match collaborations.yaml: show the plan, confirm, apply.") { yes };
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
                if (planning?.Plan is not { } plan) return ExitCodes.Error;
                PlanView.Write(io.Out, plan, colour: !settings.NoColor && io.IsInteractive);
                if (!plan.HasChanges) return ExitCodes.Success;
                if (!Confirm(parsed.GetValue(yes), io)) return ExitCodes.Error;

                var observer = new PlainProgressView(io.Out);
                var result = await new Applier(session.Api, new ApplyOptions(settings.Parallel), observer).ApplyAsync(plan, ct);
                ApplySummaryView.Write(io.Out, result);
                return result.Cancelled ? ExitCodes.Interrupted : result.Succeeded ? ExitCodes.Success : ExitCodes.Error;
            });
        });
        return command;
    }

    private static bool Confirm(bool yes, CliIo io)
    {
        if (yes) return true;
        if (!io.IsInteractive)
        {
            io.Error.WriteLine("error: refusing to apply without confirmation on a non-interactive console.");
            io.Error.WriteLine("  hint: review the plan above, then run `cleanrooms-stack up --yes` (as a pipeline does).");
            return false;
        }
        io.Out.Write("Do you want to apply these changes? Only 'yes' will be accepted: ");
        if (io.ReadLine()?.Trim() == "yes") return true;
        io.Out.WriteLine("Apply cancelled; nothing was changed.");
        return false;
    }
}
