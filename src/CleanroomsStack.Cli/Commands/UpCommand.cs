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
                using var signals = new StopSignals();
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, signals.First);
                using var interruption = new ApplyInterruption(stop.Token, options.InFlightGrace);
                signals.OnSecond = interruption.AbortNow;
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
    /// Ctrl-C and SIGTERM while applying: the first stops scheduling (no new change starts, calls in flight may finish),
    /// a second abandons the calls in flight. Handled here because System.CommandLine's own handling, when enabled,
    /// ends the process after a fixed timeout, before the summary is written.
    /// </summary>
    private sealed class StopSignals : IDisposable
    {
        private readonly CancellationTokenSource first = new();
        private readonly PosixSignalRegistration interrupt;
        private readonly PosixSignalRegistration terminate;
        private int count;

        public StopSignals()
        {
            interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        }

        public CancellationToken First => first.Token;

        public Action? OnSecond { get; set; }

        private void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // the run ends itself, with a summary and exit code 130
            if (Interlocked.Increment(ref count) == 1) first.Cancel();
            else OnSecond?.Invoke();
        }

        public void Dispose()
        {
            interrupt.Dispose();
            terminate.Dispose();
            first.Dispose();
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
