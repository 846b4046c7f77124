using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Planning;

namespace CleanroomsStack.Core.Rendering;

/// <summary>
/// The plan as a versioned document: what the JSON writer serialises and what the text and Markdown renderers
/// read, so every format shows the same thing. Field meanings are documented in docs/plan-json.md.
/// </summary>
public sealed record PlanDocument(
    int FormatVersion,
    PlanSummaryDocument Summary,
    IReadOnlyList<CollaborationDocument> Collaborations,
    IReadOnlyList<DiagnosticDocument> Diagnostics)
{
    public const int CurrentFormatVersion = 2;

    public static PlanDocument From(Plan plan)
    {
        var summary = plan.Summary;
        return new PlanDocument(
            CurrentFormatVersion,
            new PlanSummaryDocument(summary.Create, summary.Update, summary.Replace, summary.Delete, summary.Unchanged, summary.Unmanaged,
                plan.HasChanges, plan.Diagnostics.HasErrors(), plan.Collaborations.Sum(c => c.Refused?.Count ?? 0)),
            plan.Collaborations.Select(CollaborationDocument.From).ToList(),
            plan.Diagnostics.Select(DiagnosticDocument.From).ToList());
    }
}

/// <param name="Errors">True when a diagnostic is an error: such a plan must not be applied.</param>
/// <param name="Refused">Changes shown but not allowed (e.g. leaving without --allow-leave).</param>
public sealed record PlanSummaryDocument(int Create, int Update, int Replace, int Delete, int Unchanged, int Unmanaged, bool HasChanges, bool Errors,
    int Refused = 0);

/// <param name="Refused">Changes the config asks for that are not allowed to run; never applied.</param>
public sealed record CollaborationDocument(
    string Id,
    string Name,
    string Label,
    IReadOnlyList<ChangeDocument> Changes,
    IReadOnlyList<UnmanagedDocument> Unmanaged,
    IReadOnlyList<ChangeDocument>? Refused = null)
{
    public static CollaborationDocument From(CollaborationPlan plan) => new(plan.CollaborationId, plan.Name, plan.Label,
        plan.Changes.Select(ChangeDocument.From).ToList(),
        plan.Unmanaged.Select(u => new UnmanagedDocument(u.Address.ToString(), u.Address.Kind.AddressSegment, u.Address.Name, u.Reason)).ToList(),
        (plan.Refused ?? []).Select(ChangeDocument.From).ToList());
}

/// <param name="Action">One of no-op, create, update, replace, delete (<see cref="ChangeActions"/>).</param>
/// <param name="Kind">The kind's address segment (<see cref="Kinds.ResourceKind.AddressSegment"/>), e.g. table-association.</param>
/// <param name="ReplacementOrder">For replacements only: create-first or delete-first.</param>
/// <param name="DeletedOutside">For creates only: true when the last `up` applied the resource and it was deleted outside the config since.</param>
public sealed record ChangeDocument(string Address, string Kind, string Name, string Action, string Reason, IReadOnlyList<DiffDocument> Diffs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ReplacementOrder = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool DeletedOutside = false)
{
    public static ChangeDocument From(ResourceChange change) => new(change.Address.ToString(), change.Kind.AddressSegment,
        change.Address.Name, change.Action.Info().JsonName, change.Reason,
        change.Diffs.Select(d => new DiffDocument(d.Path, d.Before?.DeepClone(), d.After?.DeepClone(), d.ForcesReplacement)).ToList(),
        change.Action == ChangeAction.Replace ? OrderName(change.Order) : null, change.DeletedOutside);

    private static string OrderName(Planning.ReplacementOrder order) => order == Planning.ReplacementOrder.CreateFirst ? "create-first" : "delete-first";
}

/// <param name="Before">The value as AWS has it, as a JSON value (text, boolean, array, object); null when absent.</param>
/// <param name="After">The value the plan sets; null when absent.</param>
public sealed record DiffDocument(string Path, JsonNode? Before, JsonNode? After, bool ForcesReplacement);

public sealed record UnmanagedDocument(string Address, string Kind, string Name, string Reason);

public sealed record DiagnosticDocument(string Severity, string Code, string Message, string? File, int? Line, int? Column, string? Hint)
{
    public static DiagnosticDocument From(Diagnostic d) => new(d.Severity == Diagnostics.Severity.Error ? "error" : "warning", d.Code, d.Message,
        d.Location?.File, d.Location?.Line, d.Location?.Column, d.Hint);

    public Diagnostic ToDiagnostic()
    {
        var location = File is null ? null : new SourceLocation(File, Line ?? 1, Column ?? 1);
        return new Diagnostic(Severity == "error" ? Diagnostics.Severity.Error : Diagnostics.Severity.Warning, Code, Message, location, Hint);
    }
}
