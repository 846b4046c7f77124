using System.Diagnostics;
using System.Text;

namespace CleanroomsStack.Engine.Tests.Support;

/// <summary>
/// The real <c>cleanrooms-stack</c> program as a child process against a world's emulator (--endpoint-url, static
/// credentials of our account from the environment, a scratch HOME so no user AWS files are read), so tests can send it
/// real signals.
/// </summary>
public sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> waiters = [];

    private CliProcess(Process process) => this.process = process;

    public string Output
    {
        get { lock (gate) return output.ToString(); }
    }

    public static CliProcess Start(StackWorld world, params string[] args)
    {
        var info = new ProcessStartInfo(DotnetHost(), [CliAssembly(), .. args, "--endpoint-url", world.Emulator.Endpoint.ToString(), "--config", world.ConfigPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = world.Folder,
        };
        foreach (var name in new[] { "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE" })
            info.Environment.Remove(name);
        info.Environment["HOME"] = world.Folder;
        info.Environment["AWS_ACCESS_KEY_ID"] = OnboardingWorld.AccessKeyId(OnboardingWorld.Us);
        info.Environment["AWS_SECRET_ACCESS_KEY"] = OnboardingWorld.SecretAccessKey(OnboardingWorld.Us);
        info.Environment["AWS_REGION"] = StackWorld.Region;
        info.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        var cli = new CliProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        cli.process.OutputDataReceived += (_, e) => cli.OnLine(e.Data);
        cli.process.ErrorDataReceived += (_, e) => cli.OnLine(e.Data);
        cli.process.Start();
        cli.process.BeginOutputReadLine();
        cli.process.BeginErrorReadLine();
        return cli;
    }

    public async Task WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (output.ToString().Split('\n').Any(match)) return;
            waiters.Add((match, seen));
        }
        var finished = await Task.WhenAny(seen.Task, Task.Delay(timeout));
        Assert.True(finished == seen.Task, $"no such line within {timeout}; output so far:\n{Output}");
    }

    /// <summary>Sends a POSIX signal (INT = Ctrl-C, TERM) as a terminal or a CI runner would.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-s", name, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        process.WaitForExit(); // drains the redirected output
        return process.ExitCode;
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        lock (gate)
        {
            output.AppendLine(line);
            foreach (var waiter in waiters.Where(w => w.Match(line)).ToList())
            {
                waiters.Remove(waiter);
                waiter.Seen.TrySetResult();
            }
        }
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    /// <summary>The program built beside this test assembly's configuration (Debug or Release).</summary>
    private static string CliAssembly()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testBin.Name, testBin.Parent!.Name);
        for (var dir = testBin; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "CleanroomsStack.sln"))) continue;
            var dll = Path.Combine(dir.FullName, "src", "CleanroomsStack.Cli", "bin", configuration, framework, "cleanrooms-stack.dll");
            Assert.True(File.Exists(dll), $"{dll} not built");
            return dll;
        }
        throw new InvalidOperationException("CleanroomsStack.sln not found above " + AppContext.BaseDirectory);
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }
}
