using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Auth;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.State;
using Microsoft.Extensions.Primitives;

namespace CleanroomsStack.Emulator.Routing;

/// <summary>Everything a handler needs: who calls, what they sent, and the world to act on.</summary>
public sealed class OperationContext
{
    public required string Operation { get; init; }
    public required SigningKey Caller { get; init; }
    public required IncomingRequest Request { get; init; }
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
    public required IReadOnlyDictionary<string, StringValues> Query { get; init; }

    /// <summary>The JSON body (restJson and awsJson); an empty object when none was sent.</summary>
    public required JsonObject Body { get; init; }
    public required World World { get; init; }
    public required string RequestId { get; init; }

    public string AccountId => Caller.AccountId;

    public string Label(string name) => Labels[name];

    public string? QueryValue(string name) => Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
