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
        if (change is MembershipChange m)
        {
            ApplyMembership(m);
            return;
        }
        var index = _memberships.FindIndex(x => x.CollaborationId == collaborationId && x.Status == "ACTIVE");
        if (index < 0)
            return; // the membership is gone: everything in it went with it
        _memberships[index] = change switch
        {
            TableAssociationChange a => Associations(_memberships[index], a),
            AnalysisRuleChange r => Rules(_memberships[index], r),
            IdNamespaceAssociationChange n => Namespaces(_memberships[index], n),
            IdMappingTableChange t => MappingTables(_memberships[index], t),
            _ => throw new InvalidOperationException($"unknown change {change.GetType().Name}"),
        };
    }

    private void ApplyMembership(MembershipChange change)
    {
        var spec = change.Desired;
        switch (change.Action)
        {
            case ChangeAction.Create:
                var id = NewId();
                _memberships.Add(new MembershipState(id, $"arn:membership/{id}", spec!.CollaborationId, "(created)", "ACTIVE", spec.QueryLogStatus, [], [],
                    spec.JobLogStatus, spec.DefaultResultConfiguration, spec.Payment ?? new PaymentConfiguration(false), []));
                break;
            case ChangeAction.Update:
                Replace(change.Live!, m => m with
                {
                    QueryLogStatus = spec!.QueryLogStatus,
                    JobLogStatus = spec.JobLogStatus ?? m.JobLogStatus,
                    DefaultResultConfiguration = spec.DefaultResultConfiguration ?? m.DefaultResultConfiguration,
                });
                break;
            case ChangeAction.Delete:
                _memberships.RemoveAll(m => m.Id == change.Live!.Id);
                break;
        }
    }

    private void Replace(MembershipState live, Func<MembershipState, MembershipState> edit)
    {
        var index = _memberships.FindIndex(m => m.Id == live.Id);
        _memberships[index] = edit(_memberships[index]);
    }

    private static string? Stored(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private MembershipState Associations(MembershipState m, TableAssociationChange change)
    {
        var list = m.TableAssociations.Where(a => change.Action is ChangeAction.Create || a.Id != change.Live?.Id).ToList();
        var spec = change.Desired;
        if (change.Action is ChangeAction.Create or ChangeAction.Replace)
            list.Add(new TableAssociationState(NewId(), "arn:cta", spec!.Name.ToLowerInvariant(), spec.ConfiguredTableId, spec.RoleArn, Stored(spec.Description), []));
        if (change.Action is ChangeAction.Update)
            list.Add(change.Live! with { RoleArn = spec!.RoleArn, Description = spec.Description is null ? change.Live.Description : Stored(spec.Description) });
        return m with { TableAssociations = list };
    }

    private static MembershipState Rules(MembershipState m, AnalysisRuleChange change)
    {
        var associationName = change.Address.Parent!.Name;
        var association = m.TableAssociations.FirstOrDefault(a => string.Equals(a.Name, associationName, StringComparison.OrdinalIgnoreCase));
        if (association is null)
            return m;
        var rules = association.Rules.Where(r => r.Type != (change.Desired?.Type ?? change.Live!.Type)).ToList();
        if (change.Action is not ChangeAction.Delete)
            rules.Add(new AnalysisRuleState(change.Desired!.Type, change.Desired.AllowedResultReceivers, change.Desired.AllowedAdditionalAnalyses));
        return m with { TableAssociations = m.TableAssociations.Select(a => a == association ? a with { Rules = rules } : a).ToList() };
    }

    private MembershipState Namespaces(MembershipState m, IdNamespaceAssociationChange change)
    {
        var list = m.IdNamespaceAssociations.Where(n => change.Action is ChangeAction.Create || n.Id != change.Live?.Id).ToList();
        var spec = change.Desired;
        if (change.Action is ChangeAction.Create or ChangeAction.Replace)
            list.Add(new IdNamespaceAssociationState(NewId(), "arn:ina", spec!.Name, spec.InputReferenceArn, spec.ManageResourcePolicies,
                Stored(spec.Description), spec.AllowUseAsDimensionColumn));
        if (change.Action is ChangeAction.Update)
            list.Add(change.Live! with
            {
                Name = spec!.Name,
                Description = spec.Description is null ? change.Live.Description : Stored(spec.Description),
                AllowUseAsDimensionColumn = spec.AllowUseAsDimensionColumn,
            });
        return m with { IdNamespaceAssociations = list };
    }

    private MembershipState MappingTables(MembershipState m, IdMappingTableChange change)
    {
        var list = (m.IdMappingTables ?? []).Where(t => change.Action is ChangeAction.Create || t.Id != change.Live?.Id).ToList();
        var spec = change.Desired;
        if (change.Action is ChangeAction.Create or ChangeAction.Replace)
            list.Add(new IdMappingTableState(NewId(), "arn:imt", spec!.Name, spec.InputReferenceArn, spec.ManageResourcePolicies,
                Stored(spec.Description), spec.KmsKeyArn));
        if (change.Action is ChangeAction.Update)
            list.Add(change.Live! with
            {
                Description = spec!.Description is null ? change.Live.Description : Stored(spec.Description),
                KmsKeyArn = spec.KmsKeyArn ?? change.Live.KmsKeyArn,
            });
        return m with { IdMappingTables = list };
    }
}
