using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.IdMappingTable;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;

namespace CleanroomsStack.Core.Tests.Fixtures;

/// <summary>
/// Applies a plan to a live state the way AWS would end up, without any I/O: the pure half of a convergence test.
/// It behaves like the API (empty descriptions come back absent, names come back lowercase), so a planner that
/// keeps asking for something AWS won't store shows up as a plan that never becomes empty.
/// </summary>
internal sealed class PlanSimulator
{
    private readonly List<MembershipState> _memberships;
    private int _nextId = 5000;

    private PlanSimulator(LiveState live) => _memberships = live.Memberships.ToList();

    public static LiveState Apply(Plan plan, LiveState live)
    {
        var simulator = new PlanSimulator(live);
        foreach (var collaboration in plan.Collaborations)
            foreach (var change in collaboration.Changes.Where(c => c.Action != ChangeAction.NoOp))
                simulator.Apply(change);
        return new LiveState(simulator._memberships);
    }

    private string NewId() => DemoWorld.Id(++_nextId);

    private void Apply(ResourceChange change)
    {
        var collaborationId = change.Address.CollaborationId;
        if (change.Kind == MembershipKind.Instance)
        {
            ApplyMembership(change);
            return;
        }
        var index = _memberships.FindIndex(x => x.CollaborationId == collaborationId && x.Status == "ACTIVE");
        if (index < 0)
            return; // the membership is gone: everything in it went with it
        var m = _memberships[index];
        _memberships[index] = change.Kind switch
        {
            TableAssociationKind => Associations(m, change),
            AnalysisRuleKind => Rules(m, change),
            IdNamespaceAssociationKind => Namespaces(m, change),
            IdMappingTableKind => MappingTables(m, change),
            _ => throw new InvalidOperationException($"the simulator has no {change.Kind} kind"),
        };
    }

    private void ApplyMembership(ResourceChange change)
    {
        var spec = change.Desired as MembershipSpec;
        switch (change.Action)
        {
            case ChangeAction.Create:
                var id = NewId();
                _memberships.Add(new MembershipState(id, $"arn:membership/{id}", spec!.CollaborationId, "(created)", "ACTIVE", spec.QueryLogStatus,
                    Kinds.KindValues.Empty, spec.JobLogStatus, spec.DefaultResultConfiguration, spec.Payment ?? new PaymentConfiguration(false)));
                break;
            case ChangeAction.Update:
                Replace(change.LiveId!, m => m with
                {
                    QueryLogStatus = spec!.QueryLogStatus,
                    JobLogStatus = spec.JobLogStatus ?? m.JobLogStatus,
                    DefaultResultConfiguration = spec.DefaultResultConfiguration ?? m.DefaultResultConfiguration,
                });
                break;
            case ChangeAction.Delete:
                _memberships.RemoveAll(m => m.Id == change.LiveId);
                break;
        }
    }

    private void Replace(string id, Func<MembershipState, MembershipState> edit)
    {
        var index = _memberships.FindIndex(m => m.Id == id);
        _memberships[index] = edit(_memberships[index]);
    }

    private static string? Stored(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private MembershipState Associations(MembershipState m, ResourceChange change)
    {
        var list = m.TableAssociations.Where(a => change.Action is ChangeAction.Create || a.Id != change.LiveId).ToList();
        var spec = change.Desired as TableAssociationSpec;
        if (change.Action is ChangeAction.Create or ChangeAction.Replace)
            list.Add(new TableAssociationState(NewId(), "arn:cta", spec!.Name.ToLowerInvariant(), spec.ConfiguredTableId, spec.RoleArn, Stored(spec.Description), []));
        if (change is { Action: ChangeAction.Update, Live: TableAssociationState live })
            list.Add(live with { RoleArn = spec!.RoleArn, Description = spec.Description is null ? live.Description : Stored(spec.Description) });
        return m.WithTableAssociations(list);
    }

    private static MembershipState Rules(MembershipState m, ResourceChange change)
    {
        var associationName = change.Address.Parent!.Name;
        var association = m.TableAssociations.FirstOrDefault(a => string.Equals(a.Name, associationName, StringComparison.OrdinalIgnoreCase));
        if (association is null)
            return m;
        var desired = change.Desired as AnalysisRuleSpec;
        var rules = association.Rules.Where(r => r.Type != (desired?.Type ?? change.LiveAs<AnalysisRuleState>().Type)).ToList();
        if (change.Action is not ChangeAction.Delete)
            rules.Add(new AnalysisRuleState(desired!.Type, desired.AllowedResultReceivers, desired.AllowedAdditionalAnalyses));
        return m.WithTableAssociations(m.TableAssociations.Select(a => a == association ? a with { Rules = rules } : a).ToList());
    }

    private MembershipState Namespaces(MembershipState m, ResourceChange change)
    {
        var list = m.IdNamespaceAssociations.Where(n => change.Action is ChangeAction.Create || n.Id != change.LiveId).ToList();
        var spec = change.Desired as IdNamespaceAssociationSpec;
        if (change.Action is ChangeAction.Create or ChangeAction.Replace)
            list.Add(new IdNamespaceAssociationState(NewId(), "arn:ina", spec!.Name, spec.InputReferenceArn, spec.ManageResourcePolicies,
                Stored(spec.Description), spec.AllowUseAsDimensionColumn));
        if (change is { Action: ChangeAction.Update, Live: IdNamespaceAssociationState live })
            list.Add(live with
            {
                Name = spec!.Name,
                Description = spec.Description is null ? live.Description : Stored(spec.Description),
                AllowUseAsDimensionColumn = spec.AllowUseAsDimensionColumn,
            });
        return m.WithIdNamespaceAssociations(list);
    }

    private MembershipState MappingTables(MembershipState m, ResourceChange change)
    {
        var list = m.IdMappingTables.Where(t => change.Action is ChangeAction.Create || t.Id != change.LiveId).ToList();
        var spec = change.Desired as IdMappingTableSpec;
        if (change.Action is ChangeAction.Create or ChangeAction.Replace)
            list.Add(new IdMappingTableState(NewId(), "arn:imt", spec!.Name, spec.InputReferenceArn, spec.ManageResourcePolicies,
                Stored(spec.Description), spec.KmsKeyArn));
        if (change is { Action: ChangeAction.Update, Live: IdMappingTableState live })
            list.Add(live with
            {
                Description = spec!.Description is null ? live.Description : Stored(spec.Description),
                KmsKeyArn = spec.KmsKeyArn ?? live.KmsKeyArn,
            });
        return m.WithIdMappingTables(list);
    }
}
