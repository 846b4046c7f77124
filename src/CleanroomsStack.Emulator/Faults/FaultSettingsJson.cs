using System.Text.Json;
using System.Text.Json.Serialization;

namespace CleanroomsStack.Emulator.Faults;

/// <summary>Reads and writes <see cref="FaultSettings"/> as the admin API's JSON, rejecting unknown names and impossible values.</summary>
public static class FaultSettingsJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Write(FaultSettings settings) => JsonSerializer.Serialize(settings, Options);

    /// <summary>Parses settings; on failure returns null and a message naming the problem.</summary>
    public static FaultSettings? TryRead(string json, out string problem)
    {
        problem = "";
        FaultSettings? settings;
        try
        {
            settings = JsonSerializer.Deserialize<FaultSettings>(json.Length == 0 ? "{}" : json, Options);
        }
        catch (JsonException e)
        {
            problem = $"Fault settings are not valid: {e.Message}";
            return null;
        }

        if (settings is null)
        {
            problem = "Fault settings must be a JSON object.";
            return null;
        }

        var problems = Check(settings).ToList();
        problem = string.Join(" ", problems);
        return problems.Count == 0 ? settings : null;
    }

    public static IEnumerable<string> Check(FaultSettings settings)
    {
        var scopes = new List<(string Name, OperationFaults Faults)> { ("", settings.For("")) };
        scopes.AddRange(settings.Operations.Select(o => ($"operations.{o.Key}.", o.Value)));
        foreach (var (prefix, f) in scopes)
        {
            foreach (var (name, rate) in new[] { ("errorRate", f.ErrorRate), ("lostResponseRate", f.LostResponseRate), ("dropConnectionRate", f.DropConnectionRate) })
            {
                if (rate is < 0 or > 1) yield return $"{prefix}{name} must be between 0 and 1.";
            }

            if (f.LatencyMs is < 0) yield return $"{prefix}latencyMs must not be negative.";
            if (f.RateLimit is < 0) yield return $"{prefix}rateLimit must not be negative (0 or null turns it off).";
        }

        if (settings.LostResponseMode is not ("error" or "reset")) yield return "lostResponseMode must be \"error\" or \"reset\".";
        if (settings.ReadAfterWriteLagMs < 0) yield return "readAfterWriteLagMs must not be negative.";
        if (settings.MalformedListings is null) yield return "malformedListings must be an object (omit it for none).";
        else foreach (var (operation, malformed) in settings.MalformedListings)
            foreach (var problem in malformed?.Problems(operation) ?? [$"malformedListings.{operation} must be an object."]) yield return problem;
        if (settings.Behaviour is null) yield return "behaviour must be an object (omit it for AWS's behaviour).";
        else foreach (var problem in settings.Behaviour.Problems()) yield return problem;
    }
}
