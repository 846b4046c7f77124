using System.CommandLine;
using CleanroomsStack.Cli.Commands;

namespace CleanroomsStack.Cli;

/// <summary>The composition root: builds the command tree and runs one command line.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliIo io, CancellationToken ct = default)
    {
        var root = BuildRoot(io);
        var parsed = root.Parse(args);
        var invocation = new InvocationConfiguration { Output = io.Out, Error = io.Error, EnableDefaultExceptionHandler = false };
        return await parsed.InvokeAsync(invocation, ct);
    }

    private static RootCommand BuildRoot(CliIo io)
    {
        var common = new CommonOptions();
        var root = new RootCommand(
            "cleanrooms-stack: manage the AWS Clean Rooms memberships of an account from collaborations.yaml.\n" +
            "  preview   show what would change\n  up        make it so\n  emulator  run a local AWS Clean Rooms emulator");
        common.AddTo(root);
        root.Subcommands.Add(PreviewCommand.Create(common, io));
        root.Subcommands.Add(UpCommand.Create(common, io));
        root.Subcommands.Add(EmulatorCommand.Create(io));
        return root;
    }
}
