using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Engine.Applying;

namespace CleanroomsStack.Engine.Tests;

/// <summary>The dependency graph inside one collaboration, as data.</summary>
public sealed class ApplyOrderTests
{
    private static readonly ResourceAddress Membership = ResourceAddress.Membership("c-1");

    [Fact]
    public void EverythingWaitsForAndRequiresTheMembership()
    {
        var membership = Change(Membership, ChangeAction.Create);
        var association = Change(Membership.Child(TableAssociationKind.Instance, "a"), ChangeAction.Create);
        var changes = new[] { membership, association };

        var dependency = Assert.Single(ApplyOrder.Of(association, changes));

        Assert.Equal((membership, true), (dependency.On, dependency.Required));
        Assert.Empty(ApplyOrder.Of(membership, changes));
    }

    [Fact]
    public void ARuleRequiresItsAssociationAndAnAssociationDeleteRequiresItsRuleDeletes()
    {
        var association = Membership.Child(TableAssociationKind.Instance, "a");
        var create = Change(association, ChangeAction.Create);
        var rule = Change(association.Child(AnalysisRuleKind.Instance, "CUSTOM"), ChangeAction.Create);
        var otherRule = Change(Membership.Child(TableAssociationKind.Instance, "b").Child(AnalysisRuleKind.Instance, "CUSTOM"), ChangeAction.Create);
        Assert.Equal([(create, true)], ApplyOrder.Of(rule, [create, rule, otherRule]).Select(d => (d.On, d.Required)));

        var delete = Change(association, ChangeAction.Delete);
        var ruleDelete = Change(association.Child(AnalysisRuleKind.Instance, "LIST"), ChangeAction.Delete);
        Assert.Equal([(ruleDelete, true)], ApplyOrder.Of(delete, [delete, ruleDelete]).Select(d => (d.On, d.Required)));
    }

    [Fact]
    public void CreatesWaitForDeletesOfTheirKindWithoutBeingBlockedByThem()
    {
        var delete = Change(Membership.Child(TableAssociationKind.Instance, "old"), ChangeAction.Delete);
        var create = Change(Membership.Child(TableAssociationKind.Instance, "new"), ChangeAction.Create);
        var namespaceCreate = Change(Membership.Child(IdNamespaceAssociationKind.Instance, "ns"), ChangeAction.Create);

        Assert.Equal([(delete, false)], ApplyOrder.Of(create, [delete, create, namespaceCreate]).Select(d => (d.On, d.Required)));
        Assert.Empty(ApplyOrder.Of(namespaceCreate, [delete, create, namespaceCreate]));
    }

    [Fact]
    public void RanksPutEveryDependencyFirst()
    {
        var association = Membership.Child(TableAssociationKind.Instance, "a");
        var changes = new[]
        {
            Change(Membership, ChangeAction.Update),
            Change(association, ChangeAction.Delete),
            Change(association.Child(AnalysisRuleKind.Instance, "LIST"), ChangeAction.Delete),
            Change(Membership.Child(TableAssociationKind.Instance, "b"), ChangeAction.Replace),
            Change(Membership.Child(TableAssociationKind.Instance, "b").Child(AnalysisRuleKind.Instance, "CUSTOM"), ChangeAction.Create),
            Change(Membership.Child(IdNamespaceAssociationKind.Instance, "ns"), ChangeAction.Delete),
            Change(Membership.Child(IdNamespaceAssociationKind.Instance, "ns2"), ChangeAction.Create),
        };

        foreach (var change in changes)
            Assert.All(ApplyOrder.Of(change, changes), d => Assert.True(ApplyOrder.Rank(d.On) < ApplyOrder.Rank(change), $"{change.Address} ranks before {d.On.Address}"));
    }

    /// <summary>A change of the right kind for its address; only address, kind and action matter to the order.</summary>
    private static ResourceChange Change(ResourceAddress address, ChangeAction action) =>
        new(address, action, "test", [], "m-1", ParentId: address.Kind == AnalysisRuleKind.Instance ? "a-1" : null);
}
