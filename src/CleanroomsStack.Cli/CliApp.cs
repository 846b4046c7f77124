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
        var common = new CommonOptions(io.Environment);
        var root = new Command("cleanrooms-stack",
            "cleanrooms-stack: manage the AWS Clean Rooms memberships of an account declaratively from collaborations.yaml.\n" +
            "Examples:\n" +
            "  cleanrooms-stack preview --local              show what would change (embedded emulator, demo world)\n" +
            "  cleanrooms-stack up --yes --profile prod      apply the config to a real account\n" +
            "  cleanrooms-stack drift --profile prod         nightly: exit 2 when the account drifted from the config");
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        // The stack commands share the AWS and config options; emulator, completion and schema have their own only,
        // so their help doesn't list options that do nothing for them.
        Command[] stack =
        [
            PreviewCommand.Create(common, io), UpCommand.Create(common, io), DriftCommand.Create(common, io),
            InvitationsCommand.Create(common, io), AddCommand.Create(common, io), ValidateCommand.Create(common, io), InitCommand.Create(common, io),
            ImportCommand.Create(common, io), VerifyCommand.Create(common, io),
        ];
        foreach (var command in stack) common.AddTo(command);
        var export = ExportCommand.Create(common, io);
        var policy = PolicyCommand.Create(common, io);
        common.AddTo(export);
        common.AddTo(policy);
        foreach (var command in stack) root.Subcommands.Add(command);
        root.Subcommands.Add(EmulatorCommand.Create(io));
        root.Subcommands.Add(ShellCompletion.Create(io));
        root.Subcommands.Add(policy);
        root.Subcommands.Add(export);
        root.Subcommands.Add(SchemaCommand.Create(io));
        return root;
    }
}
