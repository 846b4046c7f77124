using System.CommandLine;
using CleanroomsStack.Cli.Views;
using CleanroomsStack.Core.Planning;

namespace CleanroomsStack.Cli.Commands;

/// <summary>
/// <c>drift</c>: for the nightly job. A preview that separates drift (managed resources that differ from the config, or
/// that the last `up` applied and someone deleted since) from pending work (e.g. new tables the patterns select) and
/// from new invitations. Exits 2 on drift, 0 otherwise.
/// </summary>
internal static class DriftCommand
{
    public static Command Create(CommonOptions common, CliIo io)
    {
        var output = new PlanOutputOptions();
        var command = new Command("drift", "Report drift (resources changed or deleted outside the config) separately from pending work and new invitations; exit 2 on drift.\n" +
            "Examples:\n" +
            "  cleanrooms-stack drift --profile prod                 nightly check\n" +
            "  cleanrooms-stack drift --json                         for a bot");
        output.AddTo(command);
        command.SetAction((parsed, ct) =>
        {
            var settings = common.Read(parsed);
            var run = new StackRun(settings, io);
            return run.WithSessionAsync(async (loaded, session) =>
            {
                if (await run.PlanAsync(session, loaded.Config, ct) is not { Plan: { } plan }) return ExitCodes.Error;
                var report = DriftReport.Of(plan);
                var invitations = InvitationCoverage.Uncovered(loaded.Config, await session.Api.ListCollaborationsAsync("INVITED", ct));
                DriftView.Write(io.Out, report, output.Read(parsed), colour: !settings.NoColor && io.IsInteractive,
                    new NewInvitations(invitations, Files.SafeFiles.Shown(settings.ConfigPath)));
                return report.HasDrift ? ExitCodes.Changes : ExitCodes.Success;
            }, ct);
        });
        return command;
    }
}
