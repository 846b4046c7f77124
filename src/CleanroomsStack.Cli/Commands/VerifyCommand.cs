using System.CommandLine;
using CleanroomsStack.Cli.Views;
using CleanroomsStack.Engine.Verification;

namespace CleanroomsStack.Cli.Commands;

/// <summary><c>verify</c>: can each collaboration use each managed association now? Exit 1 when one isn't ready.</summary>
internal static class VerifyCommand
{
    public static Command Create(CommonOptions common, CliIo io)
    {
        var command = new Command("verify",
            "Check that every managed association is usable in its collaboration now (schema status READY), with AWS's reasons when not.\n" +
            "Example:\n" +
            "  cleanrooms-stack verify --profile prod");
        command.SetAction((parsed, ct) =>
        {
            var settings = common.Read(parsed);
            var run = new StackRun(settings, io);
            return run.WithSessionAsync(async (loaded, session) =>
            {
                if (await run.PlanAsync(session, loaded.Config, ct) is not { Desired: { } desired, Live: { } live }) return ExitCodes.Error;
                var readiness = await new ReadinessChecker(session.Api).CheckAsync(desired, live, ct);
                VerifyView.Write(io.Out, readiness);
                return readiness.All(r => r.Ready) ? ExitCodes.Success : ExitCodes.Error;
            }, ct);
        });
        return command;
    }
}
