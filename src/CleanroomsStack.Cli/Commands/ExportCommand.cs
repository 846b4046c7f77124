using System.CommandLine;
using CleanroomsStack.Core.Export;

namespace CleanroomsStack.Cli.Commands;

/// <summary>
/// <c>export pulumi</c>: the managed resources as a Pulumi YAML program on the aws-native provider, with import ids for
/// what already exists, so ownership can move to Pulumi without re-creating anything. Reads live state; never writes to AWS.
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CommonOptions common, CliIo io)
    {
        var export = new Command("export", "Hand the managed resources to another tool.");
        export.Subcommands.Add(Pulumi(common, io));
        return export;
    }

    private static Command Pulumi(CommonOptions common, CliIo io)
    {
        // --stack selects our stack (its config); the Pulumi stack takes its name unless told otherwise.
        var stack = new Option<string?>("--pulumi-stack") { Description = "Pulumi stack name (writes Pulumi.<stack>.yaml). [default: the --stack name, else prod]" };
        var outDir = new Option<string>("--out-dir") { Description = "Folder for Pulumi.yaml and the stack file.", DefaultValueFactory = _ => "pulumi" };
        var project = new Option<string>("--project") { Description = "Pulumi project name.", DefaultValueFactory = _ => "cleanrooms" };
        stack.Validators.Add(r => CheckName(r, r.GetValueOrDefault<string?>(), "--pulumi-stack"));
        project.Validators.Add(r => CheckName(r, r.GetValueOrDefault<string>(), "--project"));
        var command = new Command("pulumi", "Write a Pulumi YAML program (aws-native provider) declaring the managed resources, with import ids for existing ones.\n" +
            "Examples:\n" +
            "  cleanrooms-stack export pulumi --profile prod --out-dir pulumi\n" +
            "  cd pulumi && pulumi stack init prod && pulumi preview      every existing resource shows as an import")
        {
            stack, outDir, project,
        };
        command.SetAction((parsed, ct) =>
        {
            var settings = common.Read(parsed);
            var run = new StackRun(settings, io);
            return run.WithSessionAsync(async (loaded, session) =>
            {
                if (await run.PlanAsync(session, loaded.Config, ct) is not { Plan: { } plan, Desired: { } desired, Live: { } live }) return ExitCodes.Error;

                var program = PulumiProgramBuilder.Build(desired, live, parsed.GetValue(project)!, parsed.GetValue(stack) ?? settings.Stack ?? "prod");
                var folder = parsed.GetValue(outDir)!;
                Directory.CreateDirectory(folder);
                var projectFile = Path.Combine(folder, PulumiYamlWriter.ProjectFileName);
                var stackFile = Path.Combine(folder, PulumiYamlWriter.StackFileName(program.Stack));
                AtomicFile.WriteAllText(projectFile, PulumiYamlWriter.ProjectFile(program));
                AtomicFile.WriteAllText(stackFile, PulumiYamlWriter.StackFile(program));

                var imports = program.Resources.Count(r => r.ImportId is not null);
                io.Out.WriteLine($"Wrote {projectFile} and {stackFile}: {program.Resources.Count} resources, {imports} to import, " +
                                 $"{program.Resources.Count - imports} to create.");
                if (plan.HasChanges)
                {
                    io.Error.WriteLine("warning: the account differs from the config (run `cleanrooms-stack preview`); Pulumi imports only resources whose");
                    io.Error.WriteLine("  properties match the program, so run `cleanrooms-stack up` before `pulumi up`.");
                }
                return ExitCodes.Success;
            }, ct);
        });
        return command;
    }

    /// <summary>Pulumi project and stack names: letters, digits, '-', '_' and '.'.</summary>
    private static void CheckName(System.CommandLine.Parsing.OptionResult result, string? name, string option)
    {
        if (string.IsNullOrEmpty(name) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            result.AddError($"{option} '{name}' is not a Pulumi name: use letters, digits, '-', '_' and '.'.");
    }
}
