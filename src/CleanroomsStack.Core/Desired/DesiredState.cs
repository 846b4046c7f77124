using CleanroomsStack.Core.Diagnostics;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;

namespace CleanroomsStack.Core.Desired;

/// <summary>The config expanded against the live inventory: every resource that should exist, concretely.</summary>
public sealed record DesiredState(
    string Region,
    IReadOnlyList<DesiredCollaboration> Collaborations,
    IReadOnlyList<Diagnostic> Diagnostics);

/// <param name="Label">How the plan introduces this collaboration, e.g. "accept invitation from AMC (921290734397)".</param>
public sealed record DesiredCollaboration(
    string CollaborationId,
    string Name,
    string Label,
    MembershipSpec Membership,
    IReadOnlyList<TableAssociationSpec> TableAssociations,
    IReadOnlyList<IdNamespaceAssociationSpec> IdNamespaceAssociations);
