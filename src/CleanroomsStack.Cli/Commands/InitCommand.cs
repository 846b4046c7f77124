using System.CommandLine;

namespace CleanroomsStack.Cli.Commands;

/// <summary><c>init</c>: write a commented starter collaborations.yaml (never over an existing file unless --force).</summary>
internal static class InitCommand
{
    public static Command Create(CommonOptions common, CliIo io)
    {
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };
        var command = new Command("init", "Write a commented starter collaborations.yaml to edit (with --stack NAME: collaborations.NAME.yaml).\n" +
            "Examples:\n" +
            "  cleanrooms-stack init && cleanrooms-stack validate\n" +
            "  cleanrooms-stack init --stack dev                     a second account, sharing the defaults of collaborations.yaml") { force };
        command.SetAction(parsed =>
        {
            var settings = common.Read(parsed);
            var path = settings.ConfigPath;
            if (File.Exists(path) && !parsed.GetValue(force))
            {
                io.Error.WriteLine($"error: '{Files.SafeFiles.Shown(path)}' already exists; nothing was written.");
                io.Error.WriteLine("  hint: pass --force to overwrite it, or --config <other file>.");
                return ExitCodes.Error;
            }
            // A stack beside an existing config shares its defaults; without one it starts from the full starter.
            var shared = settings.Stack is not null && File.Exists(settings.DefaultConfigPath) ? Path.GetFileName(settings.DefaultConfigPath) : null;
            AtomicFile.WriteAllText(path, shared is null ? StarterConfig.Text : StarterConfig.ForStack(settings.Stack!, shared));
            var extending = shared is null ? "" : $", extending {Files.SafeFiles.Shown(shared)}";
            var flag = settings.Stack is { } name ? $" --stack {name}" : "";
            io.Out.WriteLine($"Wrote {Files.SafeFiles.Shown(path)}{extending}. Edit it, then run `cleanrooms-stack validate{flag}` and `cleanrooms-stack preview{flag}`.");
            return ExitCodes.Success;
        });
        return command;
    }
}
