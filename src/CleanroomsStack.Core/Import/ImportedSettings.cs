using CleanroomsStack.Core.Resources.Membership;

namespace CleanroomsStack.Core.Import;

// The settings of one live membership, grouped as collaborations.yaml groups them. Records compare by value, so the
// most common value of a group across memberships becomes the default and only differing groups are written per
// collaboration. (Lists are held as joined keys where value equality matters.)

public sealed record ImportedMembership(string QueryLogStatus, string? JobLogStatus, ResultConfiguration? DefaultResultConfiguration);

public sealed record ImportedTables(string Names)
{
    public IReadOnlyList<string> List => Names.Length == 0 ? [] : Names.Split('\n');
}

public sealed record ImportedAssociation(string NameTemplate, string Role, string? Description);

/// <param name="Receivers">Null: <c>auto</c>; otherwise the explicit account ids, joined by ','.</param>
public sealed record ImportedRule(string Type, string? Receivers, string AdditionalAnalyses);

public sealed record ImportedCollaboration(
    string Id, string Name, ImportedMembership Membership, ImportedTables Tables, ImportedAssociation Association,
    ImportedRule Rule, IReadOnlyList<ImportedSection> Sections, bool AdoptExistingNames);
