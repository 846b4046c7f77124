using System.CommandLine;
using CleanroomsStack.Cli.Files;
using CleanroomsStack.Cli.Views;
using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Cli.Commands;

/// <summary><c>validate</c>: check the config offline — no credentials, no AWS calls — and print every diagnostic.</summary>
internal static class ValidateCommand
{
    public static Command Create(CommonOptions common, CliIo io)
    {
        var command = new Command("validate", "Check collaborations.yaml offline (no credentials needed): every problem with file:line:col.\n" +
            "Example:\n" +
            "  cleanrooms-stack validate --config collaborations.yaml");
        command.SetAction(parsed =>
        {
            var settings = common.Read(parsed);
            var (_, result) = ConfigFiles.Load(settings);
            DiagnosticsView.Write(io.Error, result.Diagnostics);
            if (result.Diagnostics.HasErrors() || result.Config is null) return ExitCodes.Error;
            var count = result.Config.Collaborations.Count;
            io.Out.WriteLine($"{SafeFiles.Shown(settings.ConfigPath)} is valid: {count} collaboration{(count == 1 ? "" : "s")}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
