using System.CommandLine;
using System.Runtime.InteropServices;
using CleanroomsStack.Cli.Composition;
using CleanroomsStack.Cli.Views;
using CleanroomsStack.Engine.Applying;
using CleanroomsStack.Engine.Audit;

namespace CleanroomsStack.Cli.Commands;

/// <summary><c>up</c>: compute the plan, show it, confirm, apply it in dependency order and summarise.</summary>
internal static class UpCommand
{
    public static Command Create(CommonOptions common, CliIo io)
    {
        var yes = new Option<bool>("--yes", "-y") { Description = "Apply without asking (for pipelines)." };
        var auditLog = new Option<string?>("--audit-log")
        {
            Description = $"Append one JSON line per applied change to this file (default: {AuditLog.DefaultFolder}/{AuditLog.DefaultFileName} beside the config).",
        };
        var command = new Command("up", "Make the account match collaborations.yaml: show the plan, confirm, apply.") { yes, auditLog };
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

                var options = new ApplyOptions(settings.Parallel);
                using var audit = new AuditLog(parsed.GetValue(auditLog) ?? AuditLog.DefaultPathFor(settings.ConfigPath), planning.Inventory!.Caller.Arn);
                using var interruption = new ApplyInterruption(ct, options.InFlightGrace);
                using var secondSignal = SecondSignalAborts(interruption);
                var observer = new CompositeApplyObserver(new PlainProgressView(io.Out), audit);
                var result = await new Applier(session.Api, options, observer).ApplyAsync(plan, interruption);
                ApplySummaryView.Write(io.Out, result);
                io.Out.WriteLine($"Audit log: {audit.Path}");
                return result.Cancelled ? ExitCodes.Interrupted : result.Succeeded ? ExitCodes.Success : ExitCodes.Error;
            });
        });
        return command;
    }

    /// <summary>
    /// The first Ctrl-C / SIGTERM cancels the command's token (System.CommandLine): no new change starts and calls in
    /// flight may finish. A second one abandons those calls at once.
    /// </summary>
    private static IDisposable SecondSignalAborts(ApplyInterruption interruption)
    {
        var signals = 0;
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // we end the run ourselves, with a summary
            if (Interlocked.Increment(ref signals) >= 2) interruption.AbortNow();
        }
        return new Registrations(PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal));
    }

    private sealed class Registrations(params IDisposable[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var r in registrations) r.Dispose();
        }
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
