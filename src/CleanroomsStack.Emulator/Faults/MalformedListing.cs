using System.Text.Json.Nodes;

namespace CleanroomsStack.Emulator;

/// <summary>
/// A Clean Rooms listing answered in a shape the service model doesn't allow, for testing that a client refuses it
/// instead of planning from it (docs/emulator.md, "Fault injection"). Set per operation in
/// <see cref="FaultSettings.MalformedListings"/>; JSON names are the admin API's.
/// </summary>
public sealed record MalformedListing
{
    /// <summary>Every listed item lacks this member (e.g. <c>id</c>, <c>status</c>), which the model requires.</summary>
    public string? RemoveMember { get; init; }

    /// <summary>Every listed item has these members set to these texts (e.g. <c>{"status": "SUSPENDED"}</c>, a value no enum has).</summary>
    public IReadOnlyDictionary<string, string>? ReplaceMembers { get; init; }

    /// <summary>The page's first item is listed a second time with this member changed (same id, same updateTime): two bodies for one id.</summary>
    public string? TwoBodies { get; init; }

    /// <summary>Every page hands out a fresh nextToken, also past the last item (those pages are empty): a listing that never ends.</summary>
    public bool EndlessNextToken { get; init; }

    /// <summary>Makes a rendered page malformed as set.</summary>
    internal void Apply(JsonArray page)
    {
        var items = page.OfType<JsonObject>().ToList();
        foreach (var item in items)
        {
            if (RemoveMember is not null) item.Remove(RemoveMember);
            foreach (var (member, text) in ReplaceMembers ?? new Dictionary<string, string>()) item[member] = text;
        }
        if (TwoBodies is not null && items.FirstOrDefault() is { } first)
        {
            var twin = (JsonObject)first.DeepClone();
            twin[TwoBodies] = $"{twin[TwoBodies]?.ToString()}-other";
            page.Add(twin);
        }
    }

    internal IEnumerable<string> Problems(string operation)
    {
        var prefix = $"malformedListings.{operation}";
        if (string.IsNullOrWhiteSpace(operation)) yield return "malformedListings needs operation names as keys (e.g. \"ListMemberships\").";
        if (RemoveMember is not null && RemoveMember.Length == 0) yield return $"{prefix}.removeMember must name a member.";
        if (TwoBodies is not null && TwoBodies.Length == 0) yield return $"{prefix}.twoBodies must name a member.";
        if (ReplaceMembers is { } replace && replace.Keys.Any(k => k.Length == 0)) yield return $"{prefix}.replaceMembers must name its members.";
        if (RemoveMember is null && TwoBodies is null && ReplaceMembers is not { Count: > 0 } && !EndlessNextToken)
            yield return $"{prefix} sets nothing: give removeMember, replaceMembers, twoBodies or endlessNextToken.";
    }
}
