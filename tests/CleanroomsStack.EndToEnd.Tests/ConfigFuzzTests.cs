using System.Collections.Concurrent;
using System.Text;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// Thousands of mutated configs through `validate` and `preview`: never an unhandled exception, a bad config always ends
/// with exit 1 and a diagnostic, and nothing is ever written to the account.
/// </summary>
public sealed class ConfigFuzzTests : IDisposable
{
    /// <summary>Harnesses (each with its own config file and local account) that run mutated texts side by side.</summary>
    private readonly CliHarness[] harnesses = [new(), new()];

    [Fact]
    public async Task MutatedConfigsNeverCrashAndNeverWrite()
    {
        var original = File.ReadAllText(harnesses[0].ConfigPath);
        var random = new Random(20261125);
        var mutations = Enumerable.Range(0, 2000).Select(_ => Mutate(original, random)).ToList();
        // Only about half the mutations give a text not seen before (a type swap on a line without a value changes
        // nothing, the same line gets dropped twice, ...). The same text against the same unchanged account gets the
        // same runs, so each distinct text runs once and every mutation is checked against its text's runs.
        var runs = await RunDistinctAsync(mutations);
        var rejected = 0;
        for (var i = 0; i < mutations.Count; i++)
        {
            var mutated = mutations[i];
            var (validate, preview) = runs[mutated];

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
        // Preview reads only: whatever it was given, no account has a membership.
        foreach (var cli in harnesses)
            await cli.ChangeOutOfBandAsync(async api => Assert.Empty(await api.ListMembershipsAsync(null, default)));
    }

    /// <summary>`validate` and `preview` of every distinct text, the texts shared out among the harnesses.</summary>
    private async Task<IReadOnlyDictionary<string, (CliResult Validate, CliResult Preview)>> RunDistinctAsync(IEnumerable<string> texts)
    {
        var pending = new ConcurrentQueue<string>(texts.Distinct(StringComparer.Ordinal));
        var runs = new ConcurrentDictionary<string, (CliResult, CliResult)>(StringComparer.Ordinal);
        await Task.WhenAll(harnesses.Select(cli => Task.Run(async () =>
        {
            while (pending.TryDequeue(out var text))
            {
                await File.WriteAllTextAsync(cli.ConfigPath, text);
                runs[text] = (await CliHarness.RunAsync("validate", "--config", cli.ConfigPath), await cli.RunLocalAsync("preview"));
            }
        })));
        return runs;
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

    public void Dispose()
    {
        foreach (var cli in harnesses) cli.Dispose();
    }
}
