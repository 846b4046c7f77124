using System.Text.Json;
using CleanroomsStack.Engine.Reading;

namespace CleanroomsStack.Cli.Composition;

/// <summary>
/// The read cache of <c>--read-cache &lt;dir&gt;</c>: one JSON file in that folder, loaded once before the read and
/// replaced whole after a successful one, holding only the resources that read saw. It holds full resource shapes as
/// AWS returned them (names, ARNs, settings), never credentials. A file that can't be used costs Gets, not the run.
/// </summary>
internal sealed class ReadCacheFile
{
    public const string FileName = "read-cache.json";
    private const int FormatVersion = 1;

    // Compact and streamed both ways: a thousand memberships make tens of thousands of entries, and the file is for
    // this tool, not for reading; as one indented string it would cost hundreds of megabytes to load and save.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string path;
    private readonly TextWriter warnings;

    private ReadCacheFile(string path, InMemoryReadCache cache, TextWriter warnings)
    {
        this.path = path;
        this.warnings = warnings;
        Cache = cache;
    }

    public InMemoryReadCache Cache { get; }

    /// <summary>The cache file of a stack: stacks sharing a folder keep theirs apart (a save keeps only what its run saw).</summary>
    public static string FileNameFor(string? stack) => Commands.StackFiles.For(FileName, stack);

    /// <summary>The cache in <paramref name="folder"/>, or null when no folder was given (the cache is off).</summary>
    public static ReadCacheFile? Open(string? folder, string? stack, TextWriter warnings)
    {
        if (folder is null) return null;
        var path = Path.Combine(folder, FileNameFor(stack));
        return new ReadCacheFile(path, new InMemoryReadCache(Load(path, warnings)), warnings);
    }

    /// <summary>After a successful read: keep what this run saw, and nothing else.</summary>
    public void Save()
    {
        try
        {
            AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, new StoredReadCache(FormatVersion, Cache.Seen), Json));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Files.FileProblem)
        {
            warnings.WriteLine($"warning: could not write the read cache '{path}' ({OneLine(e.Message)}); the next run reads everything again.");
        }
    }

    private static IReadOnlyDictionary<string, ReadCacheEntry>? Load(string path, TextWriter warnings)
    {
        string? problem;
        try
        {
            if (!File.Exists(path)) return null;
            using var file = File.OpenRead(path);
            var stored = JsonSerializer.Deserialize<StoredReadCache>(file, Json);
            if (stored is { FormatVersion: FormatVersion, Entries: { } entries })
                return entries.Where(e => e.Value is { Details.ValueKind: JsonValueKind.Object }).ToDictionary(StringComparer.Ordinal);
            problem = stored is null ? "it holds no cache" : $"it has format version {stored.FormatVersion}, not {FormatVersion}";
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            problem = e is JsonException json ? $"it is corrupt{(json.Path is { } at ? $" at {at}" : "")}" : $"it can't be read: {OneLine(e.Message)}";
        }
        warnings.WriteLine($"warning: ignoring the read cache '{path}' ({problem}); reading everything from AWS.");
        return null;
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").TrimEnd();

    private sealed record StoredReadCache(int FormatVersion, IReadOnlyDictionary<string, ReadCacheEntry>? Entries);
}
