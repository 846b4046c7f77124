using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.TableAssociation;

namespace CleanroomsStack.Core.Tests.Planning;

/// <summary>
/// A plan never holds two changes on one live resource: a listing that repeated an item once planned two deletes of
/// one association, and the applier ran the second after its summary. The invariant throws instead.
/// </summary>
public sealed class PlanInvariantsTests
{
    private static readonly ResourceAddress Membership = ResourceAddress.Membership("c1");

    private static ResourceChange Delete(string name, string liveId) =>
        new(Membership.Child(TableAssociationKind.Instance, name), ChangeAction.Delete, "no longer selected", [], "m1", liveId);

    [Fact]
    public void Two_changes_on_one_address_are_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PlanInvariants.OneChangePerResource([Delete("a", "id-1"), Delete("a", "id-1")]));

        Assert.Contains("2 changes on one resource", error.Message);
    }

    [Fact]
    public void Two_addresses_on_one_live_id_are_refused()
    {
        Assert.Throws<InvalidOperationException>(() => PlanInvariants.OneChangePerResource([Delete("a", "id-1"), Delete("b", "id-1")]));
    }

    [Fact]
    public void Distinct_resources_pass()
    {
        PlanInvariants.OneChangePerResource([Delete("a", "id-1"), Delete("b", "id-2")]);
    }
}
