using System.CommandLine;
using CleanroomsStack.Cli.Views;

namespace CleanroomsStack.Cli.Commands;

/// <summary><c>invitations</c>: the pending invitations of the account, and whether the config covers each.</summary>
internal static class InvitationsCommand
{
    public static Command Create(CommonOptions common, CliIo io)
    {
        var command = new Command("invitations", "List pending collaboration invitations and whether collaborations.yaml covers each.\n" +
            "Example:\n" +
            "  cleanrooms-stack invitations --profile prod");
        command.SetAction((parsed, ct) =>
        {
            var settings = common.Read(parsed);
            var run = new StackRun(settings, io);
            return run.WithSessionAsync(async (loaded, session) =>
            {
                var invitations = await session.Api.ListCollaborationsAsync("INVITED", ct);
                var configured = loaded.Config.Collaborations.Select(c => c.Id.Value).ToHashSet(StringComparer.Ordinal);
                InvitationsView.Write(io.Out, invitations, configured, Files.SafeFiles.Shown(settings.ConfigPath));
                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }
}
