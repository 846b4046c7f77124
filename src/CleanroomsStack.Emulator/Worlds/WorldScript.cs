using System.Text;
using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Hosting;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace CleanroomsStack.Emulator.Worlds;

/// <summary>
/// Builds a world by calling the emulator's own operations in-process, as the accounts' own AWS clients would,
/// so seeded resources obey exactly the rules later requests do. Ids and timestamps are pinned: ids come from a
/// name-based sequence (or are pinned one by one), time only moves when the script says so.
/// </summary>
public sealed class WorldScript : IWorldSource
{
    private readonly World _world;
    private readonly RouteTable _routes = ServiceCatalog.Build();
    private readonly Queue<string> _pinnedIds = new();
    private readonly string _idSeed;
    private int _idCounter;
    private double _now;

    public WorldScript(EmulatorState state, double startTime, string idSeed)
    {
        _world = new World(state, new EmulatorOptions(), () => FaultSettings.None) { Source = this };
        _now = startTime;
        _idSeed = idSeed;
    }

    public EmulatorState State => _world.State;

    public void Advance(double seconds) => _now += seconds;

    /// <summary>Sets the clock to a moment (epoch seconds), e.g. the day a partner created its collaboration.</summary>
    public void At(double time) => _now = time;

    /// <summary>The next resource created gets this id (for ids that documentation and users rely on).</summary>
    public void PinNextId(string id) => _pinnedIds.Enqueue(id);

    public string NewId() => _pinnedIds.Count > 0 ? _pinnedIds.Dequeue() : DeterministicId.From($"{_idSeed}/{_idCounter++}");

    public double Now() => _now;

    /// <summary>A restJson call (Clean Rooms, Entity Resolution) as <paramref name="accountId"/>.</summary>
    public JsonObject Rest(string accountId, string service, string method, string path, JsonObject? body = null)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var match = _routes.FindRest(service, method, segments)
                    ?? throw new InvalidOperationException($"World script: no operation {service} {method} {path}.");
        return Run(accountId, match.Route, match.Labels, body);
    }

    /// <summary>An awsJson call (Glue) as <paramref name="accountId"/>.</summary>
    public JsonObject Target(string accountId, string service, string target, JsonObject body)
    {
        var route = _routes.FindKeyed(service, target) ?? throw new InvalidOperationException($"World script: no operation {target}.");
        return Run(accountId, route, new Dictionary<string, string>(), body);
    }

    private JsonObject Run(string accountId, Route route, IReadOnlyDictionary<string, string> labels, JsonObject? body)
    {
        var account = State.Accounts.First(a => a.AccountId == accountId);
        var bytes = Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "{}");
        var context = new OperationContext
        {
            Operation = route.Operation,
            Caller = _world.FindKey(account.AccessKeyId)!,
            Request = new IncomingRequest("POST", "/", "", new HeaderDictionary(), bytes),
            Labels = labels,
            Query = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>(),
            Body = body ?? new JsonObject(),
            World = _world,
            RequestId = "world-script",
        };

        OperationResult result;
        try
        {
            result = route.Handler(context);
        }
        catch (AwsServiceError error)
        {
            // A world script that breaks a rule is a bug in the script, not a user error.
            throw new InvalidOperationException($"World script: {route.Operation} as {accountId} failed with {error.Code}: {error.Message}", error);
        }

        return result.Body.Length == 0 ? new JsonObject() : JsonNode.Parse(result.Body)!.AsObject();
    }
}
