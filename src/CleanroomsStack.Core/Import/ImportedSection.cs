namespace CleanroomsStack.Core.Import;

/// <summary>
/// One settings key a kind writes for a live membership (e.g. <c>idMappingTables</c>): a list of items, each a list of
/// keys with text, boolean or text-list values, in the order they are written. Sections compare by what they write, so
/// the most common one across memberships becomes the default.
/// </summary>
public sealed record ImportedSection(string Key, IReadOnlyList<ImportedItem> Items)
{
    private string Text => string.Join('\n', Items.Select(i => i.Text));

    public bool Equals(ImportedSection? other) => other is not null && other.Key == Key && other.Text == Text;

    public override int GetHashCode() => HashCode.Combine(Key, Text);
}

/// <summary>One list item: keys and values (string, bool, a list of strings or of nested items; null values are left out).</summary>
public sealed record ImportedItem(IReadOnlyList<KeyValuePair<string, object?>> Fields)
{
    public static ImportedItem Of(params (string Key, object? Value)[] fields) =>
        new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)).ToList());

    internal string Text => string.Join('|', Fields.Select(f => $"{f.Key}={Render(f.Value)}"));

    private static string Render(object? value) => value switch
    {
        IEnumerable<ImportedItem> items => "[" + string.Join(';', items.Select(i => i.Text)) + "]",
        IEnumerable<string> list when value is not string => string.Join(',', list),
        _ => value?.ToString() ?? "",
    };
}
