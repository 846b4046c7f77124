using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Rendering;

namespace CleanroomsStack.Core.Tests.Rendering;

/// <summary>Apply lines name a change as the plan does: the collaboration's name, then the address inside its block.</summary>
public sealed class ChangeNamesTests
{
    private const string Amc = "27b93e2b-5001-4b20-a47b-6aad96ec8958";
    private const string Other = "5c0d9a1e-2f43-4b6e-9a7d-3e1f8b2c4d60";
    private const string Third = "8e4f2a6b-7c19-4d3e-b5a0-9f6e1d2c3b47";

    [Fact]
    public void AChangeIsNamedByItsCollaborationAndItsAddressInsideTheCollaborationsBlock()
    {
        var names = ChangeNames.Of(PlanOf((Amc, "AMC Collaboration")));
        var membership = ResourceAddress.Membership(Amc);
        var rule = membership.Child(TableAssociationKind.Instance, "acx_part_age").Child(AnalysisRuleKind.Instance, "CUSTOM");

        Assert.Equal("AMC Collaboration: membership", names.Of(membership));
        Assert.Equal("AMC Collaboration: table-association[acx_part_age]/analysis-rule[CUSTOM]", names.Of(rule));
        Assert.Equal("table-association[acx_part_age]/analysis-rule[CUSTOM]", ChangeNames.Relative(rule));
    }

    [Fact]
    public void CollaborationsThatShareANameAreToldApartByTheirIdsAndOneThePlanLacksByItsId()
    {
        var names = ChangeNames.Of(PlanOf((Amc, "Retail"), (Other, "Retail"), (Third, "Measurement")));

        Assert.Equal($"Retail ({Amc})", names.Collaboration(ResourceAddress.Membership(Amc)));
        Assert.Equal($"Retail ({Other})", names.Collaboration(ResourceAddress.Membership(Other)));
        Assert.Equal("Measurement", names.Collaboration(ResourceAddress.Membership(Third)));
        Assert.Equal("00000000-0000-4000-8000-000000000000", ChangeNames.Of(PlanOf()).Collaboration(ResourceAddress.Membership("00000000-0000-4000-8000-000000000000")));
    }

    private static Plan PlanOf(params (string Id, string Name)[] collaborations) =>
        new(collaborations.Select(c => new CollaborationPlan(c.Id, c.Name, "membership", [], [])).ToList(), []);
}
