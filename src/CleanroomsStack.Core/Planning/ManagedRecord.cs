using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CleanroomsStack.Core.Resources.Membership;

namespace CleanroomsStack.Core.Planning;

/// <summary>
/// What the last successful <c>up</c> left in a membership: the resources inside it that it created, adopted or kept.
/// The tool keeps no local state, so the record lives where every run (and every machine) reads it: in tags on the
/// membership. A tag value holds at most 256 characters and a resource at most 50 tags, so names don't fit; each resource
/// is kept as an 8-character hash of its address (<see cref="EntryOf"/>), 32 to a tag: <c>cleanrooms-stack:managed:1</c>,
/// <c>:2</c>, …, and <c>cleanrooms-stack:managed</c> holds the format and the count (<c>v1 52</c>). A plan only asks
/// whether a resource it would create is in the record (then it was applied before and someone deleted it), and it
/// knows the names of those, so hashes are enough.
/// </summary>
public sealed class ManagedRecord
{
    /// <summary>The tag that says the format and how many entries the chunks hold.</summary>
    public const string Key = TagPaths.ReservedPrefix + "managed";

    private const string ChunkPrefix = Key + ":";
    private const string Format = "v1";
    private const int EntryLength = 8;
    private const int ChunkLength = 256;
    private const int EntriesPerTag = ChunkLength / EntryLength;
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>Most tags a record may take (1 + chunks): AWS allows 50 on a resource, so the config may name 50 minus this.</summary>
    public const int MaxTags = 5;

    private readonly SortedSet<string> entries;

    private ManagedRecord(IEnumerable<string> entries) => this.entries = new SortedSet<string>(entries, StringComparer.Ordinal);

    public int Count => entries.Count;

    /// <summary>The record of these resources (addresses inside one membership; the membership itself is not recorded).</summary>
    public static ManagedRecord Of(IEnumerable<ResourceAddress> addresses) =>
        new(addresses.Where(a => a.Kind.Parent is not null).Select(EntryOf));

    /// <summary>
    /// The record among a membership's tags, or null when there is none: never written (a membership from before this
    /// version, or joined outside the tool), or unreadable (another format, a chunk missing). No record means no
    /// resource can be told to have been deleted: everything missing is pending work.
    /// </summary>
    public static ManagedRecord? Read(IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null || !tags.TryGetValue(Key, out var header)) return null;
        var parts = header.Split(' ');
        if (parts is not [Format, var counted] || !int.TryParse(counted, NumberStyles.None, CultureInfo.InvariantCulture, out var count)) return null;
        var chunks = (count + EntriesPerTag - 1) / EntriesPerTag;
        var text = new StringBuilder();
        for (var i = 1; i <= chunks; i++)
        {
            if (!tags.TryGetValue(ChunkPrefix + i.ToString(CultureInfo.InvariantCulture), out var chunk)) return null;
            text.Append(chunk);
        }
        if (text.Length != count * EntryLength) return null;
        return new ManagedRecord(Enumerable.Range(0, count).Select(i => text.ToString(i * EntryLength, EntryLength)));
    }

    /// <summary>The record on the membership the plan starts from; null when it has none, or the plan creates the membership.</summary>
    public static ManagedRecord? Before(CollaborationPlan plan) => MembershipOf(plan)?.Live is MembershipState m ? Read(m.Tags) : null;

    /// <summary>The record a fully successful apply of the plan leaves: every resource in the membership but those it deletes.</summary>
    public static ManagedRecord After(CollaborationPlan plan) => Of(plan.Changes.Where(c => c.Action != ChangeAction.Delete).Select(c => c.Address));

    /// <summary>
    /// Whether `up` must write the record of this collaboration even if nothing else changes in it (a membership from
    /// before the record existed, or whose record was edited): the membership stays, and its record differs from the plan's.
    /// The record must have been read (<see cref="RecordReads.ToApply"/>): an unread one can't be compared.
    /// </summary>
    public static bool NeedsWriting(CollaborationPlan plan) =>
        MembershipOf(plan) is { Action: ChangeAction.NoOp or ChangeAction.Update, Live: MembershipState live }
        && (live.Tags ?? throw new InvalidOperationException($"the record of membership {live.Id} was not read (RecordReads.ToApply)")) is var tags
        && (!After(plan).SameAs(Read(tags)) || After(plan).UnusedKeys(tags).Count > 0);

    /// <summary>The plan's change of the membership, where the record lives; null for collaborations it only reports.</summary>
    public static ResourceChange? MembershipOf(CollaborationPlan plan) => plan.Changes.FirstOrDefault(c => c.Kind.Parent is null);

    /// <summary>Whether the resource at this address was in the membership when the record was written.</summary>
    public bool Holds(ResourceAddress address) => entries.Contains(EntryOf(address));

    /// <summary>Whether both hold the same resources; no record at all equals an empty one.</summary>
    public bool SameAs(ManagedRecord? other) => other is null ? Count == 0 : entries.SetEquals(other.entries);

    /// <summary>The tags that hold this record: the header and one chunk per 32 entries.</summary>
    public IReadOnlyDictionary<string, string> ToTags()
    {
        var all = string.Concat(entries);
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal) { [Key] = $"{Format} {Count.ToString(CultureInfo.InvariantCulture)}" };
        for (var i = 0; i * EntriesPerTag < Count; i++)
            tags[ChunkPrefix + (i + 1).ToString(CultureInfo.InvariantCulture)] = all.Substring(i * ChunkLength, Math.Min(ChunkLength, all.Length - i * ChunkLength));
        return tags;
    }

    /// <summary>The record's keys among <paramref name="tags"/> that this record doesn't use (chunks of a longer, older one): to remove.</summary>
    public IReadOnlyList<string> UnusedKeys(IReadOnlyDictionary<string, string>? tags)
    {
        var used = ToTags();
        return (tags ?? new Dictionary<string, string>()).Keys
            .Where(k => k.StartsWith(ChunkPrefix, StringComparison.Ordinal) && !used.ContainsKey(k))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// One resource's entry: its address (collaboration id and path of kinds and names), lowercased since AWS compares
    /// names case-insensitively, hashed with SHA-256 and cut to 40 bits in base32 — 8 characters that tag values allow.
    /// Two of a membership's at most ~100 resources share an entry with a chance of about 1 in 10^8.
    /// </summary>
    private static string EntryOf(ResourceAddress address)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(address.ToString().ToLowerInvariant()));
        var bits = hash.Take(5).Aggregate(0UL, (all, b) => (all << 8) | b);
        return string.Concat(Enumerable.Range(0, EntryLength).Select(i => Base32[(int)((bits >> (35 - 5 * i)) & 31)]));
    }
}
