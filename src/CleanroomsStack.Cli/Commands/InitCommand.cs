using System.CommandLine;

namespace CleanroomsStack.Cli.Commands;

/// <summary><c>init</c>: write a commented starter collaborations.yaml (never over an existing file unless --force).</summary>
internal static class InitCommand
{
    public static Command Create(CommonOptions common, CliIo io)
    {
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };
        var command = new Command("init", "Write a commented starter collaborations.yaml to edit.\n" +
            "Example:\n" +
            "  cleanrooms-stack init && cleanrooms-stack validate") { force };
        command.SetAction(parsed =>
        {
            var path = common.Read(parsed).ConfigPath;
            if (File.Exists(path) && !parsed.GetValue(force))
            {
                io.Error.WriteLine($"error: '{path}' already exists; nothing was written.");
                io.Error.WriteLine("  hint: pass --force to overwrite it, or --config <other file>.");
                return ExitCodes.Error;
            }
            AtomicFile.WriteAllText(path, StarterConfig.Text);
            io.Out.WriteLine($"Wrote {path}. Edit it, then run `cleanrooms-stack validate` and `cleanrooms-stack preview`.");
            return ExitCodes.Success;
        });
        return command;
    }
}
