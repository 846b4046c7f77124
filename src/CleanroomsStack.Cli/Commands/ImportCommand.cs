using System.CommandLine;
using CleanroomsStack.Cli.Composition;
using CleanroomsStack.Cli.Files;
using CleanroomsStack.Core.Import;
using CleanroomsStack.Engine.Reading;

namespace CleanroomsStack.Cli.Commands;

/// <summary>
/// <c>import</c>: write a collaborations.yaml from the live account, so a team that set things up by hand or with
/// scripts adopts the tool in one step; right after, <c>preview</c> with it shows no changes.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CommonOptions common, CliIo io)
    {
        var output = new Option<string?>("--out", "-o") { Description = "Where to write the config (default: the --config path; - for standard output)." };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };
        var command = new Command("import",
            "Write collaborations.yaml from the live account (active memberships, associations, rules, ID namespace associations).\n" +
            "Example:\n" +
            "  cleanrooms-stack import --profile prod --region us-east-1 && cleanrooms-stack preview --profile prod")
        {
            output, force,
        };
        command.SetAction((parsed, ct) =>
        {
            var settings = common.Read(parsed);
            var path = parsed.GetValue(output) ?? settings.ConfigPath;
            var run = new StackRun(settings, io);
            var toStdout = path == SafeFiles.StandardOutput;
            return run.GuardAsync(async () =>
            {
                run.CheckFiles(new OutputFile(path, "--out", "Pass --out <file> with the path of a regular file, or - for standard output."));
                if (!toStdout && File.Exists(path) && !parsed.GetValue(force))
                {
                    io.Error.WriteLine($"error: '{path}' already exists; nothing was written.");
                    io.Error.WriteLine("  hint: pass --force to overwrite it, or --out <other file>.");
                    return ExitCodes.Error;
                }
                await using var session = await ApiSession.OpenAsync(settings, settings.Region, io.Error, ct);
                io.Error.WriteLine($"Reading the live account from {session.Describe()} ...");
                // The account-wide lists first: the active memberships say what to import, and both readers start from them.
                var inventoryReader = new InventoryReader(session.Api, session.Region, settings.Parallel);
                var listing = await inventoryReader.ListAsync(new HashSet<string>(), ct);
                var active = listing.Memberships.Where(m => m.Status == "ACTIVE").Select(m => m.CollaborationId).ToHashSet(StringComparer.Ordinal);
                var inventory = await inventoryReader.CompleteAsync(listing, active, everyOpenCollaboration: false, ct);
                var cache = ReadCacheFile.Open(settings.ReadCache, settings.Stack, io.Error);
                var live = await new LiveStateReader(session.Api, settings.Parallel, cache?.Cache).ReadAsync(listing.Memberships, active, ct);
                cache?.Save();
                var yaml = ConfigImporter.ToYaml(inventory, live);
                session.Finish(io.Error);
                if (toStdout)
                {
                    io.Out.Write(yaml);
                    return ExitCodes.Success;
                }
                AtomicFile.WriteAllText(path, yaml);
                io.Out.WriteLine($"Wrote {SafeFiles.Shown(path)} with {active.Count} collaboration{(active.Count == 1 ? "" : "s")}. " +
                                 "Review it, then run `cleanrooms-stack preview`: it should report no changes.");
                return ExitCodes.Success;
            });
        });
        return command;
    }
}
