using System.CommandLine;
using CleanroomsStack.Cli.Views;

namespace CleanroomsStack.Cli.Commands;

/// <summary>How a command that shows a plan shows it: --json, --markdown, --diff.</summary>
internal sealed record PlanOutputSettings(PlanFormat Format, bool Diff);

internal sealed class PlanOutputOptions
{
    private readonly Option<bool> json = new("--json") { Description = "Print the plan as a versioned JSON document (docs/plan-json.md)." };
    private readonly Option<bool> markdown = new("--markdown") { Description = "Print the plan as a pull-request comment (Markdown)." };
    private readonly Option<bool> diff = new("--diff") { Description = "Show every attribute of every change, not only what changes." };

    public void AddTo(Command command)
    {
        command.Options.Add(json);
        command.Options.Add(markdown);
        command.Options.Add(diff);
        command.Validators.Add(r =>
        {
            if (r.GetValue(json) && r.GetValue(markdown)) r.AddError("--json and --markdown can't be used together; pick one.");
        });
    }

    public PlanOutputSettings Read(ParseResult r) => new(
        r.GetValue(json) ? PlanFormat.Json : r.GetValue(markdown) ? PlanFormat.Markdown : PlanFormat.Text, r.GetValue(diff));
}
