using CleanroomsStack.Core.Planning;

namespace CleanroomsStack.Core.Rendering;

/// <param name="Colour">ANSI colours (off for files, pipes and tests).</param>
/// <param name="ShowUnchanged">List no-op resources too, instead of only counting them.</param>
/// <param name="AllAttributes">Every attribute of creates and deletes too (the CLI's --diff); updates and replaces always show theirs.</param>
/// <param name="Summary">End with the summary line (off for a part of a plan whose counts would mislead, e.g. drift's pending work).</param>
public sealed record TextRenderOptions(bool Colour = false, bool ShowUnchanged = false, bool AllAttributes = true, bool Summary = true);

/// <summary>
/// The plan for people, Terraform/Pulumi style: per collaboration, one line per change with its symbol
/// (+ create, ~ update, +- replace, - delete), the reason, the attribute diffs (before → after), then the
/// unmanaged resources, and a summary line. Reads only the <see cref="PlanDocument"/>.
/// </summary>
public static class PlanTextRenderer
{
    private const string Absent = "(none)";

    public static string Render(PlanDocument plan, TextRenderOptions? options = null)
    {
        options ??= new TextRenderOptions();
        var style = new TextStyle(options.Colour);
        var writer = new StringWriter { NewLine = "\n" };
        if (plan.Diagnostics.Count > 0)
        {
            writer.Write(DiagnosticsRenderer.Render(plan.Diagnostics.Select(d => d.ToDiagnostic()), options.Colour));
            writer.WriteLine();
        }
        foreach (var collaboration in plan.Collaborations)
            WriteCollaboration(writer, collaboration, options, style);
        if (options.Summary)
            writer.WriteLine(SummaryLine(plan.Summary));
        return writer.ToString();
    }

    public static string SummaryLine(PlanSummaryDocument s)
    {
        var tail = $"{s.Unchanged} unchanged; {s.Unmanaged} unmanaged.";
        if (s.Errors)
            return "Plan incomplete: fix the errors above; nothing can be applied until then.";
        return s.HasChanges
            ? $"Plan: {s.Create} to create, {s.Update} to update, {s.Replace} to replace, {s.Delete} to delete; {tail}"
            : $"No changes. {tail}";
    }

    private static void WriteCollaboration(StringWriter writer, CollaborationDocument collaboration, TextRenderOptions options, TextStyle style)
    {
        writer.WriteLine(style.Bold($"{collaboration.Name} ({collaboration.Id})") + $": {collaboration.Label}");
        WriteCollaborationBody(writer, collaboration, options, style);
        writer.WriteLine();
    }

    /// <summary>The changes and unmanaged resources of one collaboration, without its heading (shared with Markdown).</summary>
    internal static void WriteCollaborationBody(StringWriter writer, CollaborationDocument collaboration, TextRenderOptions options, TextStyle style)
    {
        var unchanged = 0;
        foreach (var change in collaboration.Changes)
        {
            var action = ChangeActions.FromJsonName(change.Action);
            if (action == ChangeAction.NoOp && !options.ShowUnchanged)
            {
                unchanged++;
                continue;
            }
            WriteChange(writer, change, action, ChangeNames.Relative(change.Address, collaboration.Id), style, options.AllAttributes);
        }
        if (collaboration.Refused is { Count: > 0 } refused)
        {
            writer.WriteLine(style.Error($"  refused, not applied ({refused.Count}):"));
            foreach (var change in refused)
                WriteChange(writer, change, ChangeActions.FromJsonName(change.Action), ChangeNames.Relative(change.Address, collaboration.Id), style, options.AllAttributes);
        }
        foreach (var unmanaged in collaboration.Unmanaged)
            writer.WriteLine($"  {style.Dim($"? {ChangeNames.Relative(unmanaged.Address, collaboration.Id)}")}  # unmanaged: {unmanaged.Reason}");
        if (unchanged > 0)
            writer.WriteLine(style.Dim($"  ({unchanged} unchanged)"));
    }

    private static void WriteChange(StringWriter writer, ChangeDocument change, ChangeAction action, string address, TextStyle style, bool allAttributes)
    {
        var symbol = action.Info().Symbol.PadRight(2);
        writer.WriteLine($"  {style.Action(action, $"{symbol} {address}")}");
        writer.WriteLine($"        {style.Dim($"# {action.Info().Verb}: {change.Reason}")}");
        if (!allAttributes && action is ChangeAction.Create or ChangeAction.Delete) return;
        var width = change.Diffs.Count == 0 ? 0 : change.Diffs.Max(d => d.Path.Length);
        foreach (var diff in change.Diffs)
            writer.WriteLine($"        {diff.Path.PadRight(width)}  {DiffValue(diff, action)}");
    }

    /// <summary>Creates show the new value, deletes the old one, updates and replaces both.</summary>
    private static string DiffValue(DiffDocument diff, ChangeAction action)
    {
        var value = action switch
        {
            ChangeAction.Create => AttributeValue.Render(diff.After) ?? Absent,
            ChangeAction.Delete => AttributeValue.Render(diff.Before) ?? Absent,
            _ => $"{AttributeValue.Render(diff.Before) ?? Absent} → {AttributeValue.Render(diff.After) ?? Absent}",
        };
        return diff.ForcesReplacement ? value + "  (forces replacement)" : value;
    }
}
