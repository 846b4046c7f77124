using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Inventory;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.IdMappingTable;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
using CleanroomsStack.Core.Resources.TableAssociation;

namespace CleanroomsStack.Core.Desired;

/// <summary>
/// One collaboration's settings made concrete against the inventory: the membership, an association (with its
/// rule) per selected table, and the ID namespace associations.
/// </summary>
public static class CollaborationExpander
{
    public static DesiredCollaboration Expand(string name, CollaborationSettings settings, CollaborationInfo info, Inventory.Inventory inventory,
        string label, SourceLocation? location, List<Diagnostic> diagnostics)
    {
        var receivers = ResultReceiverResolver.Resolve(settings.AnalysisRule.Receivers, info, inventory.Caller.AccountId, diagnostics);
        var rule = new AnalysisRuleSpec(settings.AnalysisRule.Type, receivers ?? [], settings.AnalysisRule.AllowedAdditionalAnalyses);
        var associations = Associations(name, settings, inventory, rule, diagnostics);
        var namespaces = settings.IdNamespaceAssociations
            .Select(n => new IdNamespaceAssociationSpec(n.Name, n.Arn, n.ManageResourcePolicies, n.Description, n.AllowUseAsDimensionColumn, settings.Tags))
            .ToList();
        var template = settings.Association.NameTemplate.Value;
        var membership = MembershipExpander.Expand(settings, info, inventory.Caller.AccountId, diagnostics);
        return new DesiredCollaboration(info.Id, name, label, membership,
            associations, namespaces, template, TemplateNames(template, inventory), Leave: false, location, settings.AdoptExistingNames,
            (settings.IdMappingTables ?? [])
                .Select(t => new IdMappingTableSpec(t.Name, t.WorkflowArn, t.ManageResourcePolicies, t.Description, t.KmsKeyArn, settings.Tags))
                .ToList());
    }

    private static IReadOnlyList<TableAssociationSpec> Associations(string collaboration, CollaborationSettings settings, Inventory.Inventory inventory,
        AnalysisRuleSpec rule, List<Diagnostic> diagnostics)
    {
        var selection = TableSelector.Select(settings.Tables, inventory.ConfiguredTables);
        SelectionReport.Report(collaboration, settings.Tables, inventory, selection, diagnostics);
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
            specs.Add(new TableAssociationSpec(name, table.Id, table.Name, roleArn, settings.Association.Description, rule, settings.Tags));
        }
        return specs;
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
