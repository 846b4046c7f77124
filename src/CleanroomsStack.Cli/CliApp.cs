using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using CleanroomsStack.Cli.Files;
using CleanroomsStack.Cli.Mistakes;
using CleanroomsStack.Core.Rendering;
using CleanroomsStack.Cli.Commands;

namespace CleanroomsStack.Cli;

/// <summary>The composition root: builds the command tree and runs one command line.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliIo io, CancellationToken ct = default)
    {
        var root = BuildRoot(io);
        if (args is [ShellCompletion.CompleteVerb, .. var words]) return ShellCompletion.Complete(root, words, io.Out);
        var parsed = root.Parse(args);
        // A bare `cleanrooms-stack` still gets the full help; a mistake gets one error and the way to the help.
        if (parsed.Action is ParseErrorAction && args.Length > 0) return ParseErrorReport.Write(parsed, io.Error);
        var invocation = new InvocationConfiguration { Output = io.Out, Error = io.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(invocation, ct);
        }
        catch (FileProblem e)
        {
            io.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Error;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // .NET's message names the path (and, for a full disk or a read-only folder, the cause).
            io.Error.WriteLine($"error: {TerminalText.Escape(e.Message.ReplaceLineEndings(" ").TrimEnd())} " +
                               "Check that the folder exists and is writable, that the disk has space, and that the path is a regular file.");
            return ExitCodes.Error;
        }
    }

    /// <summary>
    /// The root is a plain command named after the tool (a RootCommand would take the host's name, e.g. "testhost"
    /// under tests), with the help and version options a RootCommand has.
    /// </summary>
    private static Command BuildRoot(CliIo io)
    {
        var common = new CommonOptions();
        var root = new Command("cleanrooms-stack",
            "cleanrooms-stack: manage the AWS Clean Rooms memberships of an account declaratively from collaborations.yaml.\n" +
            "Examples:\n" +
            "  cleanrooms-stack preview --local              show what would change (embedded emulator, demo world)\n" +
            "  cleanrooms-stack up --yes --profile prod      apply the config to a real account\n" +
            "  cleanrooms-stack drift --profile prod         nightly: exit 2 when the account drifted from the config");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        common.AddTo(root);
        root.Subcommands.Add(PreviewCommand.Create(common, io));
        root.Subcommands.Add(UpCommand.Create(common, io));
        root.Subcommands.Add(DriftCommand.Create(common, io));
        root.Subcommands.Add(InvitationsCommand.Create(common, io));
        root.Subcommands.Add(ValidateCommand.Create(common, io));
        root.Subcommands.Add(InitCommand.Create(common, io));
        root.Subcommands.Add(ImportCommand.Create(common, io));
        root.Subcommands.Add(VerifyCommand.Create(common, io));
        root.Subcommands.Add(EmulatorCommand.Create(io));
        root.Subcommands.Add(ShellCompletion.Create(io));
        root.Subcommands.Add(PolicyCommand.Create(common, io));
        root.Subcommands.Add(ExportCommand.Create(common, io));
        root.Subcommands.Add(SchemaCommand.Create(io));
        return root;
    }
}
