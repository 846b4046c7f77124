using System.CommandLine;
using CleanroomsStack.Cli.Files;
using CleanroomsStack.Cli.Views;

namespace CleanroomsStack.Cli.Commands;

/// <summary><c>invitations</c>: the pending invitations of the account, and whether the config covers each.</summary>
internal static class InvitationsCommand
{
    public static Command Create(CommonOptions common, CliIo io)
    {
        var json = new Option<bool>("--json") { Description = "Print a versioned JSON document (for a bot, e.g. the invitations workflow)." };
        var command = new Command("invitations", "List pending collaboration invitations and whether collaborations.yaml covers each.\n" +
            "Examples:\n" +
            "  cleanrooms-stack invitations --profile prod\n" +
            "  cleanrooms-stack invitations --json > invitations.json") { json };
        command.SetAction((parsed, ct) =>
        {
            var settings = common.Read(parsed);
            var run = new StackRun(settings, io);
            return run.WithSessionAsync(async (loaded, session) =>
            {
                var invitations = await session.Api.ListCollaborationsAsync("INVITED", ct);
                if (parsed.GetValue(json)) InvitationsView.WriteJson(io.Out, invitations, loaded.Config, settings.Stack);
                else InvitationsView.Write(io.Out, invitations, loaded.Config, SafeFiles.Shown(settings.ConfigPath));
                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }
}
