using System.Text.Json.Nodes;
using CleanroomsStack.Emulator.Routing;
using CleanroomsStack.Emulator.State;
using CleanroomsStack.Emulator.Validation;

namespace CleanroomsStack.Emulator.Services.CleanRooms;

/// <summary>
/// Configured audience model associations (Smithy model 2022-02-17): a Clean Rooms ML configured audience model made
/// available in a membership. The model itself (cleanrooms-ml) is not emulated: its ARN is checked for shape only.
/// Create names it <c>configuredAudienceModelAssociationName</c>; responses call it <c>name</c>.
/// </summary>
public sealed class ConfiguredAudienceModelAssociationHandlers : MembershipChildKind<ConfiguredAudienceModelAssociationRecord>
{
    public ConfiguredAudienceModelAssociationHandlers()
        : base(new ChildKindNames("ConfiguredAudienceModelAssociation", "configuredaudiencemodelassociations", "configuredAudienceModelAssociation",
                "CONFIGURED_AUDIENCE_MODEL_ASSOCIATION", "configured audience model association", "Configured audience model associations per membership"),
            state => state.ConfiguredAudienceModelAssociations, quotas => quotas.ConfiguredAudienceModelAssociationsPerMembership)
    {
    }

    public override string Arn(World world, MembershipRecord membership, ConfiguredAudienceModelAssociationRecord child) =>
        world.MembershipChildArn(membership, "configuredaudiencemodelassociation", child.Id);

    protected override CreateRequest<ConfiguredAudienceModelAssociationRecord> ParseCreate(JsonObject body)
    {
        var v = new FieldValidator();
        var model = v.String(body, "configuredAudienceModelArn", true, 20, 2048, Patterns.ConfiguredAudienceModelArn());
        var name = v.String(body, "configuredAudienceModelAssociationName", true, 1, 100, Patterns.DisplayName());
        var manage = v.Bool(body, "manageResourcePolicies", true);
        var description = v.String(body, "description", false, 0, 255, Patterns.Description());
        var tags = v.StringMap(body, "tags", 200, 128, 256);
        v.ThrowIfInvalid();

        return new CreateRequest<ConfiguredAudienceModelAssociationRecord>(n => new ConfiguredAudienceModelAssociationRecord
        {
            Id = n.Id,
            MembershipId = n.MembershipId,
            Name = name!,
            Description = description,
            ConfiguredAudienceModelArn = model!,
            ManageResourcePolicies = manage!.Value,
            CreateTime = n.Now,
            UpdateTime = n.Now,
        }, tags);
    }

    protected override UpdateRequest<ConfiguredAudienceModelAssociationRecord> ParseUpdate(JsonObject body)
    {
        var v = new FieldValidator();
        var name = v.String(body, "name", false, 1, 100, Patterns.DisplayName());
        var description = v.String(body, "description", false, 0, 255, Patterns.Description());
        v.ThrowIfInvalid();

        return new UpdateRequest<ConfiguredAudienceModelAssociationRecord>(name, association =>
        {
            if (description is not null) association.Description = description;
        });
    }

    protected override JsonObject Summary(World world, MembershipRecord membership, ConfiguredAudienceModelAssociationRecord child)
    {
        var json = CleanRoomsJson.MembershipChildBase(world, membership, child, Arn(world, membership, child));
        json["configuredAudienceModelArn"] = child.ConfiguredAudienceModelArn;
        if (child.Description is not null) json["description"] = child.Description;
        return json;
    }

    protected override JsonObject Full(World world, MembershipRecord membership, ConfiguredAudienceModelAssociationRecord child)
    {
        var json = Summary(world, membership, child);
        json["manageResourcePolicies"] = child.ManageResourcePolicies;
        return json;
    }
}
