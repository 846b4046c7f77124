using System.Diagnostics;
using System.Text.Json.Nodes;

namespace CleanroomsStack.Emulator.Tests.Support;

/// <summary>Runs a script of <c>tests/js</c> with Node against an endpoint and parses the JSON it prints.</summary>
public static class NodeRunner
{
    public static string JsDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CleanroomsStack.sln"))) dir = dir.Parent;
            if (dir is null) throw new InvalidOperationException($"No CleanroomsStack.sln above {AppContext.BaseDirectory}.");
            return Path.Combine(dir.FullName, "tests", "js");
        }
    }

    public static async Task<JsonObject> RunAsync(string script, Uri endpoint)
    {
        var js = JsDirectory;
        Assert.True(Directory.Exists(Path.Combine(js, "node_modules", "@aws-sdk", "client-cleanrooms")),
            $"tests/js/node_modules is missing: run `npm ci --prefix tests/js` from the repository root first.");

        var start = new ProcessStartInfo("node", [script, endpoint.ToString().TrimEnd('/')])
        {
            WorkingDirectory = js,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"node {script} exited with {process.ExitCode}: {await stderr}");
        return JsonNode.Parse(await stdout)!.AsObject();
    }
}
