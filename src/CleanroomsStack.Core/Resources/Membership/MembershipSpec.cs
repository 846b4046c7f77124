namespace CleanroomsStack.Core.Resources.Membership;

/// <summary>The membership the config asks for (accepting the invitation = creating it).</summary>
public sealed record MembershipSpec(string CollaborationId, string QueryLogStatus);
