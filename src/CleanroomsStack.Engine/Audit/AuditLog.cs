using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Engine.Applying;

namespace CleanroomsStack.Engine.Audit;

/// <summary>
/// Appends one JSON line per attempted change (succeeded or failed; skipped changes did nothing and aren't logged).
/// Each line is serialised first and then written with one unbuffered write and a flush to disk, under a lock shared
/// by every log of the same file in this process, so lines never interleave and a crash can at worst cut off the
/// line being written. A cut-off last line is closed with a newline before anything new is appended.
/// </summary>
public sealed class AuditLog : IApplyObserver, IDisposable
{
    /// <summary>Where the log goes unless --audit-log says otherwise: beside the config, in .cleanrooms-stack/.</summary>
    public const string DefaultFolder = ".cleanrooms-stack";
    public const string DefaultFileName = "audit.jsonl";

    private static readonly ConcurrentDictionary<string, Lock> Locks = new(StringComparer.Ordinal);
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    private readonly FileStream stream;
    private readonly Lock gate;
    private readonly string caller;
    private readonly TimeProvider time;

    /// <param name="callerArn">The identity from STS GetCallerIdentity that makes the changes.</param>
    public AuditLog(string path, string callerArn, TimeProvider? time = null, string? runId = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        gate = Locks.GetOrAdd(Path, _ => new Lock());
        caller = callerArn;
        this.time = time ?? TimeProvider.System;
        RunId = runId ?? Guid.NewGuid().ToString("N");
        stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        lock (gate) CloseTornLine();
    }

    public string Path { get; }

    /// <summary>Identifies the lines of one run when several runs share the file.</summary>
    public string RunId { get; }

    public static string DefaultPathFor(string configPath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(configPath))!, DefaultFolder, DefaultFileName);

    public void OnStarted(ResourceChange change) { }

    public void OnFinished(ChangeOutcome outcome)
    {
        if (outcome.Status == OutcomeStatus.Skipped) return;
        var entry = AuditEntry.From(outcome, time.GetUtcNow(), RunId, caller);
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, Json) + "\n");
        lock (gate)
        {
            stream.Seek(0, SeekOrigin.End);
            stream.Write(line);
            stream.Flush(flushToDisk: true);
        }
    }

    private void CloseTornLine()
    {
        var length = new FileInfo(Path).Length;
        if (length == 0) return;
        using var reader = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        reader.Seek(length - 1, SeekOrigin.Begin);
        if (reader.ReadByte() == '\n') return;
        stream.Write("\n"u8);
        stream.Flush(flushToDisk: true);
    }

    public void Dispose() => stream.Dispose();
}
