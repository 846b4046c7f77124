using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Faults;
using Microsoft.AspNetCore.Http;

namespace CleanroomsStack.Emulator.Hosting;

/// <summary>
/// The emulator's own API under <c>/_emulator/</c> on the same port (unsigned; the emulator listens on loopback):
/// statistics, fault settings, the state of every account, and reset.
/// </summary>
public sealed class AdminApi(WorldHost host)
{
    public const string Prefix = "/_emulator";

    public static bool Handles(HttpContext http) => http.Request.Path.StartsWithSegments(Prefix);

    public async Task HandleAsync(HttpContext http)
    {
        var ct = http.RequestAborted;
        var path = http.Request.Path.Value![Prefix.Length..].TrimEnd('/');
        var method = http.Request.Method;
        switch (method, path)
        {
            case ("GET", "/health"):
                await Json(http, 200, new JsonObject { ["status"] = "ok" }.ToJsonString());
                break;
            case ("GET", "/stats"):
                await Json(http, 200, StatsJson());
                break;
            case ("POST", "/stats/reset"):
                host.Stats.Reset();
                http.Response.StatusCode = 204;
                break;
            case ("GET", "/faults"):
                await Json(http, 200, FaultSettingsJson.Write(host.Faults.Settings));
                break;
            case ("POST", "/faults"):
                await SetFaultsAsync(http);
                break;
            case ("GET", "/state"):
                await Json(http, 200, await host.SnapshotAsync(ct));
                break;
            case ("POST", "/reset"):
                await host.ResetAsync(ct);
                http.Response.StatusCode = 204;
                break;
            default:
                await Json(http, 404, Problem($"No admin operation {method} {http.Request.Path}. Known: GET health|stats|faults|state, POST stats/reset|faults|reset."));
                break;
        }
    }

    private async Task SetFaultsAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        var settings = FaultSettingsJson.TryRead(body, out var problem);
        if (settings is null)
        {
            await Json(http, 400, Problem(problem));
            return;
        }

        // Faults and AWS's behaviours are separate concerns: changing the faults keeps the behaviour in force unless named.
        if (JsonNode.Parse(body.Length == 0 ? "{}" : body) is JsonObject json && !json.ContainsKey("behaviour"))
            settings = settings with { Behaviour = host.Faults.Settings.Behaviour };

        host.Faults.Apply(settings);
        await Json(http, 200, FaultSettingsJson.Write(settings));
    }

    private string StatsJson()
    {
        var operations = new JsonObject();
        foreach (var (name, s) in host.Stats.Snapshot())
        {
            operations[name] = new JsonObject
            {
                ["requests"] = s.Requests,
                ["throttled"] = s.Throttled,
                ["faults"] = s.Faults,
                ["injectedErrors"] = s.InjectedErrors,
                ["lostResponses"] = s.LostResponses,
                ["droppedConnections"] = s.DroppedConnections,
            };
        }

        return new JsonObject { ["operations"] = operations }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static string Problem(string message) => new JsonObject { ["message"] = message }.ToJsonString();

    private static async Task Json(HttpContext http, int status, string body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(body, http.RequestAborted);
    }
}
