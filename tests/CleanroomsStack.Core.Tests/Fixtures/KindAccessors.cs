using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Resources.IdMappingTable;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;

namespace CleanroomsStack.Core.Tests.Fixtures;

/// <summary>
/// Tests read and edit the resources of each kind by name; the product reaches them only through their kind
/// (<c>TableAssociationKind.Instance.States(m)</c>). These accessors keep test code short. (Linked into Engine.Tests.)
/// </summary>
public static class KindAccessors
{
    extension(MembershipState m)
    {
        public IReadOnlyList<TableAssociationState> TableAssociations => TableAssociationKind.Instance.States(m);
        public IReadOnlyList<IdNamespaceAssociationState> IdNamespaceAssociations => IdNamespaceAssociationKind.Instance.States(m);
        public IReadOnlyList<IdMappingTableState> IdMappingTables => IdMappingTableKind.Instance.States(m);

        public MembershipState WithTableAssociations(IReadOnlyList<TableAssociationState> list) =>
            m with { Children = m.Children.With(TableAssociationKind.Instance, list) };

        public MembershipState WithIdNamespaceAssociations(IReadOnlyList<IdNamespaceAssociationState> list) =>
            m with { Children = m.Children.With(IdNamespaceAssociationKind.Instance, list) };

        public MembershipState WithIdMappingTables(IReadOnlyList<IdMappingTableState> list) =>
            m with { Children = m.Children.With(IdMappingTableKind.Instance, list) };
    }

    extension(DesiredCollaboration d)
    {
        public IReadOnlyList<TableAssociationSpec> TableAssociations => TableAssociationKind.Instance.Specs(d);
        public IReadOnlyList<IdNamespaceAssociationSpec> IdNamespaceAssociations => IdNamespaceAssociationKind.Instance.Specs(d);
        public IReadOnlyList<IdMappingTableSpec> IdMappingTables => IdMappingTableKind.Instance.Specs(d);

        public DesiredCollaboration WithTableAssociations(IReadOnlyList<TableAssociationSpec> list) =>
            d with { Children = d.Children.With(TableAssociationKind.Instance, list) };

        public DesiredCollaboration WithIdNamespaceAssociations(IReadOnlyList<IdNamespaceAssociationSpec> list) =>
            d with { Children = d.Children.With(IdNamespaceAssociationKind.Instance, list) };

        public DesiredCollaboration WithIdMappingTables(IReadOnlyList<IdMappingTableSpec> list) =>
            d with { Children = d.Children.With(IdMappingTableKind.Instance, list) };
    }
}
