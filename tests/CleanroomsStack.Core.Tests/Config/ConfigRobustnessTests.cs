using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;
using static CleanroomsStack.Core.Tests.Config.ConfigText;

namespace CleanroomsStack.Core.Tests.Config;

/// <summary>
/// Mutated configs must never throw: every load either yields a config or at least one positioned error.
/// The mutations are seeded, so a failure reproduces.
/// </summary>
public class ConfigRobustnessTests
{
    [Fact]
    public void Every_truncation_of_a_valid_config_loads_or_reports_errors()
    {
        for (var length = 0; length < Valid.Length; length++)
            AssertLoadsOrExplains(Valid[..length]);
    }

    [Fact]
    public void Random_mutations_load_or_report_errors()
    {
        var random = new Random(20251125);
        string[] fragments = ["[", "]", "{", "}", ":", "- ", "\n", "\t", "'", "\"", "&a ", "*a", "!!", "#", "? ", "---\n", "null", "~", "99999999999999999999", "  "];
        for (var i = 0; i < 3000; i++)
        {
            var chars = Valid.ToCharArray().ToList();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars[at] = (char)random.Next(1, 128); break;
                    case 1: chars.RemoveRange(at, Math.Min(random.Next(1, 20), chars.Count - at)); break;
                    default: chars.InsertRange(at, fragments[random.Next(fragments.Length)]); break;
                }
            }
            AssertLoadsOrExplains(new string(chars.ToArray()));
        }
    }

    [Fact]
    public void Every_value_swapped_for_another_type_loads_or_reports_errors()
    {
        string[] replacements = ["[a, b]", "{ a: b }", "", "null", "99999999999999999999", "true", "-1", "\"\"", "*nowhere"];
        var lines = Valid.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0)
                continue;
            foreach (var replacement in replacements)
            {
                var mutated = lines.ToArray();
                mutated[i] = lines[i][..(colon + 2)] + replacement;
                AssertLoadsOrExplains(string.Join('\n', mutated));
            }
        }
    }

    [Fact]
    public void Huge_values_and_many_keys_are_handled()
    {
        AssertLoadsOrExplains(ValidWith("note: Primary AMC collaboration", "note: " + new string('x', 1_000_000)));
        AssertLoadsOrExplains(Valid + string.Concat(Enumerable.Range(0, 5000).Select(i => $"k{i}: {i}\n")));
        AssertLoadsOrExplains(ValidWith("    max: 25", "    max: 99999999999999999999999"));
    }

    private static void AssertLoadsOrExplains(string yaml)
    {
        ConfigLoadResult result;
        try
        {
            result = Load(yaml);
        }
        catch (Exception e)
        {
            Assert.Fail($"loading threw {e.GetType().Name}: {e.Message}\n--- input ---\n{yaml}");
            return;
        }
        if (result.Config is not null)
        {
            // Whatever loads must also expand and plan without throwing, against nothing and against an applied membership.
            var desired = Core.Desired.DesiredStateExpander.Expand(result.Config, Fixtures.DemoWorld.InventoryWith());
            Core.Planning.Planner.Create(desired, new Core.Live.LiveState([]));
            if (desired.Collaborations.Count > 0)
                Core.Planning.Planner.Create(desired, new Core.Live.LiveState([Fixtures.DemoWorld.Applied(desired.Collaborations[0])]));
            return;
        }
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.True(errors.Count > 0, "no config and no error for:\n" + yaml);
        Assert.All(errors, e => Assert.NotNull(e.Location));
    }
}

public class YamlAliasTests
{
    [Fact]
    public void Anchors_and_aliases_share_settings()
    {
        var yaml = ConfigText.ValidWith("include: [\"part_*\"]", "include: &parts [\"part_*\"]") + "\n    tables: { include: *parts, max: 3 }\n";
        var result = ConfigText.Load(yaml);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(["part_*"], result.Config!.Collaborations[0].Settings.Tables.Include);
    }

    [Fact]
    public void Chained_aliases_cannot_build_unbounded_nesting()
    {
        var lines = new List<string> { "a0: &a0 [x]" };
        for (var i = 1; i <= 40; i++)
            lines.Add($"a{i}: &a{i} [*a{i - 1}]");
        var error = Assert.Single(ConfigText.Load(string.Join("\n", lines) + "\n").Diagnostics, d => d.Code == Core.Diagnostics.DiagnosticCodes.TooDeep);
        Assert.Contains("alias", error.Message);
    }

    [Fact]
    public void An_alias_bomb_is_loaded_without_expanding_it()
    {
        var lines = new List<string> { "b0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        for (var i = 1; i <= 20; i++)
            lines.Add($"b{i}: &b{i} [{string.Join(", ", Enumerable.Repeat($"*b{i - 1}", 10))}]");
        var result = ConfigText.Load(string.Join("\n", lines) + "\n");
        Assert.Null(result.Config);
        Assert.Contains(result.Diagnostics, d => d.Code == Core.Diagnostics.DiagnosticCodes.UnknownKey);
    }
}
