using CleanroomsStack.Core.Desired;
using CleanroomsStack.Core.Kinds;
using CleanroomsStack.Core.Live;
using CleanroomsStack.Core.Resources.Membership;

namespace CleanroomsStack.Core.Export;

/// <summary>
/// The managed resources as a Pulumi program on the aws-native provider: each membership (protected) and what every
/// kind in it exports (<see cref="MembershipChildKind.Export"/>). Resources that exist get an import id in the provider's
/// format (the CloudFormation primary identifier, parts joined by '|'), so Pulumi adopts them instead of creating them again.
/// </summary>
public static class PulumiProgramBuilder
{
    public static PulumiProgram Build(DesiredState desired, LiveState live, string project, string stack)
    {
        var resources = new List<PulumiResource>();
        var prefixes = UniquePrefixes(desired.Collaborations.Where(c => !c.Leave).ToList());
        foreach (var (collaboration, prefix) in prefixes)
        {
            var membership = live.ForCollaboration(collaboration.CollaborationId) is { IsActive: true } m ? m : null;
            var membershipName = $"{prefix}-membership";
            resources.Add(new PulumiResource(membershipName, MembershipKind.Instance.PulumiType!, Membership(collaboration.Membership), membership?.Id,
                Protect: true));
            var scope = new KindExportScope(collaboration, membership, prefix, $"${{{membershipName}.membershipIdentifier}}");
            resources.AddRange(ResourceKinds.InMembership.SelectMany(k => k.Export(scope)));
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

    /// <summary>aws-native's MembershipPaymentConfiguration: <c>{queryCompute: {isResponsible}, jobCompute, machineLearning: {modelTraining, …}}</c>.</summary>
    private static PulumiMap Payment(PaymentConfiguration p)
    {
        (string, PulumiValue?) Payer(PaymentKind kind) => (kind.Key, kind.Of(p) is { } pays ? PulumiMap.Of(("isResponsible", pays)) : null);
        var machineLearning = PulumiMap.Of([.. PaymentKind.All.Where(k => k.Group is not null).Select(Payer)]);
        return PulumiMap.Of([.. PaymentKind.All.Where(k => k.Group is null).Select(Payer),
            (PaymentKind.MachineLearning, machineLearning.Entries.Count > 0 ? machineLearning : null)]);
    }

    public static PulumiList Texts(IEnumerable<string> values) => PulumiList.Of(values.Select(v => (PulumiValue)v));

    /// <summary>aws-native takes tags as a list of key/value pairs.</summary>
    public static PulumiList? Tags(IReadOnlyDictionary<string, string>? tags) =>
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
    public static string Slug(string text)
    {
        var chars = text.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length == 0 ? "resource" : slug;
    }
}
