using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.IdMappingTable;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;

namespace CleanroomsStack.Core.Tests.Fixtures;

/// <summary>A test's typed view of a planned change of one kind: its spec and state without casts. (Linked into Engine.Tests.)</summary>
public interface ITypedChange<TSelf>
{
    static abstract ResourceKind Kind { get; }

    static abstract TSelf Wrap(ResourceChange change);
}

public abstract record TypedChange<TSpec, TState>(ResourceChange Change) where TSpec : class where TState : class
{
    public ResourceAddress Address => Change.Address;
    public ChangeAction Action => Change.Action;
    public string Reason => Change.Reason;
    public IReadOnlyList<AttributeDiff> Diffs => Change.Diffs;
    public ReplacementOrder Order => Change.Order;
    public string? MembershipId => Change.MembershipId;
    public TSpec? Desired => Change.Desired as TSpec;
    public TState? Live => Change.Live as TState;
}

public sealed record MembershipChange(ResourceChange Change) : TypedChange<MembershipSpec, MembershipState>(Change), ITypedChange<MembershipChange>
{
    public static ResourceKind Kind => MembershipKind.Instance;
    public static MembershipChange Wrap(ResourceChange change) => new(change);
}

public sealed record TableAssociationChange(ResourceChange Change)
    : TypedChange<TableAssociationSpec, TableAssociationState>(Change), ITypedChange<TableAssociationChange>
{
    public static ResourceKind Kind => TableAssociationKind.Instance;
    public static TableAssociationChange Wrap(ResourceChange change) => new(change);
}

public sealed record AnalysisRuleChange(ResourceChange Change) : TypedChange<AnalysisRuleSpec, AnalysisRuleState>(Change), ITypedChange<AnalysisRuleChange>
{
    public static ResourceKind Kind => AnalysisRuleKind.Instance;
    public static AnalysisRuleChange Wrap(ResourceChange change) => new(change);
    public string? AssociationId => Change.ParentId;
}

public sealed record IdNamespaceAssociationChange(ResourceChange Change)
    : TypedChange<IdNamespaceAssociationSpec, IdNamespaceAssociationState>(Change), ITypedChange<IdNamespaceAssociationChange>
{
    public static ResourceKind Kind => IdNamespaceAssociationKind.Instance;
    public static IdNamespaceAssociationChange Wrap(ResourceChange change) => new(change);
}

public sealed record IdMappingTableChange(ResourceChange Change)
    : TypedChange<IdMappingTableSpec, IdMappingTableState>(Change), ITypedChange<IdMappingTableChange>
{
    public static ResourceKind Kind => IdMappingTableKind.Instance;
    public static IdMappingTableChange Wrap(ResourceChange change) => new(change);
}

public static class TypedChanges
{
    /// <summary>The changes of T's kind, typed.</summary>
    public static IEnumerable<T> OfKind<T>(this IEnumerable<ResourceChange> changes) where T : ITypedChange<T> =>
        changes.Where(c => c.Kind == T.Kind).Select(T.Wrap);

    /// <summary>The change as T, failing the test when it is of another kind.</summary>
    public static T As<T>(ResourceChange change) where T : ITypedChange<T>
    {
        Xunit.Assert.Equal(T.Kind, change.Kind);
        return T.Wrap(change);
    }
}
