using CleanroomsStack.Emulator.Protocol;

namespace CleanroomsStack.Emulator.Routing;

/// <summary>The route table: which operation answers a request, given the service of its credential scope.</summary>
public sealed class RouteTable
{
    private readonly List<(Route Route, string Method, string[] Segments)> _rest = [];
    private readonly Dictionary<(string Service, string Key), Route> _byKey = [];
    private readonly Dictionary<string, WireProtocol> _protocols = new(StringComparer.Ordinal);

    public IEnumerable<Route> Routes => _rest.Select(r => r.Route).Concat(_byKey.Values);

    public void DeclareService(string service, WireProtocol protocol) => _protocols[service] = protocol;

    public WireProtocol? ProtocolOf(string service) => _protocols.TryGetValue(service, out var p) ? p : null;

    public void Rest(string service, string operation, string method, string template, bool mutates, OperationHandler handler)
    {
        var route = new Route(service, operation, $"{method} {template}", mutates, handler);
        _rest.Add((route, method, template.Split('/', StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>awsJson targets (X-Amz-Target) and awsQuery actions (Action=…).</summary>
    public void Keyed(string service, string operation, string key, bool mutates, OperationHandler handler) =>
        _byKey[(service, key)] = new Route(service, operation, key, mutates, handler);

    public Route? FindKeyed(string service, string key) => _byKey.TryGetValue((service, key), out var route) ? route : null;

    /// <summary>Matches decoded path segments against the templates; labels are returned decoded.</summary>
    public (Route Route, Dictionary<string, string> Labels)? FindRest(string service, string method, IReadOnlyList<string> segments)
    {
        foreach (var (route, routeMethod, template) in _rest)
        {
            if (route.Service != service || routeMethod != method || template.Length != segments.Count) continue;
            var labels = new Dictionary<string, string>(StringComparer.Ordinal);
            var matched = true;
            for (var i = 0; i < template.Length && matched; i++)
            {
                if (template[i].StartsWith('{'))
                    labels[template[i][1..^1]] = segments[i];
                else
                    matched = string.Equals(template[i], segments[i], StringComparison.Ordinal);
            }

            if (matched) return (route, labels);
        }

        return null;
    }
}
