using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Resources.Membership;

namespace CleanroomsStack.Core.Desired;

/// <summary>The config expanded against the live inventory: every resource that should exist, concretely.</summary>
public sealed record DesiredState(
    string Region,
    IReadOnlyList<DesiredCollaboration> Collaborations,
    IReadOnlyList<Diagnostic> Diagnostics);

/// <param name="Children">The resources wanted inside the membership, per kind (each kind reads its own list).</param>
/// <param name="Label">How the plan introduces this collaboration, e.g. "accept invitation from AMC (921290734397)".</param>
/// <param name="AssociationNameTemplate">The association name template (e.g. <c>acx_{table}</c>), quoted in plan reasons.</param>
/// <param name="TemplateNames">
/// The names the template gives to every configured table of the account (lowercase). A live association with one of
/// these names is ours even when its table is no longer selected, so the planner deletes it instead of reporting it
/// as unmanaged. Null: only selected tables' associations are ours.
/// </param>
/// <param name="Leave">The config says <c>state: left</c>: the membership (and everything in it) should not exist.</param>
/// <param name="Location">Where the collaboration is configured (for policy-accepted ones: the invitation policy).</param>
/// <param name="AdoptExistingNames">Keep an association of a selected table under the name it already has, instead of replacing it.</param>
public sealed record DesiredCollaboration(
    string CollaborationId,
    string Name,
    string Label,
    MembershipSpec Membership,
    KindValues Children,
    string AssociationNameTemplate = "{table}",
    IReadOnlySet<string>? TemplateNames = null,
    bool Leave = false,
    SourceLocation? Location = null,
    bool AdoptExistingNames = false);
