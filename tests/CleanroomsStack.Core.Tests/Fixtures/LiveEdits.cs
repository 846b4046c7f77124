using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;

namespace CleanroomsStack.Core.Tests.Fixtures;

/// <summary>Small edits to an applied membership, to describe drift in tests.</summary>
internal static class LiveEdits
{
    public static LiveState LiveWith(params MembershipState[] memberships) => new(memberships);

    public static MembershipState EditAssociation(this MembershipState membership, string name, Func<TableAssociationState, TableAssociationState> edit) =>
        membership.WithTableAssociations(membership.TableAssociations.Select(a => a.Name == name ? edit(a) : a).ToList());

    public static MembershipState WithoutAssociation(this MembershipState membership, string name) =>
        membership.WithTableAssociations(membership.TableAssociations.Where(a => a.Name != name).ToList());

    public static MembershipState AddAssociation(this MembershipState membership, TableAssociationState association) =>
        membership.WithTableAssociations([.. membership.TableAssociations, association]);
}
