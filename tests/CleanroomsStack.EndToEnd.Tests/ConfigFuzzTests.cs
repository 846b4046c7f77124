using System.Text;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// Thousands of mutated configs through `validate` and `preview`: never an unhandled exception, a bad config always ends
/// with exit 1 and a diagnostic, and nothing is ever written to the account.
/// </summary>
public sealed class ConfigFuzzTests : IDisposable
{
    private readonly CliHarness cli = new();

    [Fact]
    public async Task MutatedConfigsNeverCrashAndNeverWrite()
    {
        var original = File.ReadAllText(cli.ConfigPath);
        var random = new Random(20261125);
        var rejected = 0;
        // Only about half the mutations give a text not seen before (a type swap on a line without a value changes
        // nothing, the same line gets dropped twice, ...). The same text against the same unchanged account gets the
        // same run, so each distinct text runs once and every mutation is checked against its text's runs.
        var runs = new Dictionary<string, (CliResult Validate, CliResult Preview)>(StringComparer.Ordinal);
        for (var i = 0; i < 2000; i++)
        {
            var mutated = Mutate(original, random);
            if (!runs.TryGetValue(mutated, out var run))
            {
                File.WriteAllText(cli.ConfigPath, mutated);
                run = (await CliHarness.RunAsync("validate", "--config", cli.ConfigPath), await cli.RunLocalAsync("preview"));
                runs[mutated] = run;
            }
            var (validate, preview) = run;

            foreach (var result in new[] { validate, preview })
            {
                Assert.DoesNotContain("   at ", result.Error + result.Out);
                Assert.DoesNotContain("Unhandled exception", result.Error + result.Out);
            }
            if (validate.ExitCode != 0)
            {
                rejected++;
                Assert.True(validate.ExitCode == 1 && validate.Error.Contains("error"), $"mutation {i}:\n{mutated}\n{validate}");
                Assert.Equal(1, preview.ExitCode);
            }
            else
            {
                Assert.True(preview.ExitCode is 0 or 1, $"mutation {i}:\n{mutated}\n{preview}");
            }
        }
        Assert.True(rejected > 1000, $"only {rejected} of 2000 mutations were rejected: the mutations are too mild to test anything");
        // Preview reads only: whatever it was given, the account still has no membership.
        await cli.ChangeOutOfBandAsync(async api => Assert.Empty(await api.ListMembershipsAsync(null, default)));
    }

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        switch (random.Next(7))
        {
            case 0: return text[..random.Next(text.Length)];                                   // truncation
            case 1:                                                                             // byte flips
                var bytes = Encoding.UTF8.GetBytes(text);
                for (var n = random.Next(1, 4); n > 0; n--) bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return Encoding.UTF8.GetString(bytes);
            case 2: lines.RemoveAt(random.Next(lines.Count)); break;                           // a line lost
            case 3: var d = random.Next(lines.Count); lines.Insert(d, lines[d]); break;          // duplicate keys
            case 4:                                                                             // type swaps
                var t = random.Next(lines.Count);
                var colon = lines[t].IndexOf(": ", StringComparison.Ordinal);
                if (colon > 0) lines[t] = lines[t][..(colon + 2)] + new[] { "[1, 2]", "{ a: b }", "true", "-7", "~", "\"\"" }[random.Next(6)];
                break;
            case 5:                                                                             // huge values
                var h = random.Next(lines.Count);
                var c2 = lines[h].IndexOf(": ", StringComparison.Ordinal);
                if (c2 > 0) lines[h] = lines[h][..(c2 + 2)] + new string('9', random.Next(20, 5000));
                break;
            default: lines.Insert(random.Next(lines.Count), new string('[', random.Next(10, 200))); break; // deep nesting
        }
        return string.Join('\n', lines);
    }

    public void Dispose() => cli.Dispose();
}
