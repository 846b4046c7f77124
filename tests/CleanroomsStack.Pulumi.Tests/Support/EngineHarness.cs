using System.Diagnostics;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator;
using CleanroomsStack.Emulator.Worlds;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.Pulumi.Tests.Support;

/// <summary>
/// Runs one engine-harness script of tests/js-provider (Node, Pulumi's own generated stubs) against a fresh emulator of
/// the demo world: the script starts the built plugin as Pulumi's engine does, drives it, and prints a JSON transcript
/// of every step, which the tests of one class share (one Node process and one plugin per class keeps the suite fast).
/// </summary>
public sealed class EngineHarness
{
    public static string Folder { get; } = RepoRoot.File("tests", "js-provider");

    /// <summary>The plugin binary next to this test assembly (the apphost of the referenced provider project).</summary>
    public static string Plugin { get; } = Path.Combine(AppContext.BaseDirectory, "pulumi-resource-cleanroomsstack");

    public static async Task<JsonObject> RunAsync(string script, Func<RunningEmulator, IDictionary<string, string>>? extraEnvironment = null)
    {
        Assert.True(Directory.Exists(Path.Combine(Folder, "node_modules", "@pulumi", "pulumi")), $"build the test project: it runs npm ci in {Folder}");
        Assert.True(File.Exists(Plugin), $"{Plugin} is missing");
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions());
        var home = Directory.CreateTempSubdirectory("cleanroomsstack-pulumi-");
        try
        {
            var start = new ProcessStartInfo("node", [Path.Combine(Folder, script)])
            {
                WorkingDirectory = Folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // Our demo account's static keys from the environment and a scratch HOME: no user AWS files are read.
            foreach (var name in new[] { "AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_SESSION_TOKEN", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_REGION", "AWS_DEFAULT_REGION" })
                start.Environment.Remove(name);
            start.Environment["HOME"] = home.FullName;
            start.Environment["AWS_ACCESS_KEY_ID"] = DemoWorld.AccessKeyId(DemoWorld.OurAccount);
            start.Environment["AWS_SECRET_ACCESS_KEY"] = DemoWorld.SecretAccessKey(DemoWorld.OurAccount);
            start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            start.Environment["PLUGIN"] = Plugin;
            start.Environment["ENDPOINT"] = emulator.Endpoint.ToString();
            foreach (var (key, value) in extraEnvironment?.Invoke(emulator) ?? new Dictionary<string, string>()) start.Environment[key] = value;

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"{script} failed (exit {process.ExitCode}):\n{await error}\n{await output}");
            return JsonNode.Parse(await output)!.AsObject();
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}

/// <summary>One step of a transcript: the response, or the gRPC status code and message of the error.</summary>
public static class Transcript
{
    public static JsonNode Ok(this JsonObject transcript, string step)
    {
        var entry = transcript[step] ?? throw new InvalidOperationException($"no step '{step}' in the transcript");
        Assert.True(entry["ok"]!.GetValue<bool>(), $"{step} failed: {entry["code"]}: {entry["details"]}");
        return entry["value"]!;
    }

    public static (string Code, string Details) Error(this JsonObject transcript, string step)
    {
        var entry = transcript[step] ?? throw new InvalidOperationException($"no step '{step}' in the transcript");
        Assert.False(entry["ok"]!.GetValue<bool>(), $"{step} succeeded: {entry["value"]?.ToJsonString()}");
        return (entry["code"]!.GetValue<string>(), entry["details"]!.GetValue<string>());
    }
}
