using CleanroomsStack.Core.Config;
using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Inventory;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Resources.TableAssociation;

namespace CleanroomsStack.Core.Desired;

/// <summary>
/// One collaboration's settings made concrete against the inventory: the membership, and what every kind that lives
/// in a membership asks for (<see cref="MembershipChildKind.Expand"/>).
/// </summary>
public static class CollaborationExpander
{
    public static DesiredCollaboration Expand(string name, CollaborationSettings settings, CollaborationInfo info, Inventory.Inventory inventory,
        string label, SourceLocation? location, List<Diagnostic> diagnostics)
    {
        var scope = new KindExpansion(name, settings, info, inventory, diagnostics);
        var children = ResourceKinds.InMembership.Aggregate(KindValues.Empty, (desired, kind) => kind.Expand(scope, desired));
        var template = settings.Association.NameTemplate.Value;
        var membership = MembershipExpander.Expand(settings, info, inventory.Caller.AccountId, diagnostics);
        return new DesiredCollaboration(info.Id, name, label, membership, children, template,
            TableAssociationExpansion.TemplateNames(template, inventory), Leave: false, location, settings.AdoptExistingNames);
    }

    /// <summary>A role name lives in the caller's account; a full ARN is taken as written.</summary>
    public static string RoleArn(string role, string callerAccountId) =>
        role.StartsWith("arn:", StringComparison.Ordinal) ? role : $"arn:aws:iam::{callerAccountId}:role/{role}";
}
