using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Resources.AnalysisRule;

namespace CleanroomsStack.Core.Resources.TableAssociation;

/// <summary>
/// The associations a collaboration's settings ask for: one per selected table (<see cref="TableSelector"/>), named by
/// the template, with the role resolved in the caller's account and the collaboration analysis rule on each.
/// </summary>
internal static class TableAssociationExpansion
{
    public static IReadOnlyList<TableAssociationSpec> Expand(KindExpansion scope)
    {
        var settings = scope.Settings;
        var inventory = scope.Inventory;
        var receivers = AnalysisRuleKind.Receivers(scope);
        var selection = TableSelector.Select(settings.Tables, inventory.ConfiguredTables);
        SelectionReport.Report(scope.CollaborationName, settings.Tables, inventory, selection, scope.Diagnostics);
        var roleArn = CollaborationExpander.RoleArn(settings.Association.Role.Value, inventory.Caller.AccountId);
        var template = settings.Association.NameTemplate;
        var specs = new List<TableAssociationSpec>();
        foreach (var table in selection.Selected)
        {
            var name = AssociationName(template.Value, table.Name);
            if (!Formats.IsTableAlias(name))
            {
                scope.Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidAssociationName,
                    $"table '{table.Name}' gives the association name '{name}', which AWS rejects", template.Location,
                    "association names allow letters, digits, '_', ' ' and '-' (up to 128 characters); exclude the table or change association.nameTemplate"));
                continue;
            }
            if (specs.FirstOrDefault(s => s.Name == name) is { } clash)
            {
                scope.Diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateAssociationName,
                    $"tables '{clash.TableName}' and '{table.Name}' both give the association name '{name}'", template.Location,
                    "association names are lowercased by AWS; exclude one of the tables"));
                continue;
            }
            if (AnalysisRuleKind.ForTable(scope, table, receivers) is not { } rule)
                continue;
            specs.Add(new TableAssociationSpec(name, table.Id, table.Name, roleArn, settings.Association.Description, rule, settings.Tags));
        }
        return specs;
    }

    /// <summary>The names the template gives to every configured table of the account (lowercase): associations with these names are ours.</summary>
    public static IReadOnlySet<string> TemplateNames(string template, Inventory.Inventory inventory) =>
        inventory.ConfiguredTables.Select(t => AssociationName(template, t.Name)).ToHashSet(StringComparer.Ordinal);

    /// <summary>AWS stores association names lowercase, so the desired name is lowercased up front.</summary>
    public static string AssociationName(string template, string tableName) =>
        template.Replace("{table}", tableName, StringComparison.Ordinal).ToLowerInvariant();
}
