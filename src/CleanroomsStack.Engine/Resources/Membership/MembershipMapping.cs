using CleanroomsStack.Core.Resources.Membership;
using Shapes = CleanroomsStack.Engine.Ports.Shapes;

namespace CleanroomsStack.Engine.Resources.Membership;

/// <summary>Membership settings between the planner's terms and the AWS wire shapes, both ways.</summary>
internal static class MembershipMapping
{
    public static Shapes.CreateMembershipRequest ToCreateRequest(MembershipSpec spec) => new(
        spec.CollaborationId, spec.QueryLogStatus, spec.JobLogStatus, spec.Tags,
        spec.Payment is { } p ? ToShape(p) : null, spec.DefaultResultConfiguration is { } r ? ToShape(r) : null);

    public static Shapes.UpdateMembershipRequest ToUpdateRequest(string membershipId, MembershipSpec spec) => new(
        membershipId, spec.QueryLogStatus, spec.JobLogStatus, spec.DefaultResultConfiguration is { } r ? ToShape(r) : null);

    public static ResultConfiguration? FromShape(Shapes.MembershipResultConfiguration? shape) =>
        shape?.OutputConfiguration.S3 is { } s3
            ? new ResultConfiguration(s3.Bucket, s3.KeyPrefix, s3.ResultFormat, s3.SingleFileOutput ?? false, shape.RoleArn)
            : null;

    public static PaymentConfiguration FromShape(Shapes.PaymentConfiguration shape) =>
        new(shape.QueryCompute.IsResponsible, shape.JobCompute?.IsResponsible, shape.MachineLearning?.ModelTraining?.IsResponsible,
            shape.MachineLearning?.ModelInference?.IsResponsible, shape.MachineLearning?.SyntheticDataGeneration?.IsResponsible);

    private static Shapes.MembershipResultConfiguration ToShape(ResultConfiguration r) =>
        new(new Shapes.MembershipResultOutput(new Shapes.S3ResultOutput(r.ResultFormat, r.Bucket, r.KeyPrefix, r.SingleFileOutput)), r.RoleArn);

    private static Shapes.PaymentConfiguration ToShape(PaymentConfiguration p)
    {
        var machineLearning = new Shapes.MLPaymentConfig(Payer(p.ModelTraining), Payer(p.ModelInference), Payer(p.SyntheticDataGeneration));
        return new(new Shapes.PayerConfig(p.QueryCompute), Payer(p.JobCompute), machineLearning == new Shapes.MLPaymentConfig() ? null : machineLearning);
    }

    private static Shapes.PayerConfig? Payer(bool? isResponsible) => isResponsible is { } value ? new Shapes.PayerConfig(value) : null;
}
