using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Inventory;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;

namespace CleanroomsStack.Core.Desired;

/// <summary>
/// Expands the config against the live inventory into concrete desired resources. Pure: every problem it finds
/// (unknown collaboration, nobody to receive results, an impossible association name) becomes a diagnostic
/// that points at the config line responsible. Collaborations with errors are left out of the desired state.
/// </summary>
public static class DesiredStateExpander
{
    public static DesiredState Expand(StackConfig config, Inventory.Inventory inventory)
    {
        var region = inventory.Region ?? config.Region ?? "(default region)";
        var diagnostics = new List<Diagnostic>();
        var collaborations = new List<DesiredCollaboration>();
        foreach (var collaboration in config.Collaborations)
        {
            var found = new List<Diagnostic>();
            var desired = ExpandCollaboration(collaboration, inventory, region, found);
            diagnostics.AddRange(found);
            if (desired is not null && !found.HasErrors())
                collaborations.Add(desired);
        }
        var ordered = collaborations.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.CollaborationId, StringComparer.Ordinal).ToList();
        return new DesiredState(region, ordered, diagnostics);
    }

    private static DesiredCollaboration? ExpandCollaboration(CollaborationConfig config, Inventory.Inventory inventory, string region, List<Diagnostic> diagnostics)
    {
        var caller = inventory.Caller.AccountId;
        var info = inventory.Collaborations.FirstOrDefault(c => c.Id == config.Id.Value);
        if (info is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CollaborationNotFound,
                $"no invitation or membership for collaboration {config.Id.Value} ('{config.Name}') in account {caller} region {region}",
                config.Id.Location, "check the id against the invitation, and that the credentials (--profile) and region (--region, defaults.region) are the invited account's"));
            return null;
        }
        if (Label(info, config, diagnostics) is not { } label)
            return null;
        var settings = config.Settings;
        var receivers = ResultReceiverResolver.Resolve(settings.AnalysisRule.Receivers, info, caller, diagnostics);
        var rule = new AnalysisRuleSpec(settings.AnalysisRule.Type, receivers ?? [], settings.AnalysisRule.AllowedAdditionalAnalyses);
        var associations = Associations(config, inventory, rule, diagnostics);
        var namespaces = settings.IdNamespaceAssociations
            .Select(n => new IdNamespaceAssociationSpec(n.Name, n.Arn, n.ManageResourcePolicies, n.Description, n.AllowUseAsDimensionColumn))
            .ToList();
        return new DesiredCollaboration(info.Id, config.Name, label, new MembershipSpec(info.Id, settings.Membership.QueryLogStatus),
            associations, namespaces, settings.Association.NameTemplate.Value, TemplateNames(settings.Association.NameTemplate.Value, inventory));
    }

    /// <summary>How the plan introduces the collaboration; null (with an error) when the account can't take part any more.</summary>
    private static string? Label(CollaborationInfo info, CollaborationConfig config, List<Diagnostic> diagnostics)
    {
        switch (info.MemberStatus)
        {
            case "INVITED":
                return $"accept invitation from {info.CreatorDisplayName} ({info.CreatorAccountId})";
            case "ACTIVE":
                return $"membership {info.MembershipId}";
            default:
                var what = info.MemberStatus == "REMOVED" ? "was removed from" : "has left";
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.CollaborationNotJoinable,
                    $"this account {what} collaboration {info.Id} ('{config.Name}'); AWS doesn't let it join again", config.Id.Location,
                    "remove this collaboration from the config, or ask its creator for a new invitation to a new collaboration"));
                return null;
        }
    }

    private static IReadOnlyList<TableAssociationSpec> Associations(CollaborationConfig config, Inventory.Inventory inventory, AnalysisRuleSpec rule, List<Diagnostic> diagnostics)
    {
        var settings = config.Settings;
        var selection = TableSelector.Select(settings.Tables, inventory.ConfiguredTables);
        ReportSelection(config, inventory, selection, diagnostics);
        var roleArn = RoleArn(settings.Association.Role.Value, inventory.Caller.AccountId);
        var template = settings.Association.NameTemplate;
        var specs = new List<TableAssociationSpec>();
        foreach (var table in selection.Selected)
        {
            var name = AssociationName(template.Value, table.Name);
            if (!Formats.IsTableAlias(name))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidAssociationName,
                    $"table '{table.Name}' gives the association name '{name}', which AWS rejects", template.Location,
                    "association names allow letters, digits, '_', ' ' and '-' (up to 128 characters); exclude the table or change association.nameTemplate"));
                continue;
            }
            if (specs.FirstOrDefault(s => s.Name == name) is { } clash)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateAssociationName,
                    $"tables '{clash.TableName}' and '{table.Name}' both give the association name '{name}'", template.Location,
                    "association names are lowercased by AWS; exclude one of the tables"));
                continue;
            }
            specs.Add(new TableAssociationSpec(name, table.Id, table.Name, roleArn, settings.Association.Description, rule));
        }
        return specs;
    }

    private static void ReportSelection(CollaborationConfig config, Inventory.Inventory inventory, TableSelectionResult selection, List<Diagnostic> diagnostics)
    {
        var tables = config.Settings.Tables;
        var known = inventory.ConfiguredTables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in (tables.Names ?? []).Where(n => !known.Contains(n.Value)))
        {
            var closest = Suggestions.Closest(missing.Value, known);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownTable,
                $"tables.names lists '{missing.Value}', which is not a configured table of account {inventory.Caller.AccountId}", missing.Location,
                closest is null ? "check the name with 'aws cleanrooms list-configured-tables'" : $"did you mean '{closest}'?"));
        }
        if (selection.Selected.Count == 0)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.NoTablesSelected,
                $"no configured table matches tables.include/exclude for '{config.Name}'", tables.Location,
                "check the patterns against the names from 'aws cleanrooms list-configured-tables'"));
        }
        if (selection.LeftOut.Count == 0)
            return;
        var names = string.Join(", ", selection.LeftOut.Select(t => t.Name));
        if (tables.OnExceed == ExceedBehaviour.Error)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TooManyTables,
                $"{selection.Selected.Count + selection.LeftOut.Count} tables are selected for '{config.Name}' but tables.max is {tables.Max.Value}; over the limit: {names}",
                tables.Max.Location, "raise tables.max, narrow tables.include/exclude, or set tables.onExceed: truncate"));
            return;
        }
        diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.TablesLeftOut,
            $"{selection.LeftOut.Count} matching table(s) left out of '{config.Name}' by tables.max {tables.Max.Value}: {names}",
            tables.Max.Location, "raise tables.max or narrow tables.include/exclude so every table you mean to share fits"));
    }

    private static IReadOnlySet<string> TemplateNames(string template, Inventory.Inventory inventory) =>
        inventory.ConfiguredTables.Select(t => AssociationName(template, t.Name)).ToHashSet(StringComparer.Ordinal);

    /// <summary>AWS stores association names lowercase, so the desired name is lowercased up front.</summary>
    public static string AssociationName(string template, string tableName) =>
        template.Replace("{table}", tableName, StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>A role name lives in the caller's account; a full ARN is taken as written.</summary>
    public static string RoleArn(string role, string callerAccountId) =>
        role.StartsWith("arn:", StringComparison.Ordinal) ? role : $"arn:aws:iam::{callerAccountId}:role/{role}";
}
