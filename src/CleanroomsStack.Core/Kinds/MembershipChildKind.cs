using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Config.Yaml;
using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Export;
using CleanroomsStack.Core.Import;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.Membership;

namespace CleanroomsStack.Core.Kinds;

/// <summary>What a kind's expansion sees: the collaboration's settings made concrete against the live inventory.</summary>
public sealed record KindExpansion(
    string CollaborationName, CollaborationSettings Settings, Inventory.CollaborationInfo Collaboration, Inventory.Inventory Inventory,
    List<Diagnostic> Diagnostics);

/// <summary>What a kind's differ sees for one membership.</summary>
/// <param name="MembershipId">Null when this plan creates the membership.</param>
public sealed record KindDiffScope(ResourceAddress Membership, DesiredCollaboration Desired, MembershipState? Live, string? MembershipId);

/// <summary>What a kind's export sees: the desired collaboration, its live membership and how to refer to the membership.</summary>
/// <param name="Prefix">The collaboration's logical-name prefix, e.g. <c>amc-collaboration</c>.</param>
/// <param name="MembershipReference">The membership's id as a Pulumi interpolation, e.g. <c>${amc-membership.membershipIdentifier}</c>.</param>
public sealed record KindExportScope(DesiredCollaboration Desired, MembershipState? Live, string Prefix, string MembershipReference)
{
    /// <summary>
    /// A resource inside the membership: named after the collaboration and the resource, and imported (aws-native's
    /// <c>&lt;id&gt;|&lt;membership id&gt;</c>) when <paramref name="liveId"/> names the one that exists.
    /// </summary>
    public PulumiResource Resource(string name, string type, PulumiMap properties, string? liveId) =>
        new($"{Prefix}-{PulumiProgramBuilder.Slug(name)}", type, properties, liveId is null ? null : $"{liveId}|{Live!.Id}", Protect: false);
}

/// <summary>
/// A kind that lives in a membership (table associations, ID namespace associations, …). The planner, the leave
/// planner, expansion, export and import call these for every such kind in <see cref="ResourceKinds.InMembership"/>.
/// </summary>
public abstract class MembershipChildKind : ResourceKind
{
    public override ResourceKind? Parent => MembershipKind.Instance;

    /// <summary>
    /// Whether a run reads this kind's live resources in memberships whose config asks for none of them (to report them
    /// as unmanaged). A kind that says no costs no call there; leaving and <c>import</c> read it all the same.
    /// </summary>
    public virtual bool ReadWhenUnconfigured => true;

    /// <summary>
    /// Whether a resource of this kind is one of the collaboration's schemas (table associations, ID mapping tables), whose
    /// names are unique across every member of the collaboration, not only within our membership.
    /// </summary>
    public virtual bool IsCollaborationSchema => false;

    /// <summary>Whether these settings ask for any resource of this kind.</summary>
    public virtual bool IsConfigured(CollaborationSettings settings) => true;

    /// <summary>Reads this kind's settings keys into <paramref name="parsed"/>; null when they are invalid (the reader said why).</summary>
    internal virtual KindValues? ParseSettings(ConfigReader reader, YamlMapping settings, KindValues parsed) => parsed;

    /// <summary>The resources of this kind the collaboration's settings ask for, added to <paramref name="desired"/>.</summary>
    public abstract KindValues Expand(KindExpansion scope, KindValues desired);

    /// <summary>Desired against live for this kind inside one membership.</summary>
    public abstract KindDiff Diff(KindDiffScope scope);

    /// <summary>Leaving: the deletes of every live resource of this kind (and of what lives in it).</summary>
    public abstract IEnumerable<ResourceChange> Leave(ResourceAddress membership, MembershipState live, string reason);

    /// <summary>The Pulumi resources that stand for this kind's desired resources of one collaboration.</summary>
    public abstract IEnumerable<PulumiResource> Export(KindExportScope scope);

    /// <summary>This kind's settings keys as <c>import</c> writes them for a live membership; empty when it has none of its own.</summary>
    public virtual IEnumerable<ImportedSection> Import(MembershipState live, Inventory.Inventory inventory) => [];
}
