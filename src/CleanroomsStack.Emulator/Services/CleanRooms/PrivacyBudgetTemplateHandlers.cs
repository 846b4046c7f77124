using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>
/// Privacy budget templates (Smithy model 2022-02-17): one per membership, differential privacy only. They have no name;
/// a second template in a membership answers 409 ALREADY_EXISTS. Like every child, one left in a membership makes
/// DeleteMembership answer SUBRESOURCES_EXIST.
/// </summary>
public sealed class PrivacyBudgetTemplateHandlers : MembershipChildKind<PrivacyBudgetTemplateRecord>
{
    private const string DifferentialPrivacy = "DIFFERENTIAL_PRIVACY";
    private static readonly string[] Types = [DifferentialPrivacy];
    private static readonly string[] AutoRefresh = ["CALENDAR_MONTH", "NONE"];

    public PrivacyBudgetTemplateHandlers()
        : base(new ChildKindNames("PrivacyBudgetTemplate", "privacybudgettemplates", "privacyBudgetTemplate",
                "PRIVACY_BUDGET_TEMPLATE", "privacy budget template", "Privacy budget templates per membership"),
            state => state.PrivacyBudgetTemplates, _ => 1)
    {
    }

    /// <summary>The model's pattern: <c>…:&lt;account&gt;:privacybudgettemplate/&lt;id&gt;</c>, without the membership.</summary>
    public override string Arn(World world, MembershipRecord membership, PrivacyBudgetTemplateRecord child) =>
        $"arn:aws:cleanrooms:{world.Region}:{membership.AccountId}:privacybudgettemplate/{child.Id}";

    protected override CreateRequest<PrivacyBudgetTemplateRecord> ParseCreate(JsonObject body)
    {
        var v = new FieldValidator();
        var type = v.Enum(body, "privacyBudgetType", true, Types);
        var refresh = v.Enum(body, "autoRefresh", true, AutoRefresh);
        var (epsilon, noise) = ReadParameters(v, body, required: true);
        var tags = v.StringMap(body, "tags", 200, 128, 256);
        v.ThrowIfInvalid();

        return new CreateRequest<PrivacyBudgetTemplateRecord>(n => new PrivacyBudgetTemplateRecord
        {
            Id = n.Id,
            MembershipId = n.MembershipId,
            Name = type!,
            AutoRefresh = refresh!,
            Epsilon = epsilon!.Value,
            UsersNoisePerQuery = noise!.Value,
            CreateTime = n.Now,
            UpdateTime = n.Now,
        }, tags);
    }

    protected override UpdateRequest<PrivacyBudgetTemplateRecord> ParseUpdate(JsonObject body)
    {
        var v = new FieldValidator();
        v.Enum(body, "privacyBudgetType", true, Types);
        var (epsilon, noise) = ReadParameters(v, body, required: false);
        v.ThrowIfInvalid();

        return new UpdateRequest<PrivacyBudgetTemplateRecord>(null, template =>
        {
            if (epsilon is not null) template.Epsilon = epsilon.Value;
            if (noise is not null) template.UsersNoisePerQuery = noise.Value;
        });
    }

    /// <summary><c>parameters.differentialPrivacy {epsilon 1–20, usersNoisePerQuery 10–100}</c> (both required on create).</summary>
    private static (int? Epsilon, int? Noise) ReadParameters(FieldValidator v, JsonObject body, bool required)
    {
        var parameters = v.Object(body, "parameters", required);
        var dp = v.Object(parameters, "parameters.differentialPrivacy", parameters is not null);
        return (v.Int(dp, "parameters.differentialPrivacy.epsilon", required && dp is not null, 1, 20),
            v.Int(dp, "parameters.differentialPrivacy.usersNoisePerQuery", required && dp is not null, 10, 100));
    }

    protected override JsonObject Summary(World world, MembershipRecord membership, PrivacyBudgetTemplateRecord child)
    {
        var json = CleanRoomsJson.MembershipChildBase(world, membership, child, Arn(world, membership, child));
        json.Remove("name");
        json["privacyBudgetType"] = child.Name;
        return json;
    }

    protected override JsonObject Full(World world, MembershipRecord membership, PrivacyBudgetTemplateRecord child)
    {
        var json = Summary(world, membership, child);
        json["autoRefresh"] = child.AutoRefresh;
        json["parameters"] = new JsonObject
        {
            ["differentialPrivacy"] = new JsonObject { ["epsilon"] = child.Epsilon, ["usersNoisePerQuery"] = child.UsersNoisePerQuery },
        };
        return json;
    }
}
