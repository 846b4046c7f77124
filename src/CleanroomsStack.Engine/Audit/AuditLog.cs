using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Engine.Applying;

namespace CleanroomsStack.Engine.Audit;

/// <summary>
/// Appends one JSON line per attempted change (succeeded or failed; skipped changes did nothing and aren't logged).
/// Each line is serialised first, then written with one write and flushed to disk while the file is held exclusively:
/// a lock shared by every log of that file in this process, and an exclusive open (an advisory file lock, which .NET
/// takes for <see cref="FileShare.None"/>) against other processes, such as a concurrent `up`. So lines never
/// interleave, and a crash can at worst cut off the line being written; such a line is closed with a newline before
/// the next one is appended, so every later line parses.
/// </summary>
public sealed class AuditLog : IApplyObserver, IDisposable
{
    /// <summary>Where the log goes unless --audit-log says otherwise: beside the config, in .cleanrooms-stack/.</summary>
    public const string DefaultFolder = ".cleanrooms-stack";
    public const string DefaultFileName = "audit.jsonl";

    private static readonly ConcurrentDictionary<string, Lock> Locks = new(StringComparer.Ordinal);
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

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
        // Fail now, before anything is applied, if the log can't be written.
        lock (gate) using (OpenExclusive()) { }
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
        Write(AuditEntry.From(outcome, time.GetUtcNow(), RunId, caller));
    }

    /// <summary>The record of what a membership manages is a write too (its tags): one line, action <c>record</c>.</summary>
    public void OnRecorded(RecordOutcome record) => Write(AuditEntry.From(record, time.GetUtcNow(), RunId, caller));

    private void Write(AuditEntry entry) => Append(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, Json) + "\n"));

    private void Append(byte[] line)
    {
        lock (gate)
        {
            using var stream = OpenExclusive();
            var length = stream.Length;
            if (length > 0)
            {
                stream.Seek(length - 1, SeekOrigin.Begin);
                if (stream.ReadByte() != '\n') stream.WriteByte((byte)'\n'); // a line cut off by a crash
            }
            stream.Seek(0, SeekOrigin.End);
            stream.Write(line);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Opens the file for this process alone, waiting (bounded) while another run holds it.</summary>
    private FileStream OpenExclusive()
    {
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            }
            catch (IOException) when (DateTime.UtcNow < deadline && File.Exists(Path))
            {
                Thread.Sleep(Random.Shared.Next(5, 25)); // another process is writing its line
            }
        }
    }

    public void Dispose() { }
}
