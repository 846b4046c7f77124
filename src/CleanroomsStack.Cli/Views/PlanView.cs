using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;

namespace CleanroomsStack.Cli.Views;

public enum PlanFormat { Text, Json, Markdown }

/// <summary>
/// The plan in the format asked for. Every format is rendered from the same <see cref="PlanDocument"/>, so they can't
/// disagree. Text is compact unless <paramref name="diff"/> asks for every attribute.
/// </summary>
internal static class PlanView
{
    public static void Write(TextWriter output, Plan plan, PlanFormat format, bool colour, bool diff) =>
        Write(output, PlanDocument.From(plan), format, colour, diff);

    /// <param name="summary">With the plan's summary (off for a part of a plan whose counts would mislead).</param>
    public static void Write(TextWriter output, PlanDocument document, PlanFormat format, bool colour, bool diff, bool summary = true) =>
        output.Write(format switch
        {
            PlanFormat.Json => PlanJson.Write(document),
            PlanFormat.Markdown => PlanMarkdownRenderer.Render(TerminalSafe.Document(document), summary),
            _ => PlanTextRenderer.Render(TerminalSafe.Document(document), new TextRenderOptions(Colour: colour, AllAttributes: diff, Summary: summary)),
        });
}
