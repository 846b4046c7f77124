using CleanroomsStack.Core.Policy;

namespace CleanroomsStack.Core.Kinds;

/// <summary>
/// A kind of resource that can live in a membership but that this tool doesn't manage: it never creates, changes or
/// deletes one. AWS deletes a membership only once nothing is left under it ("All resources under a membership must be
/// deleted"), so where the config leaves a collaboration these are read first, and a membership holding any can't be
/// left: the plan is one error naming them (CS221) instead of deletes that would stop halfway, at DeleteMembership.
/// A new one is its folder here and in the Engine's Resources, and a line in <see cref="ForeignKinds"/>.
/// </summary>
public abstract class ForeignKind
{
    /// <summary>How messages name one of it, e.g. "privacy budget template".</summary>
    public abstract string DisplayName { get; }

    /// <summary>The listing that finds them in a membership (called only where the config leaves the collaboration).</summary>
    public abstract OperationPermission List { get; }

    public override string ToString() => DisplayName;
}

/// <summary>One resource of a <see cref="ForeignKind"/> found in a membership: its id and, for kinds that have one, its name.</summary>
public sealed record ForeignResource(ForeignKind Kind, string Id, string? Name = null)
{
    /// <summary>How a message names it within its kind: <c>'name' (id)</c>, or the id alone.</summary>
    public string Label => Name is null ? Id : $"'{Name}' ({Id})";
}

/// <summary>The registry of kinds that can block leaving. Managed kinds are not here: leaving deletes all of theirs.</summary>
public static class ForeignKinds
{
    public static IReadOnlyList<ForeignKind> All { get; } =
    [
        Resources.PrivacyBudgetTemplate.PrivacyBudgetTemplateKind.Instance,
        Resources.ConfiguredAudienceModelAssociation.ConfiguredAudienceModelAssociationKind.Instance,
    ];

    /// <summary>"privacy budget template: 1a…; configured audience model association: 'lookalike' (3c…)", kind by kind.</summary>
    public static string Describe(IEnumerable<ForeignResource> resources) =>
        string.Join("; ", resources.GroupBy(r => r.Kind).Select(g => $"{g.Key.DisplayName}: {string.Join(", ", g.Select(r => r.Label))}"));
}
