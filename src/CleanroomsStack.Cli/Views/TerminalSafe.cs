using System.Text;
using System.Text.Json.Nodes;
using CleanroomsStack.Core.Rendering;

namespace CleanroomsStack.Cli.Views;

/// <summary>
/// Output for people made safe from what AWS or a file put in a string (<see cref="TerminalText.Escape"/>): a writer
/// for plain output, and an escaped copy of the plan document for the renderers that add colours of their own.
/// </summary>
internal static class TerminalSafe
{
    /// <summary>Escapes every control character written through it except the line ends the views write themselves.</summary>
    public static TextWriter Writer(TextWriter inner) => inner is EscapingWriter ? inner : new EscapingWriter(inner);

    /// <summary>
    /// The plan with every string escaped, through its JSON form: type-blind, so a new field or attribute can't be
    /// forgotten. The JSON output itself is written from the original (JSON escapes by its own rules).
    /// </summary>
    public static PlanDocument Document(PlanDocument document)
    {
        var json = JsonNode.Parse(PlanJson.Write(document))!;
        EscapeStrings(json);
        return PlanJson.Read(json.ToJsonString()) ?? document;
    }

    /// <summary>Replaces every string value inside <paramref name="node"/>, at any depth, by its escaped form.</summary>
    private static void EscapeStrings(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject members:
                foreach (var name in members.Select(m => m.Key).ToList())
                {
                    if (members[name] is JsonValue value && value.TryGetValue<string>(out var text)) members[name] = TerminalText.Escape(text);
                    else EscapeStrings(members[name]);
                }
                break;
            case JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is JsonValue value && value.TryGetValue<string>(out var text)) items[i] = TerminalText.Escape(text);
                    else EscapeStrings(items[i]);
                }
                break;
        }
    }

    private sealed class EscapingWriter(TextWriter inner) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string NewLine { get => inner.NewLine; set => inner.NewLine = value; }

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value) => inner.Write(EscapeKeepingLines(value));

        public override void WriteLine(string? value) => inner.WriteLine(EscapeKeepingLines(value));

        public override void WriteLine() => inner.WriteLine();

        public override void Flush() => inner.Flush();

        private static string EscapeKeepingLines(string? text) =>
            text is null ? "" : string.Join('\n', text.Split('\n').Select(TerminalText.Escape));
    }
}
