using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>
/// The built CLI as a separate process (as a user or CI starts it), for what only a real process shows: signals, the
/// process's own console and exit code.
/// </summary>
public sealed class CliProcess : IDisposable
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();

    private CliProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (error) error.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output { get { lock (output) return output.ToString(); } }

    public string Error { get { lock (error) return error.ToString(); } }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Starts <c>dotnet cleanrooms-stack.dll ARGS</c> (built beside the tests) in <paramref name="folder"/>.</summary>
    public static CliProcess Start(string folder, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "cleanrooms-stack.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        return new CliProcess(Process.Start(start)!);
    }

    /// <summary>Waits until the process printed <paramref name="text"/> on stdout or stderr, or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal) && !Error.Contains(text, StringComparison.Ordinal))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
                Assert.Fail($"'{text}' never appeared.\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}");
            await Task.Delay(50);
        }
    }

    /// <summary>Sends a POSIX signal the way a terminal or a container runtime does (kill -SIG PID).</summary>
    public void Signal(int signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", $"{process.Id}"]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Whether the process ended within <paramref name="timeout"/>; if so, its output has been read to the end.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!process.WaitForExit(timeout)) return false;
        process.WaitForExit(); // the timed wait doesn't wait for the output handlers
        return true;
    }

    /// <summary>A loopback port nothing listens on (just released), for a server to take or a connection to be refused.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
