using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using CleanroomsStack.Tests.Shared;

namespace CleanroomsStack.Aws.Tests.Support;

/// <summary>One call for the official AWS SDK for JavaScript v3 to serialise.</summary>
public sealed record JsCall(string Service, string Command, JsonObject? Input = null);

/// <summary>The request the JS SDK built: method, encoded path, decoded query members, body.</summary>
public sealed record JsRequest(string Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Query, string? ContentType, string? Target, string? Body);

/// <summary>
/// Runs tests/js-client/capture-requests.mjs (the official AWS SDK for JavaScript v3, pinned in package-lock.json)
/// to learn exactly what request the reference SDK sends for an input.
/// </summary>
public static class JsSdkOracle
{
    public static async Task<IReadOnlyList<JsRequest>> CaptureAsync(IReadOnlyList<JsCall> calls)
    {
        var clientDirectory = Path.Combine(RepoRoot.Path, "tests", "js-client");
        if (!Directory.Exists(Path.Combine(clientDirectory, "node_modules", "@aws-sdk", "client-cleanrooms")))
        {
            Assert.Fail("The JavaScript oracle isn't installed: run `npm ci --prefix tests/js-client` from the repository root.");
        }
        var input = new JsonArray(calls.Select(c => (JsonNode)new JsonObject
        {
            ["service"] = c.Service,
            ["command"] = c.Command,
            ["input"] = c.Input?.DeepClone() ?? new JsonObject(),
        }).ToArray());

        var start = new ProcessStartInfo("node", "capture-requests.mjs")
        {
            WorkingDirectory = clientDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = StartNode(start);
        await process.StandardInput.WriteAsync(input.ToJsonString());
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"capture-requests.mjs failed: {await stderr}");

        var results = JsonNode.Parse(await stdout)!.AsArray();
        return results.Select(r => new JsRequest(
            r!["method"]!.GetValue<string>(),
            r["path"]!.GetValue<string>(),
            QueryMembers(r["query"]!.AsObject()),
            r["contentType"]?.GetValue<string>(),
            r["target"]?.GetValue<string>(),
            r["body"]?.GetValue<string>())).ToList();
    }

    private static Process StartNode(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node could not be started");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("Node.js (20 or newer) must be on PATH to run the JavaScript oracle.");
            throw;
        }
    }

    private static IReadOnlyList<KeyValuePair<string, string>> QueryMembers(JsonObject query) =>
        query.SelectMany(member => member.Value is JsonArray values
                ? values.Select(v => new KeyValuePair<string, string>(member.Key, v!.GetValue<string>()))
                : [new KeyValuePair<string, string>(member.Key, member.Value!.GetValue<string>())])
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).ThenBy(kv => kv.Value, StringComparer.Ordinal)
            .ToList();
}
