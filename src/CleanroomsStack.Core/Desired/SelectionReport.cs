using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;

namespace CleanroomsStack.Core.Desired;

/// <summary>Diagnostics about the table selection: unknown listed tables, nothing selected, more than <c>max</c>.</summary>
public static class SelectionReport
{
    public static void Report(string collaboration, TableSelection tables, Inventory.Inventory inventory, TableSelectionResult selection, List<Diagnostic> diagnostics)
    {
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
                $"no configured table matches tables.include/exclude for '{collaboration}'", tables.Location,
                "check the patterns against the names from 'aws cleanrooms list-configured-tables'"));
        }
        if (selection.LeftOut.Count == 0)
            return;
        var names = string.Join(", ", selection.LeftOut.Select(t => t.Name));
        if (tables.OnExceed == ExceedBehaviour.Error)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TooManyTables,
                $"{selection.Selected.Count + selection.LeftOut.Count} tables are selected for '{collaboration}' but tables.max is {tables.Max.Value}; over the limit: {names}",
                tables.Max.Location, "raise tables.max, narrow tables.include/exclude, or set tables.onExceed: truncate"));
            return;
        }
        diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.TablesLeftOut,
            $"{selection.LeftOut.Count} matching table(s) left out of '{collaboration}' by tables.max {tables.Max.Value}: {names}",
            tables.Max.Location, "raise tables.max or narrow tables.include/exclude so every table you mean to share fits"));
    }
}
