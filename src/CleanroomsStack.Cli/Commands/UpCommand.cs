using System.CommandLine;
using System.Runtime.InteropServices;
using CleanroomsStack.Cli.Composition;
using CleanroomsStack.Cli.Files;
using CleanroomsStack.Cli.SavedPlans;
using CleanroomsStack.Cli.Views;
using CleanroomsStack.Cli.Views.Progress;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Core.Resources.Membership;
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
            Description = $"Append one JSON line per applied change to this file (default: {AuditLog.DefaultFolder}/{AuditLog.DefaultFileName} beside the config; audit.NAME.jsonl for --stack NAME).",
        };
        var planFile = new Option<string?>("--plan") { Description = "Apply exactly this saved plan (from `preview --out`); refused if the config or live state changed since." };
        var json = new Option<bool>("--json") { Description = "Emit progress as JSON lines (one event per line) instead of text." };
        var diff = new Option<bool>("--diff") { Description = "Show every attribute of every change in the plan." };
        var allowLeave = AllowLeaveOption.Create();
        var command = new Command("up", "Make the account match collaborations.yaml: show the plan, confirm, apply.\n" +
            "Examples:\n" +
            "  cleanrooms-stack up --local --yes                     apply to the demo world\n" +
            "  cleanrooms-stack up --yes --json --profile prod       in a pipeline, JSON-lines progress\n" +
            "  cleanrooms-stack up --plan plan.json                  apply exactly a reviewed, saved plan") { yes, planFile, json, diff, allowLeave, auditLog };
        command.SetAction((parsed, ct) =>
        {
            var settings = common.Read(parsed);
            var run = new StackRun(settings, io);
            var jsonLines = parsed.GetValue(json);
            var auditPath = parsed.GetValue(auditLog) ?? StackFiles.For(AuditLog.DefaultPathFor(settings.ConfigPath), settings.Stack);
            return run.WithSessionAsync(async (loaded, session) =>
            {
                var leave = AllowLeaveOption.Read(parsed, allowLeave);
                if (await run.PlanAsync(session, loaded.Config, ct, new PlanOptions(leave)) is not { Plan: { } plan } planning) return ExitCodes.Error;
                var document = PlanDocument.From(plan);
                var saved = parsed.GetValue(planFile);
                if (saved is not null && !SavedPlanCheck.Matches(saved, PlanFingerprint.Of(loaded.BoundText, planning.Inventory!, planning.Live!), document, io.Error))
                    return ExitCodes.Error;
                // After the check: the saved plan was read as preview reads, without the records only up needs.
                planning = await run.ReadRecordsAsync(session, planning, ct);
                plan = planning.Plan!;

                var names = ChangeNames.Of(plan);
                var events = jsonLines ? new JsonLinesProgressView(io.Out, names) : null;
                if (events is not null) events.WritePlan(document);
                else PlanView.Write(io.Out, document, PlanFormat.Text, colour: !settings.NoColor && io.IsInteractive, parsed.GetValue(diff));
                if (plan.Diagnostics.HasErrors())
                {
                    io.Error.WriteLine("error: the plan has errors (above); nothing was applied.");
                    return ExitCodes.Error;
                }
                // With nothing to change, only a membership's record of what it manages may need writing (one from before records).
                var recordOnly = !plan.HasChanges;
                if (recordOnly && !plan.Collaborations.Any(ManagedRecord.NeedsWriting)) return ExitCodes.Success;
                // Held from before the question until the last change; the plan was read first because the account comes from it.
                using var runLock = RunLock.Acquire(Path.GetDirectoryName(Path.GetFullPath(auditPath))!, planning.Inventory!.Caller.AccountId, session.Region);
                // The record is the tool's own bookkeeping (tags it reserves), not a change to confirm.
                if (!recordOnly && saved is null && !Confirm(parsed.GetValue(yes), io, document.Summary, planning.Inventory.Caller.AccountId, session.Region, Leaving(document))) return ExitCodes.Error;

                var options = new ApplyOptions(settings.Parallel, AllowLeave: leave) { Pace = () => session.Rates.FastestRate };
                using var audit = OpenAuditLog(auditPath, planning.Inventory!.Caller.Arn);
                using var signals = new StopSignals();
                using var auditFailed = new CancellationTokenSource();
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, signals.First, auditFailed.Token);
                // The stop closes the session's call gate: a call queued on the rate limiter is never sent after it.
                using var interruption = new ApplyInterruption(stop.Token, options.InFlightGrace, session.Gate);
                signals.OnSecond = interruption.AbortNow;
                var audited = new AuditFailureStop(audit, auditFailed.Cancel);
                var state = RunProgress.Applying(plan, TimeProvider.System, session.CountCalls);
                var display = events is null ? ProgressDisplays.Start(state, io, io.Out, settings) : null;
                signals.OnFirst = () =>
                {
                    // Said at once, before anything else happens: how many calls will still finish.
                    var inFlight = session.Gate.Close();
                    state.Stopping(inFlight);
                    if (display is not null) display.Say(ProgressText.Stopping(inFlight));
                    else io.Error.WriteLine(ProgressText.Stopping(inFlight));
                };
                IApplyObserver progress = events is not null ? events : new CompositeApplyObserver(state, display!);
                // With --read-cache, what this run writes is kept there, so the next preview doesn't Get it again.
                var written = run.ReadCache is { } cache ? new WrittenResources(cache.Cache) : null;
                ApplyResult result;
                await using (display)
                    result = await new Applier(session.Api, options, new CompositeApplyObserver(progress, audited), written).ApplyAsync(plan, interruption);
                run.ReadCache?.Save();
                if (events is not null) events.WriteSummary(result, session.CallTotals());
                else
                {
                    ApplySummaryView.Write(TerminalSafe.Writer(io.Out), result, session.CallTotals(), names);
                    io.Out.WriteLine($"Audit log: {audit.Path}");
                }
                if (audited.Error is { } error)
                {
                    var missing = audited.Unaudited.Select(u => TerminalText.Escape(names.Of(u.Address)) + (u.Record ? " (record)" : "")).ToList();
                    io.Error.WriteLine($"error: could not write the audit log '{SafeFiles.Shown(audit.Path)}' ({error.Message.ReplaceLineEndings(" ")}); " +
                                       $"no further change was started, and {missing.Count} applied change(s) have no line in it: {string.Join(", ", missing)}. " +
                                       "Free disk space or fix the file's permissions, then run `up` again.");
                    return ExitCodes.Error;
                }
                return result.Cancelled ? ExitCodes.Interrupted : result.Succeeded ? ExitCodes.Success : ExitCodes.Error;
            }, ct, new OutputFile(auditPath, "--audit-log", "Pass --audit-log <file> with the path of a regular file."));
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

        /// <summary>Runs on the first signal, before the stop reaches the run: says what happens next.</summary>
        public Action? OnFirst { get; set; }

        public Action? OnSecond { get; set; }

        private void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // the run ends itself, with a summary and exit code 130
            if (Interlocked.Increment(ref count) == 1)
            {
                OnFirst?.Invoke();
                first.Cancel();
            }
            else OnSecond?.Invoke();
        }

        public void Dispose()
        {
            interrupt.Dispose();
            terminate.Dispose();
            first.Dispose();
        }
    }

    /// <summary>Opens the audit log before the first change, so a log that can't be written stops the run while nothing was applied.</summary>
    private static AuditLog OpenAuditLog(string path, string callerArn)
    {
        try
        {
            return new AuditLog(path, callerArn);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FileProblem($"can't write the audit log '{SafeFiles.Shown(path)}' ({e.Message.ReplaceLineEndings(" ")}); nothing was applied. " +
                                  "Pass --audit-log <file> in a writable folder with free space.");
        }
    }

    /// <summary>Asks for "yes", restating what is at stake: the account, the region and how many of each change.</summary>
    private static bool Confirm(bool yes, CliIo io, PlanSummaryDocument summary, string account, string region, IReadOnlyList<CollaborationDocument> leaving)
    {
        if (yes) return true;
        if (!io.CanPrompt)
        {
            io.Error.WriteLine("error: refusing to apply without confirmation on a non-interactive console.");
            io.Error.WriteLine("  hint: review the plan above, then run `cleanrooms-stack up --yes` (as a pipeline does).");
            return false;
        }
        // With stdout in a pipe (up | tee), the question goes to the terminal the answer comes from.
        var ask = io.IsInteractive ? io.Out : io.Error;
        var total = summary.Create + summary.Update + summary.Replace + summary.Delete;
        ask.WriteLine($"Apply {total} change{(total == 1 ? "" : "s")} to account {account} in {region}: " +
                      $"{summary.Create} to create, {summary.Update} to update, {summary.Replace} to replace, {summary.Delete} to delete?");
        ask.Write("Only 'yes' will be accepted: ");
        ask.Flush();
        if (io.ReadLine()?.Trim() != "yes" || !ConfirmLeaving(io, ask, leaving))
        {
            ask.WriteLine("Apply cancelled; nothing was changed.");
            return false;
        }
        return true;
    }

    /// <summary>
    /// Leaving can't be undone (a left collaboration can't be rejoined), so each one is confirmed by typing its name,
    /// not by the same 'yes' as any plan. Pipelines pass --yes, and still need --allow-leave for each collaboration.
    /// </summary>
    private static bool ConfirmLeaving(CliIo io, TextWriter ask, IReadOnlyList<CollaborationDocument> leaving)
    {
        foreach (var collaboration in leaving)
        {
            ask.Write($"This leaves '{TerminalText.Escape(collaboration.Name)}' ({collaboration.Id}) for good. Type its name to confirm: ");
            ask.Flush();
            if (io.ReadLine()?.Trim() != collaboration.Name) return false;
        }
        return true;
    }

    /// <summary>The collaborations the plan leaves (it deletes their membership).</summary>
    private static IReadOnlyList<CollaborationDocument> Leaving(PlanDocument plan) =>
        plan.Collaborations.Where(c => c.Changes.Any(x => x.Kind == MembershipKind.Instance.AddressSegment && x.Action == "delete")).ToList();
}
