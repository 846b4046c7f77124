using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Resources.PrivacyBudgetTemplate;
using CleanroomsStack.Engine.Kinds;
using CleanroomsStack.Engine.Ports;

namespace CleanroomsStack.Engine.Resources.PrivacyBudgetTemplate;

/// <summary>Finds a membership's privacy budget template (it has no name; the id names it).</summary>
internal sealed class PrivacyBudgetTemplateEngine : ForeignKindEngine
{
    public override ForeignKind Kind => PrivacyBudgetTemplateKind.Instance;

    public override async Task<IReadOnlyList<ForeignResource>> ReadAsync(ICleanRoomsApi api, string membershipId, CancellationToken ct) =>
        (await api.ListPrivacyBudgetTemplatesAsync(membershipId, ct)).Select(t => new ForeignResource(Kind, t.Id)).ToList();
}
