using CleanroomsStack.Emulator.State;

namespace CleanroomsStack.Emulator.Worlds;

/// <summary>Catches world files that would make the emulator answer nonsense, with one message naming every problem.</summary>
public static class WorldValidator
{
    public static void ThrowIfInvalid(EmulatorState state, string source)
    {
        var problems = new List<string>();
        if (state.Accounts.Count == 0) problems.Add("\"accounts\" is empty: add at least one account with accountId, accessKeyId and secretAccessKey.");

        foreach (var duplicate in state.Accounts.GroupBy(a => a.AccessKeyId).Where(g => g.Count() > 1))
            problems.Add($"access key id '{duplicate.Key}' is used by more than one account; each key must be unique.");

        foreach (var account in state.Accounts.Where(a => a.AccountId.Length != 12 || !a.AccountId.All(char.IsAsciiDigit)))
            problems.Add($"account id '{account.AccountId}' is not 12 digits.");

        var known = state.Accounts.Select(a => a.AccountId).ToHashSet();
        foreach (var c in state.Collaborations)
        {
            foreach (var m in c.Members.Where(m => !known.Contains(m.AccountId)))
                problems.Add($"collaboration '{c.Name}' lists member {m.AccountId}, which is not in \"accounts\".");
        }

        foreach (var t in state.ConfiguredTables.Where(t => !known.Contains(t.AccountId)))
            problems.Add($"configured table '{t.Name}' belongs to {t.AccountId}, which is not in \"accounts\".");

        foreach (var t in state.ConfiguredTables.Where(t => t.Rules.Any(r => r.Type is not ("AGGREGATION" or "LIST" or "CUSTOM"))))
            problems.Add($"configured table '{t.Name}' has an analysis rule type other than AGGREGATION, LIST or CUSTOM.");

        if (problems.Count > 0)
            throw new InvalidDataException($"{source}: invalid world:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}");
    }
}
