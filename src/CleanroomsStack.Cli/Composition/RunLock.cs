using System.Diagnostics;
using System.Text.Json;
using CleanroomsStack.Cli.Files;

namespace CleanroomsStack.Cli.Composition;

/// <summary>
/// One <c>up</c> at a time per account and region on this machine: a lock file beside the audit log, created
/// atomically, naming its holder, and removed when the run ends. Two runs of different configs at once would each
/// "succeed" and leave the account matching neither. A lock whose process is gone (killed, crashed) is stale and
/// taken over; pipelines on different machines still need their own concurrency group.
/// </summary>
internal sealed class RunLock : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly FileStream file;

    private RunLock(FileStream file, string path)
    {
        this.file = file;
        Path = path;
    }

    public string Path { get; }

    public static string PathFor(string folder, string account, string region) =>
        System.IO.Path.Combine(folder, $"up-{account}-{region}.lock");

    /// <summary>Takes the lock, or throws a <see cref="FileProblem"/> naming the run that holds it.</summary>
    public static RunLock Acquire(string folder, string account, string region)
    {
        Directory.CreateDirectory(folder);
        var path = PathFor(folder, account, region);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete);
                JsonSerializer.Serialize(file, Holder.Current(), Json);
                file.Flush(flushToDisk: true);
                return new RunLock(file, path);
            }
            catch (IOException) when (File.Exists(path))
            {
                var holder = Read(path);
                if (attempt == 0 && holder is not null && holder.IsGone())
                {
                    File.Delete(path); // stale: its process ended without removing it
                    continue;
                }
                throw new FileProblem(
                    $"another `cleanrooms-stack up` is running for account {account} in {region}: {holder?.Describe() ?? "holder unknown"} " +
                    $"(lock file '{SafeFiles.Shown(path)}'). Wait for it to finish; if that process is gone, delete the lock file. Nothing was applied.");
            }
        }
    }

    private static Holder? Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Holder>(File.ReadAllText(path), Json);
        }
        catch (Exception e) when (e is IOException or JsonException)
        {
            return null; // being written or unreadable: treat it as held
        }
    }

    public void Dispose()
    {
        File.Delete(Path);
        file.Dispose();
    }

    private sealed record Holder(int ProcessId, string Host, DateTimeOffset Since)
    {
        public static Holder Current() => new(Environment.ProcessId, Environment.MachineName, DateTimeOffset.UtcNow);

        /// <summary>Only a process on this machine can be checked; one elsewhere counts as alive.</summary>
        public bool IsGone()
        {
            if (!string.Equals(Host, Environment.MachineName, StringComparison.Ordinal)) return false;
            try
            {
                using var process = Process.GetProcessById(ProcessId);
                return process.HasExited;
            }
            catch (ArgumentException)
            {
                return true;
            }
        }

        public string Describe() => $"process {ProcessId} on {SafeFiles.Shown(Host)} since {Since.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z";
    }
}
