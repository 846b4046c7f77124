using System.CommandLine;
using CleanroomsStack.Core.Schema;

namespace CleanroomsStack.Cli.Commands;

/// <summary><c>schema</c>: the JSON Schema of collaborations.yaml for editors, generated from the configuration model.</summary>
internal static class SchemaCommand
{
    public const string CheckedInPath = "schema/collaborations.schema.json";

    public static Command Create(CliIo io)
    {
        var output = new Option<string?>("--out") { Description = $"Write the schema to this file (the repository keeps it at {CheckedInPath})." };
        var command = new Command("schema", "Print the JSON Schema of collaborations.yaml (for editor completion and checks as you type).\n" +
            "Example:\n" +
            $"  cleanrooms-stack schema --out {CheckedInPath}") { output };
        command.SetAction(parsed =>
        {
            var schema = JsonSchemaGenerator.Generate();
            if (parsed.GetValue(output) is not { } path)
            {
                io.Out.Write(schema);
                return ExitCodes.Success;
            }
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            if (!Directory.Exists(folder))
            {
                io.Error.WriteLine($"error: folder '{folder}' does not exist.");
                io.Error.WriteLine("  hint: create it first, or pass --out with a path in an existing folder.");
                return ExitCodes.Error;
            }
            AtomicFile.WriteAllText(path, schema);
            io.Out.WriteLine($"Wrote {path}.");
            return ExitCodes.Success;
        });
        return command;
    }
}
