using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;

namespace CleanroomsStack.Cli.Views;

/// <summary>The plan as people read it: the text renderer over the same document the JSON output is made of.</summary>
internal static class PlanView
{
    public static void Write(TextWriter output, Plan plan, bool colour) =>
        output.Write(PlanTextRenderer.Render(PlanDocument.From(plan), new TextRenderOptions(Colour: colour)));
}
