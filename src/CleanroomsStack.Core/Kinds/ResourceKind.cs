using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Policy;

namespace CleanroomsStack.Core.Kinds;

/// <summary>
/// One kind of resource the tool manages (membership, table association, …): everything the pipeline needs to know
/// about it, declared by the kind itself. The pipeline iterates <see cref="ResourceKinds.All"/> and never switches over
/// kinds, so a new kind is one folder (its Core part in Resources/&lt;Kind&gt;, its engine part in the Engine's
/// Resources/&lt;Kind&gt;) plus one line in the registry.
/// </summary>
public abstract class ResourceKind
{
    /// <summary>The kind in an address, e.g. <c>table-association</c>; also the JSON plan's and the audit log's kind name.</summary>
    public abstract string AddressSegment { get; }

    /// <summary>How messages name one of it, e.g. "table association".</summary>
    public abstract string DisplayName { get; }

    /// <summary>The kind this one lives in; null only for the membership.</summary>
    public abstract ResourceKind? Parent { get; }

    /// <summary>Other kinds whose resources must exist before one of this kind is created (and go after it is deleted).</summary>
    public virtual IReadOnlyList<ResourceKind> DependsOn => [];

    /// <summary>Attributes (request-shape paths) the AWS API can't update in place: a change to one means replace.</summary>
    public abstract IReadOnlySet<string> ReplaceOnChange { get; }

    /// <summary>How many may exist per membership (null: no quota the planner plans around).</summary>
    public virtual int? QuotaPerMembership => null;

    /// <summary>The settings keys of collaborations.yaml this kind reads (for the JSON Schema and the config reference).</summary>
    public abstract IReadOnlyList<SchemaProperty> ConfigKeys { get; }

    /// <summary>The heading of this kind's section in docs/configuration.md.</summary>
    public abstract string DocsHeading { get; }

    /// <summary>The AWS operations this kind's reads and writes call, with their IAM actions and the commands that call them.</summary>
    public abstract IReadOnlyList<OperationPermission> Permissions { get; }

    /// <summary>Statements beyond the Clean Rooms actions of <see cref="Permissions"/> that the config makes necessary (e.g. on other services' resources).</summary>
    public virtual IEnumerable<PolicyStatement> PolicyStatements(PolicyContext context) => [];

    /// <summary>The Pulumi (aws-native) resource type it is exported as; null when it is embedded in its parent's resource.</summary>
    public abstract string? PulumiType { get; }

    /// <summary>Depth in the graph of parents and dependencies: the membership is 0, and each kind is deeper than what it needs.</summary>
    public int Level => Math.Max(Parent is null ? -1 : Parent.Level, DependsOn.Select(d => d.Level).DefaultIfEmpty(-1).Max()) + 1;

    public override string ToString() => AddressSegment;
}
