using Amazon.Runtime;
using CleanroomsStack.Aws;
using CleanroomsStack.Aws.Configuration;
using CleanroomsStack.Aws.Credentials;
using CleanroomsStack.Cli;
using CleanroomsStack.Emulator;
using CleanroomsStack.Emulator.Worlds;
using CleanroomsStack.Engine.Ports;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.EndToEnd.Tests;

/// <summary>What one CLI invocation printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}

/// <summary>
/// Drives the CLI's composition root in-process, in a scratch folder of its own holding a copy of the repo's
/// collaborations.yaml, against the embedded emulator (<c>--local</c>) whose state lives in that folder.
/// </summary>
public sealed class CliHarness : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("crs-e2e-").FullName;

    public string ConfigPath => Path.Combine(Folder, "collaborations.yaml");

    public string LocalDir => Path.Combine(Folder, ".cleanrooms-local");

    /// <summary>Where the embedded emulator keeps the local account's state (written when it stops).</summary>
    public string StateFile => Path.Combine(LocalDir, "emulator-state.json");

    /// <summary>
    /// The lag the harness's emulator plays: AWS's behaviours stay on (403 for missing, lag on reads and child creates),
    /// with a lag short enough that the suite doesn't spend its time waiting, and readiness as soon as the rules are in
    /// place (tests of readiness taking time set their own delay). Tests of the defaults remove the file.
    /// </summary>
    public const int LagMs = 200;

    public CliHarness()
    {
        File.Copy(Path.Combine(RepoRoot.Path, "collaborations.yaml"), ConfigPath);
        Directory.CreateDirectory(LocalDir);
        File.WriteAllText(Path.Combine(LocalDir, "emulator-faults.json"), $$"""{ "behaviour": { "lagMs": {{LagMs}}, "readinessDelayMs": 0 } }""");
    }

    /// <summary>Runs a stack command against the local emulator of this harness.</summary>
    public Task<CliResult> RunLocalAsync(params string[] args) =>
        RunAsync([.. args, "--local", "--local-dir", LocalDir, "--config", ConfigPath]);

    /// <summary>
    /// Changes the local account behind the tool's back (as someone in the console would): starts the emulator on this
    /// harness's state folder and hands a client of our demo account to <paramref name="change"/>.
    /// </summary>
    public async Task ChangeOutOfBandAsync(Func<ICleanRoomsApi, Task> change)
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            StateDirectory = LocalDir, Faults = new FaultSettings { Behaviour = AwsBehaviour.Defaults with { LagMs = LagMs } },
        });
        var region = emulator.Options.Region;
        var endpoint = emulator.Endpoint.ToString();
        var context = new ResolvedAwsContext(
            new BasicAWSCredentials(DemoWorld.AccessKeyId(DemoWorld.OurAccount), DemoWorld.SecretAccessKey(DemoWorld.OurAccount)),
            region, ServiceEndpoints.Resolve(endpoint, region, _ => null), "demo account");
        await change(CleanRoomsClientFactory.Create(context, new AwsSettings(Region: region, EndpointUrl: endpoint)));
        await UntilVisibleAsync();
    }

    /// <summary>
    /// The embedded emulator plays AWS's read-after-write lag, so a change made behind the tool's back shows in reads
    /// only after it; the tests wait it out, as someone in the console waits for the change to show.
    /// </summary>
    private static Task UntilVisibleAsync() => Task.Delay(TimeSpan.FromMilliseconds(LagMs + 100));

    /// <summary>
    /// One raw, signed request as <paramref name="account"/> against this harness's emulator state, for what the tool's
    /// own client never does (a partner deleting its collaboration, creating an ID namespace).
    /// </summary>
    public async Task SendAsAsync(string account, string service, HttpMethod method, string path, string? json = null)
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { StateDirectory = LocalDir });
        var parameters = new Amazon.Runtime.Signing.AWSSigV4Parameters
        {
            Credentials = new BasicAWSCredentials(DemoWorld.AccessKeyId(account), DemoWorld.SecretAccessKey(account)),
            Region = Amazon.RegionEndpoint.GetBySystemName(emulator.Options.Region),
            Service = service,
        };
        using var http = new HttpMessageInvoker(new Amazon.Runtime.Signing.SigV4SigningHandler(parameters, new SocketsHttpHandler()));
        using var request = new HttpRequestMessage(method, new Uri(emulator.Endpoint, path));
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request, default);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (method == HttpMethod.Post) await UntilVisibleAsync();
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunWithEnvironmentAsync([], args);

    /// <summary>Runs the CLI with these environment variables set for it alone (the process's own stay as they are).</summary>
    public static async Task<CliResult> RunWithEnvironmentAsync(Dictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = CliIo.Captured(output, error) with
        {
            Environment = name => environment.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name),
        };
        var exit = await CliApp.RunAsync(args, io);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Output made comparable with golden files: this harness's folder dropped from paths, run-time ids and durations replaced.</summary>
    public string Normalize(string output) => OutputNormalizer.Normalize(output.Replace(Folder + Path.DirectorySeparatorChar, ""));

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { /* best effort */ }
    }
}
