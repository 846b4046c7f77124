using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>Joining (CreateMembership accepts an invitation), reading, updating and leaving collaborations.</summary>
public static class MembershipHandlers
{
    private static readonly string[] LogStatus = ["ENABLED", "DISABLED"];
    private static readonly string[] MembershipStatus = ["ACTIVE", "REMOVED", "COLLABORATION_DELETED"];
    private static readonly string[] ResultFormats = ["CSV", "PARQUET"];

    public static void Register(RouteTable routes)
    {
        routes.Rest("cleanrooms", "CreateMembership", "POST", "/memberships", true, CreateMembership);
        routes.Rest("cleanrooms", "ListMemberships", "GET", "/memberships", false, ListMemberships);
        routes.Rest("cleanrooms", "GetMembership", "GET", "/memberships/{membershipIdentifier}", false, GetMembership);
        routes.Rest("cleanrooms", "UpdateMembership", "PATCH", "/memberships/{membershipIdentifier}", true, UpdateMembership);
        routes.Rest("cleanrooms", "DeleteMembership", "DELETE", "/memberships/{membershipIdentifier}", true, DeleteMembership);
    }

    private static OperationResult CreateMembership(OperationContext context)
    {
        var body = context.Body;
        var v = new FieldValidator();
        var collaborationId = v.String(body, "collaborationIdentifier", true, 36, 36, Patterns.Uuid());
        var queryLogStatus = v.Enum(body, "queryLogStatus", true, LogStatus);
        var jobLogStatus = v.Enum(body, "jobLogStatus", false, LogStatus);
        var resultConfiguration = ReadResultConfiguration(v, body);
        var jobResultConfiguration = ReadJobResultConfiguration(v, body);
        var payment = PaymentKind.Read(v, body, "paymentConfiguration");
        var tags = v.StringMap(body, "tags", 200, 128, 256);
        var metrics = v.Bool(body, "isMetricsEnabled", false);
        v.ThrowIfInvalid();

        var world = context.World;
        var collaboration = world.State.Collaborations.FirstOrDefault(c => c.Id == collaborationId && c.Status != "DELETED")
                            ?? throw Errors.NotFound(Lookups.CollaborationType, collaborationId!, "Collaboration");
        var member = collaboration.Members.FirstOrDefault(m => m.AccountId == context.AccountId)
                     ?? throw Errors.Conflict("INVALID_STATE",
                         $"Account {context.AccountId} is not invited to collaboration {collaboration.Id}.", collaboration.Id, Lookups.CollaborationType);
        if (member.Status != "INVITED")
        {
            var reason = member.Status == "ACTIVE" ? "ALREADY_EXISTS" : "INVALID_STATE";
            throw Errors.Conflict(reason, $"Account {context.AccountId} cannot join collaboration {collaboration.Id}: its member status is {member.Status}.",
                collaboration.Id, Lookups.CollaborationType);
        }

        CheckPayment(member, payment);

        var quota = world.Options.Quotas.MembershipsPerAccount;
        if (world.State.Memberships.Count(m => m.AccountId == context.AccountId && m.Status == "ACTIVE") >= quota)
            throw Errors.QuotaExceeded("Memberships per account", quota);

        var now = world.Now();
        var membership = new MembershipRecord
        {
            Id = world.NewId(),
            AccountId = context.AccountId,
            CollaborationId = collaboration.Id,
            QueryLogStatus = queryLogStatus!,
            JobLogStatus = jobLogStatus,
            DefaultResultConfiguration = resultConfiguration,
            DefaultJobResultConfiguration = jobResultConfiguration,
            PaysForQueries = member.PaysForQueries,
            PaysForJobs = member.PaysForJobs,
            PaysForModelTraining = member.PaysForModelTraining,
            PaysForModelInference = member.PaysForModelInference,
            PaysForSyntheticDataGeneration = member.PaysForSyntheticDataGeneration,
            IsMetricsEnabled = metrics,
            CreateTime = now,
            UpdateTime = now,
        };
        world.State.Memberships.Add(membership);
        member.Status = "ACTIVE";
        member.MembershipId = membership.Id;
        member.UpdateTime = now;
        if (tags is { Count: > 0 }) world.State.Tags[world.MembershipArn(membership)] = tags;
        return Single(world, membership);
    }

    /// <summary>
    /// The member accepts what the creator assigned, kind by kind (model docs of MembershipPaymentConfiguration: an error
    /// when a value contradicts the assignment). A member who can't query but was made a payer must say so explicitly;
    /// a kind the creator assigned no one falls to the member who can query.
    /// </summary>
    private static void CheckPayment(MemberRecord member, IReadOnlyDictionary<PaymentKind, bool>? stated)
    {
        var canQuery = member.Abilities.Contains("CAN_QUERY");
        var owed = PaymentKind.All.Where(k => k.Of(member) == true && !canQuery).ToList();
        if (stated is null)
        {
            if (owed.Count > 0)
                throw Errors.Validation("paymentConfiguration",
                    $"Member must not be null: the collaboration creator made this member pay for {string.Join(", ", owed.Select(k => k.Noun))}");
            return;
        }
        foreach (var kind in PaymentKind.All)
        {
            var assigned = kind.Of(member) ?? canQuery;
            if (stated.TryGetValue(kind, out var pays) ? pays != assigned : owed.Contains(kind))
            {
                throw Errors.InvalidConfiguration($"paymentConfiguration.{kind.Path}.isResponsible must be {(assigned ? "true" : "false")}: " +
                    $"the collaboration creator {(assigned ? "made" : "did not make")} this member responsible for {kind.Noun} costs.");
            }
        }
    }

    private static OperationResult ListMemberships(OperationContext context)
    {
        var filter = Lookups.EnumQuery(context, "status", MembershipStatus);
        var world = context.World;
        var items = Lookups.Stable(context,
            world.State.Memberships.Where(m => m.AccountId == context.AccountId && (filter is null || m.Status == filter)),
            m => m.CreateTime, m => m.Id);
        return OperationResult.Json(Paginator.ListResponse(context, "membershipSummaries", items,
            m => CleanRoomsJson.MembershipSummary(world, m)));
    }

    private static OperationResult GetMembership(OperationContext context) => Single(context.World, Lookups.Membership(context));

    private static OperationResult UpdateMembership(OperationContext context)
    {
        var membership = Lookups.Membership(context);
        var body = context.Body;
        var v = new FieldValidator();
        var queryLogStatus = v.Enum(body, "queryLogStatus", false, LogStatus);
        var jobLogStatus = v.Enum(body, "jobLogStatus", false, LogStatus);
        var resultConfiguration = ReadResultConfiguration(v, body);
        var jobResultConfiguration = ReadJobResultConfiguration(v, body);
        v.ThrowIfInvalid();

        if (membership.Status != "ACTIVE")
            throw Errors.Conflict("INVALID_STATE", $"Membership {membership.Id} is {membership.Status}.", membership.Id, Lookups.MembershipType);

        if (queryLogStatus is not null) membership.QueryLogStatus = queryLogStatus;
        if (jobLogStatus is not null) membership.JobLogStatus = jobLogStatus;
        if (resultConfiguration is not null) membership.DefaultResultConfiguration = resultConfiguration;
        if (jobResultConfiguration is not null) membership.DefaultJobResultConfiguration = jobResultConfiguration;
        membership.UpdateTime = context.World.UpdatedSince(membership.UpdateTime);
        return Single(context.World, membership);
    }

    /// <summary>
    /// Leaving is final: the membership stays as REMOVED (or is gone) and the account can never join again. The creator
    /// can't leave while its membership is ACTIVE, and nobody can while anything is left under the membership.
    /// </summary>
    private static OperationResult DeleteMembership(OperationContext context)
    {
        var membership = Lookups.Membership(context);
        var state = context.World.State;
        if (membership.Status != "ACTIVE")
            throw Errors.Conflict("INVALID_STATE", $"Membership {membership.Id} is already {membership.Status}.", membership.Id, Lookups.MembershipType);

        // AWS's own words (terraform-provider-aws matches them); the reason code is not documented.
        if (context.World.Collaboration(membership.CollaborationId).CreatorAccountId == membership.AccountId)
        {
            throw Errors.Conflict("INVALID_STATE", "Cannot delete membership for the creator of the collaboration while their membership is still ACTIVE",
                membership.Id, Lookups.MembershipType);
        }

        // Every child kind counts, those the tool manages and those it doesn't (privacy budget templates, audience models).
        if (MembershipChildKinds.All.Any(kind => kind.HasChildren(state, membership.Id)))
        {
            throw Errors.Conflict("SUBRESOURCES_EXIST",
                $"Membership {membership.Id} still has associated resources; delete them first.", membership.Id, Lookups.MembershipType);
        }

        var now = context.World.Now();
        membership.Status = "REMOVED";
        membership.UpdateTime = now;
        // Whether AWS keeps a left membership listed as REMOVED is unsure (aws-semantics #3); both are played.
        var member = context.World.Collaboration(membership.CollaborationId).Members.First(m => m.AccountId == membership.AccountId);
        member.Status = "LEFT";
        member.UpdateTime = now;
        if (context.World.Faults.Behaviour.Leave == AwsBehaviour.LeaveGone)
        {
            state.Memberships.Remove(membership);
            member.MembershipId = null;
        }
        return OperationResult.NoContent();
    }

    private static OperationResult Single(World world, MembershipRecord membership) =>
        OperationResult.Json(new JsonObject { ["membership"] = CleanRoomsJson.Membership(world, membership) });

    /// <summary><c>defaultJobResultConfiguration</c>: unlike the query one, its role is required (facts §9.18).</summary>
    private static JobResultConfigurationRecord? ReadJobResultConfiguration(FieldValidator v, JsonObject body)
    {
        const string root = "defaultJobResultConfiguration";
        var config = v.Object(body, root, false);
        if (config is null) return null;
        var output = v.Object(config, $"{root}.outputConfiguration", true);
        var s3 = v.Object(output, $"{root}.outputConfiguration.s3", output is not null);
        var bucket = v.String(s3, $"{root}.outputConfiguration.s3.bucket", s3 is not null, 3, 63);
        var prefix = v.String(s3, $"{root}.outputConfiguration.s3.keyPrefix", false, 0, 512);
        var role = v.String(config, $"{root}.roleArn", true, 32, 512, Patterns.RoleArn());
        return bucket is null || role is null ? null : new JobResultConfigurationRecord { Bucket = bucket, KeyPrefix = prefix, RoleArn = role };
    }

    private static ResultConfigurationRecord? ReadResultConfiguration(FieldValidator v, JsonObject body)
    {
        const string root = "defaultResultConfiguration";
        var config = v.Object(body, root, false);
        if (config is null) return null;
        var output = v.Object(config, $"{root}.outputConfiguration", true);
        var s3 = v.Object(output, $"{root}.outputConfiguration.s3", output is not null);
        var format = v.Enum(s3, $"{root}.outputConfiguration.s3.resultFormat", s3 is not null, ResultFormats);
        var bucket = v.String(s3, $"{root}.outputConfiguration.s3.bucket", s3 is not null, 3, 63);
        var prefix = v.String(s3, $"{root}.outputConfiguration.s3.keyPrefix", false, 0, 512);
        var single = v.Bool(s3, $"{root}.outputConfiguration.s3.singleFileOutput", false);
        var role = v.String(config, $"{root}.roleArn", false, 32, 512, Patterns.RoleArn());
        if (format is null || bucket is null) return null;
        return new ResultConfigurationRecord { ResultFormat = format, Bucket = bucket, KeyPrefix = prefix, SingleFileOutput = single, RoleArn = role };
    }
}
