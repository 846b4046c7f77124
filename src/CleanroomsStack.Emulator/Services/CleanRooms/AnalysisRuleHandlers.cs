using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>Collaboration analysis rules on configured table associations: at most one per rule type.</summary>
public static class AnalysisRuleHandlers
{
    private const string Collection = "/memberships/{membershipIdentifier}/configuredTableAssociations/{configuredTableAssociationIdentifier}/analysisRule";
    private const string Item = Collection + "/{analysisRuleType}";

    public static void Register(RouteTable routes)
    {
        routes.Rest("cleanrooms", "CreateConfiguredTableAssociationAnalysisRule", "POST", Collection, true, Create);
        routes.Rest("cleanrooms", "GetConfiguredTableAssociationAnalysisRule", "GET", Item, false, Get);
        routes.Rest("cleanrooms", "UpdateConfiguredTableAssociationAnalysisRule", "PATCH", Item, true, Update);
        routes.Rest("cleanrooms", "DeleteConfiguredTableAssociationAnalysisRule", "DELETE", Item, true, Delete);
    }

    private static OperationResult Create(OperationContext context)
    {
        var v = new FieldValidator();
        var type = v.Enum(context.Body, "analysisRuleType", true, AnalysisRulePolicy.RuleTypes);
        var policy = AnalysisRulePolicy.Read(v, context.Body, type);
        v.ThrowIfInvalid();

        var world = context.World;
        var membership = Lookups.Membership(context);
        var association = MembershipChildKinds.TableAssociations.Find(context, membership);
        if (association.Rules.Any(r => r.Type == type))
        {
            throw Errors.Conflict("ALREADY_EXISTS", $"Configured table association {association.Id} already has a {type} analysis rule.",
                association.Id, Lookups.TableAssociationType);
        }

        policy!.CheckAgainst(world, type!, membership, association);
        var now = world.Now();
        var rule = new AssociationRuleRecord
        {
            Type = type!,
            AllowedResultReceivers = policy.AllowedResultReceivers,
            AllowedAdditionalAnalyses = policy.AllowedAdditionalAnalyses,
            CreateTime = now,
            UpdateTime = now,
        };
        association.Rules.Add(rule);
        association.UpdateTime = world.UpdatedSince(association.UpdateTime);
        return Single(world, membership, association, rule);
    }

    private static OperationResult Get(OperationContext context)
    {
        var (membership, association, rule) = Find(context);
        return Single(context.World, membership, association, rule);
    }

    private static OperationResult Update(OperationContext context)
    {
        var (membership, association, rule) = Find(context);
        var v = new FieldValidator();
        var policy = AnalysisRulePolicy.Read(v, context.Body, rule.Type);
        v.ThrowIfInvalid();

        policy!.CheckAgainst(context.World, rule.Type, membership, association);
        rule.AllowedResultReceivers = policy.AllowedResultReceivers;
        rule.AllowedAdditionalAnalyses = policy.AllowedAdditionalAnalyses;
        rule.UpdateTime = context.World.UpdatedSince(rule.UpdateTime);
        return Single(context.World, membership, association, rule);
    }

    private static OperationResult Delete(OperationContext context)
    {
        var (_, association, rule) = Find(context);
        association.Rules.Remove(rule);
        association.UpdateTime = context.World.UpdatedSince(association.UpdateTime);
        return OperationResult.NoContent();
    }

    private static (MembershipRecord, TableAssociationRecord, AssociationRuleRecord) Find(OperationContext context)
    {
        var v = new FieldValidator();
        var type = v.CheckEnum(context.Label("analysisRuleType"), "analysisRuleType", AnalysisRulePolicy.RuleTypes);
        v.ThrowIfInvalid();

        var membership = Lookups.Membership(context);
        var association = MembershipChildKinds.TableAssociations.Find(context, membership);
        var rule = association.Rules.FirstOrDefault(r => r.Type == type)
                   ?? throw Errors.NotFound(Lookups.TableAssociationType, association.Id,
                       $"{type} analysis rule of configured table association");
        return (membership, association, rule);
    }

    private static OperationResult Single(World world, MembershipRecord m, TableAssociationRecord a, AssociationRuleRecord r) =>
        OperationResult.Json(new JsonObject { ["analysisRule"] = CleanRoomsJson.AnalysisRule(world, m, a, r) });
}
