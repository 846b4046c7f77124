using CleanroomsStack.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CleanroomsStack.Core.Config.Yaml;

/// <summary>
/// Reads YAML text into a <see cref="YamlNode"/> tree through YamlDotNet's event parser, turning every problem
/// (syntax errors, duplicate keys, unknown aliases, excessive nesting, several documents) into a diagnostic.
/// </summary>
public sealed class YamlTreeReader
{
    /// <summary>Deeper than any sensible config; bounds recursion so hostile input can't exhaust the stack.</summary>
    public const int MaxDepth = 32;

    private const string SyntaxHint = "check indentation, quoting, brackets and ':' separators around this position";

    private readonly string _file;
    private readonly string _text;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<YamlNode, int> _heights = new(ReferenceEqualityComparer.Instance);
    private readonly IParser _parser;

    private YamlTreeReader(string text, string file)
    {
        _file = file;
        _text = text;
        _parser = new Parser(new StringReader(text));
    }

    public static (YamlNode? Root, IReadOnlyList<Diagnostic> Diagnostics) Read(string text, string file)
    {
        var reader = new YamlTreeReader(text, file);
        var root = reader.ReadStream();
        return (root, reader._diagnostics);
    }

    private YamlNode? ReadStream()
    {
        try
        {
            _parser.Consume<StreamStart>();
            if (_parser.Accept<StreamEnd>(out _))
                return null;
            var root = ReadDocument();
            if (_parser.Accept<DocumentStart>(out var second))
            {
                _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, "the file holds more than one YAML document",
                    At(second.Start), "keep a single document: remove the '---' separator and what follows it"));
            }
            return root;
        }
        catch (YamlException e)
        {
            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, $"YAML syntax error: {Describe(e)}",
                At(Culprit(e)), SyntaxHint));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner throws these (instead of YamlException) on some malformed input; the position of the
            // last event it did produce is the best place we know.
            var where = _parser.Current?.End ?? Mark.Empty;
            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, "YAML syntax error after this position", At(where), SyntaxHint));
            return null;
        }
    }

    private YamlNode? ReadDocument()
    {
        _parser.Consume<DocumentStart>();
        var root = _parser.Accept<DocumentEnd>(out _) ? null : ReadNode(1);
        _parser.Consume<DocumentEnd>();
        return root;
    }

    private YamlNode ReadNode(int depth)
    {
        if (depth > MaxDepth)
            return SkipTooDeep();
        if (_parser.TryConsume<YamlDotNet.Core.Events.AnchorAlias>(out var alias))
            return ResolveAlias(alias, depth);
        if (_parser.TryConsume<Scalar>(out var scalar))
            return Remember(scalar.Anchor, new YamlScalar(scalar.Value, IsPlain(scalar), At(scalar.Start)));
        if (_parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<YamlNode>();
            while (!_parser.TryConsume<SequenceEnd>(out _))
                items.Add(ReadNode(depth + 1));
            return Remember(sequenceStart.Anchor, new YamlSequence(items, At(sequenceStart.Start)));
        }
        var mappingStart = _parser.Consume<MappingStart>();
        return Remember(mappingStart.Anchor, ReadMappingBody(At(mappingStart.Start), depth));
    }

    private YamlMapping ReadMappingBody(SourceLocation location, int depth)
    {
        var entries = new List<YamlEntry>();
        var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var keyNode = ReadNode(depth + 1);
            var value = ReadNode(depth + 1);
            if (keyNode is not YamlScalar key || key.IsNull)
            {
                _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.WrongType, $"a key must be a plain name, found {keyNode.Describe()}",
                    keyNode.Location, "write keys as simple words such as 'name:'"));
                continue;
            }
            if (seen.TryGetValue(key.Value, out var first))
            {
                _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateKey, $"duplicate key '{key.Value}'", key.Location,
                    $"'{key.Value}' is already set at line {first.Location.Line}; keep one of the two"));
                continue;
            }
            seen[key.Value] = key;
            entries.Add(new YamlEntry(key, value));
        }
        return new YamlMapping(entries, location);
    }

    /// <summary>Reports excessive nesting once and skips the whole subtree, returning a null placeholder.</summary>
    private YamlNode SkipTooDeep()
    {
        var start = _parser.Current!.Start;
        _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TooDeep, $"nesting deeper than {MaxDepth} levels", At(start),
            "the configuration format is only a few levels deep; check the indentation or brackets here"));
        var open = 0;
        do
        {
            var current = _parser.Current!;
            if (current is MappingStart or SequenceStart) open++;
            else if (current is MappingEnd or SequenceEnd) open--;
            _parser.MoveNext();
        } while (open > 0);
        return new YamlScalar("", true, At(start));
    }

    /// <summary>
    /// An alias shares the anchored node (nothing is copied, so alias bombs stay small); the nesting limit still
    /// applies to where the shared node ends up, so chains of aliases can't build unbounded depth.
    /// </summary>
    private YamlNode ResolveAlias(AnchorAlias alias, int depth)
    {
        if (_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            if (depth + Height(target) - 1 <= MaxDepth)
                return target;
            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TooDeep, $"alias '*{alias.Value.Value}' nests deeper than {MaxDepth} levels",
                At(alias.Start), "the configuration format is only a few levels deep; don't nest aliases inside aliases"));
            return new YamlScalar("", true, At(alias.Start));
        }
        _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, $"unknown alias '*{alias.Value.Value}'", At(alias.Start),
            $"define the anchor '&{alias.Value.Value}' before using it"));
        return new YamlScalar("", true, At(alias.Start));
    }

    /// <summary>Levels in a node's subtree, memoised per node so shared (aliased) nodes are measured once.</summary>
    private int Height(YamlNode node)
    {
        if (_heights.TryGetValue(node, out var known))
            return known;
        var height = node switch
        {
            YamlSequence sequence => 1 + sequence.Items.Select(Height).DefaultIfEmpty(0).Max(),
            YamlMapping mapping => 1 + mapping.Entries.Select(e => Math.Max(Height(e.Key), Height(e.Value))).DefaultIfEmpty(0).Max(),
            _ => 1,
        };
        _heights[node] = height;
        return height;
    }

    private YamlNode Remember(AnchorName anchor, YamlNode node)
    {
        if (!anchor.IsEmpty)
            _anchors[anchor.Value] = node;
        return node;
    }

    /// <summary>An explicitly tagged scalar (e.g. <c>!!str 123</c>) is taken as written, like a quoted one.</summary>
    private static bool IsPlain(Scalar scalar) => scalar.Style == ScalarStyle.Plain && scalar.Tag.IsEmpty;

    private SourceLocation At(Mark mark) => new(_file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    /// <summary>
    /// Where the mistake is. A scanner error spans from the construct being scanned (Start: a mapping that began on
    /// line 1) to the character that broke it (End), so when they are on different lines End is the place to look.
    /// Some errors (a tab as indentation) carry no position at all: then the first tab-indented line after the last
    /// event read, or that event's end.
    /// </summary>
    private Mark Culprit(YamlException e)
    {
        if (!IsEmpty(e.Start) || !IsEmpty(e.End)) return e.End.Line > e.Start.Line ? e.End : e.Start;
        var after = _parser.Current?.End ?? Mark.Empty;
        var lines = _text.Split('\n');
        for (var i = (int)Math.Max(0, after.Line - 1); i < lines.Length; i++)
        {
            var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indentation);
            if (tab >= 0) return new Mark(0, i + 1, tab + 1);
        }
        return after;
    }

    private static bool IsEmpty(Mark mark) => mark.Index == Mark.Empty.Index && mark.Line == Mark.Empty.Line && mark.Column == Mark.Empty.Column;

    /// <summary>YamlDotNet prefixes messages with the position, which we already report separately.</summary>
    private static string Describe(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        var closing = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && closing > 0 ? message[(closing + 3)..] : message;
    }
}
