using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Resources.AnalysisRule;
using CleanroomsStack.Core.Resources.IdNamespaceAssociation;
using CleanroomsStack.Core.Resources.Membership;
using CleanroomsStack.Core.Resources.TableAssociation;

namespace CleanroomsStack.Core.Export;

/// <summary>
/// The managed resources as a Pulumi program on the aws-native provider: each membership (protected), its configured
/// table associations with their collaboration analysis rule embedded, and its ID namespace associations. Resources that
/// exist get an import id in the provider's format (the CloudFormation primary identifier, parts joined by '|'), so
/// Pulumi adopts them instead of creating them again.
/// </summary>
public static class PulumiProgramBuilder
{
    public const string MembershipType = "aws-native:cleanrooms:Membership";
    public const string TableAssociationType = "aws-native:cleanrooms:ConfiguredTableAssociation";
    public const string IdNamespaceAssociationType = "aws-native:cleanrooms:IdNamespaceAssociation";

    public static PulumiProgram Build(DesiredState desired, LiveState live, string project, string stack)
    {
        var resources = new List<PulumiResource>();
        var prefixes = UniquePrefixes(desired.Collaborations.Where(c => !c.Leave).ToList());
        foreach (var (collaboration, prefix) in prefixes)
        {
            var membership = live.ForCollaboration(collaboration.CollaborationId) is { Status: "ACTIVE" } m ? m : null;
            var membershipName = $"{prefix}-membership";
            resources.Add(new PulumiResource(membershipName, MembershipType, Membership(collaboration.Membership), membership?.Id, Protect: true));
            var membershipId = $"${{{membershipName}.membershipIdentifier}}";
            foreach (var association in collaboration.TableAssociations)
            {
                var existing = membership?.TableAssociations.FirstOrDefault(a => a.Name == association.Name);
                resources.Add(new PulumiResource($"{prefix}-{Slug(association.Name)}", TableAssociationType, TableAssociation(association, membershipId),
                    existing is null ? null : $"{existing.Id}|{membership!.Id}", Protect: false));
            }
            foreach (var association in collaboration.IdNamespaceAssociations)
            {
                var existing = membership?.IdNamespaceAssociations.FirstOrDefault(a => a.Name == association.Name);
                resources.Add(new PulumiResource($"{prefix}-{Slug(association.Name)}", IdNamespaceAssociationType, IdNamespaceAssociation(association, membershipId),
                    existing is null ? null : $"{existing.Id}|{membership!.Id}", Protect: false));
            }
        }
        return new PulumiProgram(project, stack, desired.Region, resources);
    }

    private static PulumiMap Membership(MembershipSpec spec) => PulumiMap.Of(
        ("collaborationIdentifier", spec.CollaborationId),
        ("queryLogStatus", spec.QueryLogStatus),
        ("jobLogStatus", spec.JobLogStatus),
        ("defaultResultConfiguration", spec.DefaultResultConfiguration is { } r ? ResultConfiguration(r) : null),
        ("paymentConfiguration", spec.Payment is { } p ? Payment(p) : null),
        ("tags", Tags(spec.Tags)));

    private static PulumiMap ResultConfiguration(ResultConfiguration r) => PulumiMap.Of(
        ("outputConfiguration", PulumiMap.Of(("s3", PulumiMap.Of(
            ("bucket", r.Bucket), ("keyPrefix", r.KeyPrefix), ("resultFormat", r.ResultFormat), ("singleFileOutput", r.SingleFileOutput))))),
        ("roleArn", r.RoleArn));

    private static PulumiMap Payment(PaymentConfiguration p) => PulumiMap.Of(
        ("queryCompute", PulumiMap.Of(("isResponsible", p.QueryCompute))),
        ("jobCompute", p.JobCompute is { } job ? PulumiMap.Of(("isResponsible", job)) : null));

    private static PulumiMap TableAssociation(TableAssociationSpec spec, string membershipId) => PulumiMap.Of(
        ("name", spec.Name),
        ("membershipIdentifier", membershipId),
        ("configuredTableIdentifier", spec.ConfiguredTableId),
        ("roleArn", spec.RoleArn),
        ("description", spec.Description),
        ("configuredTableAssociationAnalysisRules", new PulumiList([Rule(spec.Rule)])),
        ("tags", Tags(spec.Tags)));

    /// <summary>The policy union's variant key is the rule type in lower case (custom, list, aggregation).</summary>
    private static PulumiMap Rule(AnalysisRuleSpec rule)
    {
        var variant = PulumiMap.Of(
            ("allowedResultReceivers", Texts(rule.AllowedResultReceivers)),
            ("allowedAdditionalAnalyses", rule.AllowedAdditionalAnalyses.Count == 0 ? null : Texts(rule.AllowedAdditionalAnalyses)));
        var policy = PulumiMap.Of(("v1", PulumiMap.Of((rule.Type.ToLowerInvariant(), variant))));
        return PulumiMap.Of(("type", rule.Type), ("policy", policy));
    }

    private static PulumiList Texts(IEnumerable<string> values) => PulumiList.Of(values.Select(v => (PulumiValue)v));

    private static PulumiMap IdNamespaceAssociation(IdNamespaceAssociationSpec spec, string membershipId) => PulumiMap.Of(
        ("name", spec.Name),
        ("membershipIdentifier", membershipId),
        ("inputReferenceConfig", PulumiMap.Of(("inputReferenceArn", spec.InputReferenceArn), ("manageResourcePolicies", spec.ManageResourcePolicies))),
        ("description", spec.Description),
        ("idMappingConfig", PulumiMap.Of(("allowUseAsDimensionColumn", spec.AllowUseAsDimensionColumn))),
        ("tags", Tags(spec.Tags)));

    /// <summary>aws-native takes tags as a list of key/value pairs.</summary>
    private static PulumiList? Tags(IReadOnlyDictionary<string, string>? tags) =>
        tags is not { Count: > 0 } ? null
            : PulumiList.Of(tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (PulumiValue)PulumiMap.Of(("key", t.Key), ("value", t.Value))));

    /// <summary>A name prefix per collaboration from its name; collaborations that share a name get their id's first part too.</summary>
    private static IReadOnlyList<(DesiredCollaboration, string)> UniquePrefixes(IReadOnlyList<DesiredCollaboration> collaborations)
    {
        var shared = collaborations.GroupBy(c => Slug(c.Name)).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        return collaborations
            .Select(c => (c, shared.Contains(Slug(c.Name)) ? $"{Slug(c.Name)}-{c.CollaborationId[..8]}" : Slug(c.Name)))
            .OrderBy(p => p.Item2, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Lower-case letters, digits, '_' and '-' only: a logical name that reads well and needs no quoting.</summary>
    internal static string Slug(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "resource" : slug;
    }
}
