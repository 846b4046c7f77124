using System.Text.Json;
using CleanroomsStack.Engine.Audit;

namespace CleanroomsStack.Engine.Tests.Support;

/// <summary>Checks an audit log: every line is JSON, no credentials, and it tells the same story as the emulator's state.</summary>
public static class AuditAssert
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<AuditEntry> Read(string path)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        Assert.True(text.Length == 0 || text.EndsWith('\n'), "the audit log ends in a torn line");
        Assert.DoesNotContain(OnboardingWorld.SecretAccessKey(OnboardingWorld.Us), text);
        Assert.DoesNotContain("Signature=", text);
        Assert.DoesNotContain("AWS4-HMAC-SHA256", text);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((line, i) =>
        {
            using var _ = JsonDocument.Parse(line); // throws, naming the problem, if a line isn't JSON
            var entry = JsonSerializer.Deserialize<AuditEntry>(line, Json);
            Assert.True(entry is { Time: not null, Caller: not null, Action: not null, Address: not null, Outcome: not null }, $"line {i + 1} lacks a field: {line}");
            return entry!;
        }).ToList();
    }

    /// <summary>
    /// Every change the log says succeeded exists in the state under the id it names, and every resource of ours in
    /// the state was logged: as a success with its id, or as an attempt whose outcome was unknown (a lost or
    /// interrupted response), which a later run then found in place.
    /// </summary>
    public static void MatchesState(string path, EmulatorSnapshot state)
    {
        var entries = Read(path);
        var ours = state.ActiveMembershipsOf(OnboardingWorld.Us).ToList();
        var resources = new List<(string Address, string Id)>();
        foreach (var m in ours)
        {
            var root = $"membership[{m.CollaborationId}]";
            resources.Add((root, m.Id));
            foreach (var a in state.TableAssociations.Where(a => a.MembershipId == m.Id))
            {
                resources.Add(($"{root}/table-association[{a.Name}]", a.Id));
                resources.AddRange(a.Rules.Select(r => ($"{root}/table-association[{a.Name}]/analysis-rule[{r.Type}]", a.Id)));
            }
            resources.AddRange(state.IdNamespaceAssociations.Where(n => n.MembershipId == m.Id)
                .Select(n => ($"{root}/id-namespace-association[{n.Name}]", n.Id)));
        }

        var made = entries.Select((e, i) => (e, i)).Where(x => x.e.Outcome == "succeeded" && x.e.Action is "create" or "replace");
        foreach (var (entry, index) in made)
        {
            // What a later change replaced or deleted is rightly gone.
            if (entries.Skip(index + 1).Any(l => l.Outcome == "succeeded"
                    && ((l.Address == entry.Address && l.Action == "delete") || (l.Action == "replace" && l.PreviousAwsId == entry.AwsId)))) continue;
            Assert.True(resources.Contains((entry.Address, entry.AwsId!)), $"the audit log says {entry.Address} was created as {entry.AwsId}, but the state has no such resource");
            Assert.NotNull(entry.RequestId);
        }
        foreach (var (address, id) in resources)
        {
            var logged = entries.Where(e => e.Address == address && e.Action is "create" or "replace").ToList();
            Assert.True(logged.Any(e => e.Outcome == "succeeded" && e.AwsId == id) || logged.Any(e => e.Outcome == "failed" && OutcomeWasUnknown(e)),
                $"{address} ({id}) exists but the audit log has no create of it: {string.Join("; ", logged.Select(e => $"{e.Outcome} {e.AwsId} {e.Error?.Message}"))}");
        }
    }

    private static bool OutcomeWasUnknown(AuditEntry e) =>
        e.Error is { } error && (error.Code is null or "InternalServerException" or "ConnectionFailure" or "RequestTimeout");
}
