using CleanroomsStack.Cli.Views.Progress;
using CleanroomsStack.Core.Planning;
using CleanroomsStack.Core.Resources.TableAssociation;
using CleanroomsStack.Engine.Applying;
using Microsoft.Extensions.Time.Testing;

namespace CleanroomsStack.EndToEnd.Tests.Progress;

/// <summary>A small plan (a membership and two associations, one change kept) and a run's progress on a fake clock.</summary>
internal sealed class ProgressFixture
{
    public const string CollaborationId = "27b93e2b-5001-4b20-a47b-6aad96ec8958";

    public ProgressFixture(string collaborationName = "AMC Collaboration")
    {
        var membership = ResourceAddress.Membership(CollaborationId);
        Membership = new ResourceChange(membership, ChangeAction.Create, "no membership yet", []);
        Age = new ResourceChange(membership.Child(TableAssociationKind.Instance, "acx_part_age"), ChangeAction.Create, "not associated yet", []);
        Income = new ResourceChange(membership.Child(TableAssociationKind.Instance, "acx_part_income"), ChangeAction.Update, "role differs", []);
        var kept = new ResourceChange(membership.Child(TableAssociationKind.Instance, "acx_part_zip"), ChangeAction.NoOp, "", []);
        Plan = new Plan([new CollaborationPlan(CollaborationId, collaborationName, "accept invitation", [Membership, Age, Income, kept], [])], []);
        Progress = RunProgress.Applying(Plan, Clock, () => Calls);
    }

    public FakeTimeProvider Clock { get; } = new();

    public CallCounts Calls { get; set; } = CallCounts.None;

    public Plan Plan { get; }

    public ResourceChange Membership { get; }

    public ResourceChange Age { get; }

    public ResourceChange Income { get; }

    public RunProgress Progress { get; }

    public static ChangeOutcome Succeeded(ResourceChange change, double seconds = 1.2, string? awsId = null) =>
        new(change, OutcomeStatus.Succeeded, TimeSpan.FromSeconds(seconds), awsId);
}
