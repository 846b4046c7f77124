using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Protocol;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>
/// CreateCollaboration: a partner sets up a collaboration and invites members. Every listed member (and the
/// creator) starts INVITED and becomes ACTIVE by calling CreateMembership.
/// </summary>
public static class CreateCollaborationHandler
{
    private static readonly string[] Abilities = ["CAN_QUERY", "CAN_RECEIVE_RESULTS", "CAN_RUN_JOB"];
    private static readonly string[] LogStatus = ["ENABLED", "DISABLED"];
    private static readonly string[] Engines = ["SPARK", "CLEAN_ROOMS_SQL"];

    public static void Register(RouteTable routes) =>
        routes.Rest("cleanrooms", "CreateCollaboration", "POST", "/collaborations", true, Create);

    /// <param name="Pays">What the creator stated this member pays for; null when it stated no payment configuration.</param>
    private sealed record Invitee(string AccountId, string DisplayName, List<string> Abilities, IReadOnlyDictionary<PaymentKind, bool>? Pays)
    {
        public bool CanQuery => Abilities.Contains("CAN_QUERY");
    }

    private static OperationResult Create(OperationContext context)
    {
        var body = context.Body;
        var v = new FieldValidator();
        var name = v.String(body, "name", true, 1, 100, Patterns.DisplayName());
        var description = v.String(body, "description", true, 1, 255, Patterns.CollaborationDescription());
        var creatorName = v.String(body, "creatorDisplayName", true, 1, 100, Patterns.DisplayName());
        var creatorAbilities = AbilityList(v, body, "creatorMemberAbilities");
        var creatorPays = PaymentKind.Read(v, body, "creatorPaymentConfiguration");
        var queryLog = v.Enum(body, "queryLogStatus", true, LogStatus);
        var jobLog = v.Enum(body, "jobLogStatus", false, LogStatus);
        var engine = v.Enum(body, "analyticsEngine", false, Engines);
        var encryption = ReadEncryption(v, body);
        var tags = v.StringMap(body, "tags", 200, 128, 256);
        var invitees = ReadMembers(v, body);
        v.ThrowIfInvalid();

        var everyone = new List<Invitee> { new(context.AccountId, creatorName!, creatorAbilities!, creatorPays) };
        everyone.AddRange(invitees);
        CheckMembers(everyone);

        var now = context.World.Now();
        var payers = everyone.Select(m => (m.Pays, m.CanQuery)).ToList();
        var assigned = PaymentKind.All.ToDictionary(kind => kind, kind => kind.Assign(payers));
        var collaboration = new CollaborationRecord
        {
            Id = context.World.NewId(),
            Name = name!,
            Description = description,
            CreatorAccountId = context.AccountId,
            CreatorDisplayName = creatorName!,
            QueryLogStatus = queryLog!,
            JobLogStatus = jobLog,
            AnalyticsEngine = engine,
            DataEncryptionMetadata = encryption,
            CreateTime = now,
            UpdateTime = now,
        };
        foreach (var (m, i) in everyone.Select((m, i) => (m, i)))
        {
            collaboration.Members.Add(new MemberRecord
            {
                AccountId = m.AccountId,
                DisplayName = m.DisplayName,
                Abilities = m.Abilities,
                PaysForQueries = assigned[PaymentKind.Query][i] == true,
                PaysForJobs = assigned[PaymentKind.Job][i],
                PaysForModelTraining = assigned[PaymentKind.ModelTraining][i],
                PaysForModelInference = assigned[PaymentKind.ModelInference][i],
                PaysForSyntheticDataGeneration = assigned[PaymentKind.SyntheticData][i],
                CreateTime = now,
                UpdateTime = now,
            });
        }

        context.World.State.Collaborations.Add(collaboration);
        if (tags is { Count: > 0 }) context.World.State.Tags[context.World.CollaborationArn(collaboration)] = tags;
        return OperationResult.Json(new JsonObject
        {
            ["collaboration"] = CleanRoomsJson.Collaboration(context.World, collaboration, context.AccountId),
        });
    }

    private static void CheckMembers(List<Invitee> everyone)
    {
        var duplicates = everyone.GroupBy(m => m.AccountId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
            throw Errors.InvalidConfiguration($"Each account can be listed once (the creator is a member already): {string.Join(", ", duplicates)}.");
        if (everyone.Count(m => m.CanQuery) > 1)
            throw Errors.InvalidConfiguration("Only one member of a collaboration can have the CAN_QUERY ability.");
    }

    private static List<Invitee> ReadMembers(FieldValidator v, JsonObject body)
    {
        var result = new List<Invitee>();
        if (body["members"] is not JsonArray members)
        {
            v.Fail("members", "Member must not be null");
            return result;
        }

        if (members.Count > 9) v.Fail("members", "Member must have length less than or equal to 9");
        for (var i = 0; i < members.Count; i++)
        {
            var path = $"members.{i}";
            var member = members[i] as JsonObject;
            if (member is null)
            {
                v.Fail(path, "Member must be a structure");
                continue;
            }

            var account = v.String(member, $"{path}.accountId", true, 12, 12, Patterns.AccountIdDigits());
            var display = v.String(member, $"{path}.displayName", true, 1, 100, Patterns.DisplayName());
            var abilities = AbilityList(v, member, $"{path}.memberAbilities");
            var pays = PaymentKind.Read(v, member, $"{path}.paymentConfiguration");
            if (account is not null && display is not null && abilities is not null) result.Add(new Invitee(account, display, abilities, pays));
        }

        return result;
    }

    private static List<string>? AbilityList(FieldValidator v, JsonObject? obj, string field)
    {
        var list = v.StringList(obj, field, true);
        foreach (var ability in list ?? []) v.CheckEnum(ability, field, Abilities);
        if (list is not null && list.Distinct().Count() != list.Count) v.Fail(field, "Member must have unique items");
        return list;
    }

    private static DataEncryptionRecord? ReadEncryption(FieldValidator v, JsonObject body)
    {
        const string root = "dataEncryptionMetadata";
        var metadata = v.Object(body, root, false);
        if (metadata is null) return null;
        var cleartext = v.Bool(metadata, $"{root}.allowCleartext", true);
        var duplicates = v.Bool(metadata, $"{root}.allowDuplicates", true);
        var joins = v.Bool(metadata, $"{root}.allowJoinsOnColumnsWithDifferentNames", true);
        var nulls = v.Bool(metadata, $"{root}.preserveNulls", true);
        return new DataEncryptionRecord
        {
            AllowCleartext = cleartext ?? false,
            AllowDuplicates = duplicates ?? false,
            AllowJoinsOnColumnsWithDifferentNames = joins ?? false,
            PreserveNulls = nulls ?? false,
        };
    }
}
