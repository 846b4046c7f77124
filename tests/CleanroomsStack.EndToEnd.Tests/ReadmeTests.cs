using System.Text.RegularExpressions;
using CleanroomsStack.Cli;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// The README's examples are what the tool prints: the ```text blocks of README.md that show commands ("$ …") are run,
/// in order, command by command, as a reader following them runs them, in a fresh folder of their own: a command with
/// `--reset-local` starts the local state over (the README starts each part of its walk-through with it), with the
/// emulator's default behaviours. Each command's output (stdout and stderr as a terminal shows them) must be what the
/// README shows. A "…" line in the README
/// stands for lines left out; `| head -N` and `| tail -N` are applied; `# exit N` is the expected exit code (0 when
/// the README says none); "after someone edits a rule in the console" makes that edit before the next command.
/// Normalised on both sides, and only these, since they must vary: the scratch folder in paths, durations
/// ("1.2s"), and the membership ids AWS mints at run time ("membership 4aa4…").
/// </summary>
public sealed partial class ReadmeTests
{
    private static readonly string[] Programs = ["dotnet run --project src/CleanroomsStack.Cli -- ", "cleanrooms-stack "];
    private static readonly string[] PathOptions = ["--out", "--out-dir", "--plan"];

    [Fact]
    public async Task EveryExampleShowsWhatTheToolPrintsWhenTheReadmeIsFollowedFromAFreshClone()
    {
        var blocks = ReadmeExamples.Read(RepoRoot.File("README.md"));
        Assert.True(blocks.Count >= 3, "the README's examples were not found");
        Assert.Contains("--reset-local", blocks[0].Commands[0].Line); // the set-up section's `up` already applied the demo
        using var cli = new CliHarness();
        foreach (var (line, command) in blocks.SelectMany(b => b.Commands.Select(c => (b.Line, c))))
        {
            var (text, filter, comment) = ReadmeExamples.Parse(command.Line);
            var output = new List<string>();
            var exit = 0;
            foreach (var part in text.Split(" && "))
            {
                var run = await RunAsync(cli, part);
                // Through a pipe only stdout is filtered; stderr (written first: the reading header) reaches the terminal as it is.
                output.AddRange(filter is null ? run.Both : [.. run.Error, .. filter(run.Out)]);
                exit = run.Exit;
                if (exit != 0) break;
            }
            var shown = output;
            var expected = command.Expected.Select(l => cli.Normalize(l)).ToList();

            Assert.True(ReadmeExamples.Shows(expected, shown),
                $"README.md (block at line {line + 1}): `$ {command.Line}` printed:\n{string.Join("\n", shown)}\n--- the README shows:\n{string.Join("\n", expected)}");
            var expectedExit = ExitCode().Match(comment) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            Assert.True(expectedExit == exit, $"`$ {command.Line}` exited {exit}, the README says {expectedExit}:\n{string.Join("\n", output)}");
            if (comment.Contains("edits a rule in the console", StringComparison.Ordinal))
                await cli.ChangeOutOfBandAsync(api => CliOutputTests.NarrowReceiversAsync(api, "acx_part_age"));
        }
    }

    /// <summary>Runs one command of the README against the harness's config and local state; stdout and stderr as one stream.</summary>
    private static async Task<(int Exit, IReadOnlyList<string> Both, IReadOnlyList<string> Out, IReadOnlyList<string> Error)> RunAsync(CliHarness cli, string command)
    {
        var program = Programs.Single(p => command.StartsWith(p, StringComparison.Ordinal));
        var args = command[program.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (PathOptions.Contains(args[i]) && args[i + 1] != "-") args[i + 1] = Path.Combine(cli.Folder, args[i + 1]);
        }
        if (args.Contains("--local")) args.AddRange(["--local-dir", cli.LocalDir]);
        args.AddRange(["--config", cli.ConfigPath]);
        using var terminal = new StringWriter();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync([.. args], CliIo.Captured(new Tee(terminal, stdout), new Tee(terminal, stderr)));
        return (exit, Lines(terminal), Lines(stdout), Lines(stderr));

        IReadOnlyList<string> Lines(StringWriter writer) =>
            writer.ToString().Length == 0 ? [] : cli.Normalize(writer.ToString()).TrimEnd('\n').Split('\n');
    }

    /// <summary>Writes to the terminal (both streams, in order) and to one stream's own record.</summary>
    private sealed class Tee(TextWriter terminal, TextWriter stream) : TextWriter
    {
        public override System.Text.Encoding Encoding => terminal.Encoding;

        public override void Write(char value)
        {
            lock (terminal)
            {
                terminal.Write(value);
                stream.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (terminal)
            {
                terminal.Write(value);
                stream.Write(value);
            }
        }
    }

    [GeneratedRegex(@"\bexit (\d+)")]
    private static partial Regex ExitCode();
}
