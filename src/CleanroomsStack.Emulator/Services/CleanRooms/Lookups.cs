using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>
/// Resolves path labels to resources the caller may see: a malformed id is a ValidationException, an id the
/// caller has no access to is a ResourceNotFoundException, exactly as for an id that does not exist.
/// </summary>
public static class Lookups
{
    public const string MembershipType = "MEMBERSHIP";
    public const string CollaborationType = "COLLABORATION";
    public const string ConfiguredTableType = "CONFIGURED_TABLE";
    public const string TableAssociationType = "CONFIGURED_TABLE_ASSOCIATION";

    public static string UuidLabel(OperationContext context, string label)
    {
        var value = context.Label(label);
        var validator = new FieldValidator();
        validator.CheckString(value, label, 36, 36, Patterns.Uuid());
        validator.ThrowIfInvalid();
        return value;
    }

    /// <summary>An optional enum query parameter (a list filter); a value outside the enum is a ValidationException.</summary>
    public static string? EnumQuery(OperationContext context, string name, IReadOnlyList<string> allowed)
    {
        var value = context.QueryValue(name);
        if (value is null) return null;
        var validator = new FieldValidator();
        validator.CheckEnum(value, name, allowed);
        validator.ThrowIfInvalid();
        return value;
    }

    /// <summary>A collaboration the caller can see (see <see cref="IsVisibleTo"/>).</summary>
    public static CollaborationRecord Collaboration(OperationContext context, string label = "collaborationIdentifier")
    {
        var id = UuidLabel(context, label);
        var collaboration = context.World.State.Collaborations.FirstOrDefault(c => c.Id == id);
        if (collaboration is null || !IsVisibleTo(collaboration, context.AccountId))
            throw Errors.NotFound(CollaborationType, id, "Collaboration");
        return collaboration;
    }

    /// <summary>
    /// AWS lists "the collaborations the caller owns, is active in, or is invited to": not deleted ones, and not
    /// ones the caller left or was removed from.
    /// </summary>
    public static bool IsVisibleTo(CollaborationRecord collaboration, string accountId) =>
        collaboration.Status != "DELETED"
        && (collaboration.CreatorAccountId == accountId
            || collaboration.Members.Any(m => m.AccountId == accountId && m.Status is "INVITED" or "ACTIVE"));

    public static MembershipRecord Membership(OperationContext context, string label = "membershipIdentifier")
    {
        var id = UuidLabel(context, label);
        return context.World.State.Memberships.FirstOrDefault(m => m.Id == id && m.AccountId == context.AccountId)
               ?? throw Errors.NotFound(MembershipType, id, "Membership");
    }

    /// <summary>A membership that can still take new resources (not REMOVED).</summary>
    public static MembershipRecord ActiveMembership(OperationContext context)
    {
        var membership = Membership(context);
        if (membership.Status != "ACTIVE")
            throw Errors.Conflict("INVALID_STATE", $"Membership {membership.Id} is {membership.Status}.", membership.Id, MembershipType);
        return membership;
    }

    /// <summary>Lists are sorted by creation time and then id so pages are stable between calls.</summary>
    public static List<T> Stable<T>(OperationContext context, IEnumerable<T> items, Func<T, double> createTime, Func<T, string> id) =>
        Visible(context, items, createTime).OrderBy(createTime).ThenBy(id, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Hides resources younger than the configured read-after-write lag from List results, as an eventually
    /// consistent service does right after a create.
    /// </summary>
    public static IEnumerable<T> Visible<T>(OperationContext context, IEnumerable<T> items, Func<T, double> createTime)
    {
        var lag = context.World.Faults.ReadAfterWriteLagMs;
        if (lag <= 0) return items;
        var cutoff = context.World.Now() - lag / 1000.0;
        return items.Where(i => createTime(i) <= cutoff);
    }
}
