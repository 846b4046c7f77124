using System.Collections;

namespace CleanroomsStack.Emulator.State;

/// <summary>
/// All children of one kind, across memberships, indexed by id and by (membership, name), so handlers find a
/// child without scanning every membership's resources. It serialises as a plain JSON array (System.Text.Json
/// treats it as a collection), so world files and the persisted state keep their format.
/// </summary>
public sealed class MembershipChildStore<T> : ICollection<T> where T : class, IMembershipChild
{
    private readonly Dictionary<string, T> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, T>> _byMembership = new(StringComparer.Ordinal);

    public int Count => _byId.Count;

    public bool IsReadOnly => false;

    /// <summary>The child with this id, if it belongs to the membership (an id of another membership is not found).</summary>
    public T? Find(string membershipId, string id) =>
        _byId.TryGetValue(id, out var child) && child.MembershipId == membershipId ? child : null;

    public T? FindByName(string membershipId, string name) =>
        _byMembership.TryGetValue(membershipId, out var byName) && byName.TryGetValue(name, out var child) ? child : null;

    public IReadOnlyCollection<T> In(string membershipId) =>
        _byMembership.TryGetValue(membershipId, out var byName) ? byName.Values : [];

    /// <summary>Adds a child; a second child with the same id, or the same name in its membership, is invalid state.</summary>
    public void Add(T item)
    {
        var byName = _byMembership.TryGetValue(item.MembershipId, out var existing) ? existing : new Dictionary<string, T>(T.NameComparer);
        if (_byId.ContainsKey(item.Id))
            throw new InvalidDataException($"Two {typeof(T).Name} entries have the id '{item.Id}'.");
        if (!byName.TryAdd(item.Name, item))
            throw new InvalidDataException($"Two {typeof(T).Name} entries of membership {item.MembershipId} are named '{item.Name}'.");

        _byId.Add(item.Id, item);
        _byMembership[item.MembershipId] = byName;
    }

    public bool Remove(T item)
    {
        if (!_byId.Remove(item.Id)) return false;
        var byName = _byMembership[item.MembershipId];
        byName.Remove(item.Name);
        if (byName.Count == 0) _byMembership.Remove(item.MembershipId);
        return true;
    }

    /// <summary>Renames a child in place; the caller has checked that the new name is free in the membership.</summary>
    public void Rename(T item, string name)
    {
        var byName = _byMembership[item.MembershipId];
        byName.Remove(item.Name);
        item.Name = name;
        byName.Add(name, item);
    }

    public bool Contains(T item) => _byId.TryGetValue(item.Id, out var stored) && ReferenceEquals(stored, item);

    public void Clear()
    {
        _byId.Clear();
        _byMembership.Clear();
    }

    public void CopyTo(T[] array, int arrayIndex) => _byId.Values.CopyTo(array, arrayIndex);

    public IEnumerator<T> GetEnumerator() => _byId.Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
