using CleanroomsStack.Core.Planning;

namespace CleanroomsStack.Core.Rendering;

/// <summary>
/// The plan for a pull-request comment: a summary table, diagnostics, then one collapsible <c>&lt;details&gt;</c>
/// block per collaboration holding its changes as a diff-highlighted listing. Reads only the <see cref="PlanDocument"/>.
/// </summary>
public static class PlanMarkdownRenderer
{
    /// <param name="summary">Start with the summary line and table (off for a part of a plan whose counts would mislead).</param>
    public static string Render(PlanDocument plan, bool summary = true)
    {
        var writer = new StringWriter { NewLine = "\n" };
        if (summary)
        {
            writer.WriteLine("### cleanrooms-stack plan");
            writer.WriteLine();
            writer.WriteLine(PlanTextRenderer.SummaryLine(plan.Summary));
            writer.WriteLine();
            WriteSummaryTable(writer, plan);
        }
        WriteDiagnostics(writer, plan);
        foreach (var collaboration in plan.Collaborations)
            WriteCollaboration(writer, collaboration);
        return writer.ToString();
    }

    private static void WriteSummaryTable(StringWriter writer, PlanDocument plan)
    {
        writer.WriteLine("| collaboration | | create | update | replace | delete | unchanged | unmanaged | refused |");
        writer.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var c in plan.Collaborations)
        {
            int Count(ChangeAction action) => c.Changes.Count(ch => ChangeActions.FromJsonName(ch.Action) == action);
            writer.WriteLine($"| {Escape(c.Name)} | {Escape(c.Label)} | {Count(ChangeAction.Create)} | {Count(ChangeAction.Update)} | " +
                $"{Count(ChangeAction.Replace)} | {Count(ChangeAction.Delete)} | {Count(ChangeAction.NoOp)} | {c.Unmanaged.Count} | {c.Refused?.Count ?? 0} |");
        }
        writer.WriteLine();
    }

    private static void WriteDiagnostics(StringWriter writer, PlanDocument plan)
    {
        if (plan.Diagnostics.Count == 0)
            return;
        writer.WriteLine("```");
        writer.Write(DiagnosticsRenderer.Render(plan.Diagnostics.Select(d => d.ToDiagnostic())));
        writer.WriteLine("```");
        writer.WriteLine();
    }

    /// <summary>Collaborations with changes (or refused ones) open by default; unchanged ones stay collapsed.</summary>
    private static void WriteCollaboration(StringWriter writer, CollaborationDocument collaboration)
    {
        var changed = collaboration.Changes.Where(c => c.Action != ChangeAction.NoOp.Info().JsonName).ToList();
        var refused = collaboration.Refused?.Count ?? 0;
        writer.WriteLine(changed.Count + refused > 0 ? "<details open>" : "<details>");
        writer.WriteLine($"<summary><b>{Html(collaboration.Name)}</b> ({collaboration.Id}): {Html(collaboration.Label)}, " +
            $"{changed.Count} change(s)" + (refused > 0 ? $", {refused} refused" : "") + "</summary>");
        writer.WriteLine();
        writer.WriteLine("```diff");
        var body = new StringWriter { NewLine = "\n" };
        PlanTextRenderer.WriteCollaborationBody(body, collaboration, new TextRenderOptions(), new TextStyle(false));
        foreach (var line in body.ToString().TrimEnd('\n').Split('\n'))
            writer.WriteLine(DiffMarker(line));
        writer.WriteLine("```");
        writer.WriteLine();
        writer.WriteLine("</details>");
        writer.WriteLine();
    }

    /// <summary>GitHub colours a ```diff line by its first character: + green, - red, ! orange.</summary>
    private static string DiffMarker(string line)
    {
        var trimmed = line.TrimStart();
        var marker = trimmed.StartsWith("+-", StringComparison.Ordinal) ? '!'
            : trimmed.StartsWith('+') ? '+'
            : trimmed.StartsWith('~') ? '!'
            : trimmed.StartsWith("- ", StringComparison.Ordinal) ? '-'
            : ' ';
        return marker + line;
    }

    /// <summary>Text from AWS or the config made safe for a Markdown table cell (no HTML, no column break).</summary>
    public static string Escape(string text) => Html(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Html(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
