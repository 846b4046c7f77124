using System.CommandLine;
using CleanroomsStack.Cli.Files;
using CleanroomsStack.Cli.SavedPlans;
using CleanroomsStack.Cli.Views;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;

namespace CleanroomsStack.Cli.Commands;

/// <summary><c>preview</c>: read live state and show what <c>up</c> would change, and why. Never writes to AWS.</summary>
internal static class PreviewCommand
{
    public static Command Create(CommonOptions common, CliIo io)
    {
        var output = new PlanOutputOptions();
        var detailedExitCode = new Option<bool>("--detailed-exitcode") { Description = "Exit 0 when there are no changes, 2 when there are, 1 on error." };
        var expectNoChanges = new Option<bool>("--expect-no-changes") { Description = "Fail (exit 1) when the plan has changes." };
        var outFile = new Option<string?>("--out") { Description = "Save the plan, bound to the config and live state it came from, for `up --plan`." };
        var allowLeave = AllowLeaveOption.Create();
        var command = new Command("preview", "Show what `up` would change, and why. Reads only; never changes anything.\n" +
            "Examples:\n" +
            "  cleanrooms-stack preview --local                      the demo world, no AWS account needed\n" +
            "  cleanrooms-stack preview --markdown > plan.md         a pull-request comment\n" +
            "  cleanrooms-stack preview --out plan.json              save it for `up --plan plan.json`")
        {
            detailedExitCode, expectNoChanges, outFile, allowLeave,
        };
        output.AddTo(command);
        command.SetAction((parsed, ct) =>
        {
            var settings = common.Read(parsed);
            var run = new StackRun(settings, io);
            var path = parsed.GetValue(outFile);
            var toStdout = path == SafeFiles.StandardOutput;
            OutputFile[] outputs = path is null ? [] : [new OutputFile(path, "--out", "Pass the path of a regular file, or - for standard output.")];
            return run.WithSessionAsync(async (loaded, session) =>
            {
                var options = new PlanOptions(AllowLeaveOption.Read(parsed, allowLeave));
                if (await run.PlanAsync(session, loaded.Config, ct, options) is not { Plan: { } plan } planning) return ExitCodes.Error;

                var format = output.Read(parsed);
                var document = PlanDocument.From(plan);
                // With --out -, stdout carries the saved plan alone, so the view moves to stderr.
                PlanView.Write(toStdout ? io.Error : io.Out, document, format.Format, colour: !settings.NoColor && io.IsInteractive, format.Diff);
                if (path is not null)
                {
                    var fingerprint = PlanFingerprint.Of(loaded.BoundText, planning.Inventory!, planning.Live!);
                    if (toStdout) SavedPlanFile.Write(io.Out, fingerprint, document);
                    else
                    {
                        SavedPlanFile.Write(path, fingerprint, document);
                        io.Error.WriteLine($"Saved the plan to {SafeFiles.Shown(path)}; apply exactly it with `cleanrooms-stack up --plan {SafeFiles.Shown(path)}`.");
                    }
                }
                if (plan.Diagnostics.HasErrors()) return ExitCodes.Error;
                if (parsed.GetValue(expectNoChanges) && plan.HasChanges)
                {
                    io.Error.WriteLine("error: the plan has changes, but --expect-no-changes was given.");
                    return ExitCodes.Error;
                }
                return parsed.GetValue(detailedExitCode) && plan.HasChanges ? ExitCodes.Changes : ExitCodes.Success;
            }, ct, outputs);
        });
        return command;
    }
}
