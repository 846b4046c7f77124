using System.Text.RegularExpressions;
using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.GitOps.Tests.Schema;

/// <summary>
/// The declarative description the editor schema is generated from says what the loader enforces: the same keys in every
/// mapping (read from the loader's unknown-key diagnostics), the same enum values, and patterns that accept and reject
/// what the loader does.
/// </summary>
public sealed class SchemaAgreesWithLoaderTests
{
    private const string Probe = "zz_probe";

    [Fact]
    public void ASampleSettingEveryDescribedKeyLoadsWithoutAProblem()
    {
        var result = Load(SampleDocuments.Full().ToJsonString());

        Assert.True(result.Config is not null, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void EveryMappingHasExactlyTheKeysTheLoaderKnows()
    {
        var mappings = SampleDocuments.All(ConfigSchema.Root).Where(n => n.Node is ObjectNode { Values: null }).ToList();
        Assert.True(mappings.Count >= 12, $"only {mappings.Count} mappings described");
        foreach (var (path, node) in mappings.Select(m => (m.Path, (ObjectNode)m.Node)))
        {
            var result = Load(SampleDocuments.With([.. path, Probe], "x"));
            var unknown = result.Diagnostics.FirstOrDefault(d => d.Code == DiagnosticCodes.UnknownKey && d.Message.Contains($"'{Probe}'"));
            Assert.True(unknown is not null, $"the loader accepted an unknown key at '{string.Join('.', path)}'");
            Assert.Equal(node.Properties.Select(p => p.Key).Order(StringComparer.Ordinal), ListAfter(unknown!.Hint!, "known keys here: "));
        }
    }

    [Fact]
    public void EveryEnumHasExactlyTheValuesTheLoaderAllows()
    {
        var enums = SampleDocuments.All(ConfigSchema.Root).Where(n => n.Node is StringNode { Enum: not null }).ToList();
        Assert.True(enums.Count >= 8, $"only {enums.Count} enums described");
        foreach (var described in enums)
        {
            var result = Load(SampleDocuments.With(described.Path, "ZZ_BAD"));
            var invalid = result.Diagnostics.FirstOrDefault(d => d.Code == DiagnosticCodes.InvalidEnum && d.Message.Contains("'ZZ_BAD'"));
            Assert.True(invalid is not null, $"the loader accepted 'ZZ_BAD' at {described.Where}");
            Assert.Equal(((StringNode)described.Node).Enum!.Order(StringComparer.Ordinal), ListAfter(invalid!.Hint!, "allowed values: "));
        }
    }

    [Fact]
    public void EveryPatternAcceptsItsExampleAndRejectsItsCounterexampleAsTheLoaderDoes()
    {
        var patterns = SampleDocuments.All(ConfigSchema.Root).Where(n => n.Node is StringNode { Pattern: not null }).ToList();
        Assert.True(patterns.Count >= 10, $"only {patterns.Count} patterns described");
        foreach (var described in patterns)
        {
            var node = (StringNode)described.Node;
            Assert.True(Regex.IsMatch(node.Example, node.Pattern!), $"{described.Where}: the pattern rejects its own example '{node.Example}'");
            Assert.True(node.Counterexample is not null, $"{described.Where}: give the pattern a counterexample the loader rejects");
            Assert.False(Regex.IsMatch(node.Counterexample!, node.Pattern!), $"{described.Where}: the pattern accepts '{node.Counterexample}'");
            var result = Load(SampleDocuments.With(described.Path, node.Counterexample));
            Assert.True(result.Diagnostics.Any(d => d.Severity == Severity.Error), $"{described.Where}: the loader accepts '{node.Counterexample}'");
        }
    }

    [Fact]
    public void EveryNumberRangeIsTheLoaderRange()
    {
        foreach (var described in SampleDocuments.All(ConfigSchema.Root).Where(n => n.Node is IntNode))
        {
            var node = (IntNode)described.Node;
            Assert.DoesNotContain(Load(SampleDocuments.With(described.Path, node.Maximum)).Diagnostics, d => d.Severity == Severity.Error);
            Assert.Contains(Load(SampleDocuments.With(described.Path, node.Maximum + 1)).Diagnostics, d => d.Severity == Severity.Error);
            Assert.Contains(Load(SampleDocuments.With(described.Path, node.Minimum - 1)).Diagnostics, d => d.Severity == Severity.Error);
        }
    }

    [Fact]
    public void RequiredKeysAreRequiredByTheLoader()
    {
        var required = SampleDocuments.All(ConfigSchema.Root)
            .Where(n => n.Node is ObjectNode)
            .SelectMany(n => ((ObjectNode)n.Node).Properties.Where(p => p.Required).Select(p => (IReadOnlyList<object>)[.. n.Path, p.Key]))
            // Inside a collaboration's settings a key may come from defaults (maps merge), so those are checked under defaults.
            .Where(path => !(path[0] is "collaborations" && path.Count > 3))
            .ToList();
        Assert.True(required.Count >= 7);
        foreach (var path in required)
        {
            var diagnostics = Load(SampleDocuments.Without(path)).Diagnostics;
            Assert.True(diagnostics.Any(d => d.Code == DiagnosticCodes.MissingKey && d.Message.Contains($"'{path[^1]}'")),
                $"the loader does not require {string.Join('.', path)}: {string.Join("; ", diagnostics)}");
        }
    }

    /// <summary>Loads a sample as a stack's file whose extends (the sample's "collaborations.yaml") holds a minimal config.</summary>
    private static ConfigLoadResult Load(string text) =>
        ConfigLoader.Load(text, "collaborations.dev.yaml", _ => new ConfigFileRead("version: 1\n", null));

    /// <summary>The comma-separated list a diagnostic hint ends with.</summary>
    private static IEnumerable<string> ListAfter(string hint, string label)
    {
        var at = hint.IndexOf(label, StringComparison.Ordinal);
        Assert.True(at >= 0, $"hint without '{label}': {hint}");
        return hint[(at + label.Length)..].Split(", ").Order(StringComparer.Ordinal);
    }
}
