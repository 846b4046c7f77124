using CleanroomsStack.Core.Config.Yaml;
using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Core.Config;

/// <summary>Reads the top-level <c>invitations</c> block (the invitation policy).</summary>
internal sealed class InvitationPolicyParser(ConfigReader reader)
{
    private static readonly string[] AcceptValues = ["none", "all"];

    public InvitationPolicy? Parse(YamlEntry entry)
    {
        if (reader.Mapping(entry.Value, "invitations", ["accept", "rules"]) is not { } map)
            return null;
        var accept = map.Find("accept") is { } a ? reader.Enum(a.Value, "invitations.accept", AcceptValues) : "none";
        var rules = map.Find("rules") is { } r ? Rules(r.Value) : [];
        if (accept == "all" && rules is { Count: > 0 })
        {
            reader.Error(DiagnosticCodes.InvalidEnum, "invitations.accept: all makes invitations.rules pointless", map.Find("rules")!.Key.Location,
                "remove the rules to accept every invitation, or set 'accept: none' to accept only the matching ones");
            return null;
        }
        return accept is null || rules is null ? null : new InvitationPolicy(accept == "all", rules, entry.Key.Location);
    }

    private IReadOnlyList<InvitationRule>? Rules(YamlNode node)
    {
        if (reader.Sequence(node, "invitations.rules") is not { } list)
            return null;
        var rules = list.Items.Select(Rule).ToList();
        return rules.All(r => r is not null) ? rules.Select(r => r!).ToList() : null;
    }

    private InvitationRule? Rule(YamlNode node)
    {
        const string path = "invitations.rules item";
        if (reader.Mapping(node, path, ["creatorAccountIds", "namePatterns"]) is not { } map)
            return null;
        var creators = map.Find("creatorAccountIds") is { } c ? reader.Strings(c.Value, "creatorAccountIds") : [];
        var patterns = map.Find("namePatterns") is { } p ? reader.Strings(p.Value, "namePatterns") : [];
        if (creators is null || patterns is null)
            return null;
        var ok = true;
        foreach (var id in creators.Where(id => !Formats.IsAccountId(id.Value)))
        {
            reader.Error(DiagnosticCodes.InvalidAccountId, $"'{id.Value}' is not a 12-digit AWS account id", id.Location,
                "account ids are exactly 12 digits; quote them to keep leading zeros");
            ok = false;
        }
        if (creators.Count == 0 && patterns.Count == 0)
        {
            reader.Error(DiagnosticCodes.MissingKey, "an invitation rule needs creatorAccountIds, namePatterns or both", map.Location,
                "a rule without conditions would accept everything; use 'accept: all' for that");
            ok = false;
        }
        return ok ? new InvitationRule(creators.Select(i => i.Value).ToList(), patterns.Select(i => i.Value).ToList()) : null;
    }
}
