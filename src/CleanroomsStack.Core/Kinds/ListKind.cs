using System.Text.Json.Nodes;
using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Config.Yaml;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Export;
using CleanroomsStack.Core.Import;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.Membership;

namespace CleanroomsStack.Core.Kinds;

/// <summary>Settings of one item of a listed kind; every item knows where it was written.</summary>
public interface IListedSettings
{
    SourceLocation Location { get; }
}

/// <summary>The reasons a listed kind's changes give.</summary>
/// <param name="Replace">Why a replacement (an attribute that can't change in place changed).</param>
/// <param name="Update">Why an in-place update.</param>
/// <param name="CreateFirstBlocker">Why a replacement can't be created beside the old one (e.g. it reuses the name); null when it can.</param>
public sealed record ListKindReasons(string Create, string Replace, string Update, string Same, string Unmanaged, string? CreateFirstBlocker);

/// <summary>
/// A kind the config lists by name under one settings key (<c>idNamespaceAssociations</c>, <c>idMappingTables</c>,
/// <c>analysisTemplates</c>): items parsed and checked for duplicates, one spec per item, matched to live resources by
/// name (or the kind's own rule), created, compared (the tags the config names too), deleted only when leaving, and live
/// ones the config doesn't list reported as unmanaged. The kind supplies the typed parts; the algorithm is this class's, once for all of them.
/// </summary>
public abstract class ListKind<TSettings, TSpec, TState> : MembershipChildKind
    where TSettings : class, IListedSettings where TSpec : class, ITaggedSpec where TState : class, ITaggedState
{
    /// <summary>The settings key, e.g. <c>idMappingTables</c>.</summary>
    public abstract string SettingsKey { get; }

    /// <summary>The schema of one item.</summary>
    protected abstract ObjectNode ItemSchema { get; }

    protected abstract string ListDescription { get; }

    /// <summary>Keys that must be unique among the items: what they are called and how to get them (by default the name, as AWS compares it: case-insensitively).</summary>
    protected virtual IReadOnlyList<(string What, Func<TSettings, string> Key)> UniqueBy => [("name", s => NameOf(s).ToLowerInvariant())];

    /// <summary>The name an item of the settings gives its resource.</summary>
    protected abstract string NameOf(TSettings settings);

    protected abstract ListKindReasons Reasons { get; }

    /// <summary>One item's settings from its keys; null when any was invalid (the reader reported it).</summary>
    internal abstract TSettings? ParseItem(ListItemReader item, SourceLocation location);

    protected abstract TSpec ToSpec(TSettings settings, KindExpansion scope);

    public abstract string NameOf(TSpec spec);

    public abstract string NameOf(TState live);

    public abstract string IdOf(TState live);

    /// <summary>The attributes a create sends (<see cref="DiffBuilder.Set(string, JsonNode?, bool)"/> with creating: true).</summary>
    protected abstract void Created(DiffBuilder diffs, TSpec spec);

    /// <summary>The attributes that identify a resource being deleted.</summary>
    protected abstract void Deleted(DiffBuilder diffs, TState live);

    /// <summary>Live against desired, attribute by attribute.</summary>
    protected abstract void Compare(DiffBuilder diffs, TState live, TSpec spec);

    /// <summary>The aws-native properties of one resource.</summary>
    protected abstract PulumiMap ExportProperties(TSpec spec, string membershipReference);

    /// <summary>One item of the settings list as import writes it.</summary>
    protected abstract ImportedItem ImportItem(TState live);

    /// <summary>The live resource a desired one stands for; by default the one with the same name (AWS lowercases names).</summary>
    protected virtual TState? Match(TSpec spec, IReadOnlyList<TState> remaining) =>
        remaining.FirstOrDefault(l => string.Equals(NameOf(l), NameOf(spec), StringComparison.OrdinalIgnoreCase));

    public IReadOnlyList<TSettings> Settings(CollaborationSettings settings) => settings.Kinds.Get<TSettings>(this);

    public override bool IsConfigured(CollaborationSettings settings) => Settings(settings).Count > 0;

    public IReadOnlyList<TSpec> Specs(Desired.DesiredCollaboration desired) => desired.Children.Get<TSpec>(this);

    public IReadOnlyList<TState> States(MembershipState live) => live.Children.Get<TState>(this);

    public override IReadOnlyList<SchemaProperty> ConfigKeys => [new(SettingsKey, new ArrayNode(ListDescription, ItemSchema))];

    internal override KindValues? ParseSettings(ConfigReader reader, YamlMapping settings, KindValues parsed)
    {
        if (settings.Find(SettingsKey)?.Value is not { } node)
            return parsed;
        if (reader.Sequence(node, SettingsKey) is not { } list)
            return null;
        var keys = ItemSchema.Properties.Select(p => p.Key).ToList();
        var items = list.Items.Select(i => reader.Mapping(i, $"{SettingsKey} item", keys) is { } map ? ParseItem(new ListItemReader(reader, map, SettingsKey), i.Location) : null)
            .ToList();
        if (items.Any(i => i is null))
            return null;
        var ok = true;
        foreach (var (what, key) in UniqueBy)
        {
            foreach (var duplicate in items.GroupBy(i => key(i!), StringComparer.Ordinal).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
            {
                reader.Error(DiagnosticCodes.DuplicateEntry, $"{SettingsKey} lists the {what} '{key(duplicate!)}' twice", duplicate!.Location,
                    $"each entry needs its own {what}; remove one of them");
                ok = false;
            }
        }
        return ok ? parsed.With(this, items.Select(i => i!).ToList()) : null;
    }

    public override KindValues Expand(KindExpansion scope, KindValues desired) =>
        desired.With(this, Settings(scope.Settings).Select(s => ToSpec(s, scope)).ToList());

    public override KindDiff Diff(KindDiffScope scope)
    {
        var live = scope.Live is null ? [] : States(scope.Live);
        var remaining = live.ToList();
        var changes = new List<ResourceChange>();
        foreach (var spec in Specs(scope.Desired).OrderBy(NameOf, StringComparer.Ordinal))
        {
            var match = Match(spec, remaining);
            if (match is not null)
                remaining.Remove(match);
            changes.Add(match is null ? Create(scope, spec) : Compare(scope, spec, match));
        }
        var unmanaged = remaining
            .Select(l => new UnmanagedResource(scope.Membership.Child(this, NameOf(l)), Reasons.Unmanaged))
            .ToList();
        var (ordered, diagnostics) = QuotaPlanning.Apply(this, changes, live.Count, scope.Desired.Name, _ => Reasons.CreateFirstBlocker);
        return new KindDiff(ordered, unmanaged, diagnostics);
    }

    public override IEnumerable<ResourceChange> Leave(ResourceAddress membership, MembershipState live, string reason) =>
        States(live).Select(l =>
        {
            var diffs = new DiffBuilder(this);
            Deleted(diffs, l);
            return new ResourceChange(membership.Child(this, NameOf(l)), ChangeAction.Delete, reason, diffs.Diffs, live.Id, IdOf(l), Live: l);
        });

    public override IEnumerable<PulumiResource> Export(KindExportScope scope)
    {
        var live = scope.Live is null ? [] : States(scope.Live);
        foreach (var spec in Specs(scope.Desired))
        {
            var existing = Match(spec, live);
            yield return scope.Resource(NameOf(spec), PulumiType!, ExportProperties(spec, scope.MembershipReference), existing is null ? null : IdOf(existing));
        }
    }

    public override IEnumerable<ImportedSection> Import(MembershipState live, Inventory.Inventory inventory) =>
        [new ImportedSection(SettingsKey, States(live).OrderBy(NameOf, StringComparer.Ordinal).Select(ImportItem).ToList())];

    private ResourceChange Create(KindDiffScope scope, TSpec spec)
    {
        var diffs = new DiffBuilder(this);
        Created(diffs, spec);
        return new ResourceChange(scope.Membership.Child(this, NameOf(spec)), ChangeAction.Create, Reasons.Create, diffs.Diffs,
            scope.MembershipId, Desired: spec);
    }

    private ResourceChange Compare(KindDiffScope scope, TSpec spec, TState live)
    {
        var diffs = new DiffBuilder(this);
        Compare(diffs, live, spec);
        diffs.CompareTags(live.Tags, spec.Tags);
        var reason = diffs.Action switch
        {
            ChangeAction.Replace => Reasons.Replace,
            ChangeAction.Update when TagPaths.OnlyTags(diffs.Diffs) => MembershipDiffer.TagReason,
            ChangeAction.Update => Reasons.Update,
            _ => Reasons.Same,
        };
        return new ResourceChange(scope.Membership.Child(this, NameOf(spec)), diffs.Action, reason, diffs.Diffs,
            scope.MembershipId, IdOf(live), Desired: spec, Live: live);
    }
}
