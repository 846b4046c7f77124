using CleanroomsStack.Core.Config;

namespace CleanroomsStack.Core.Tests.Config;

/// <summary>The input formats AWS enforces, with the cases the service model's patterns were checked against.</summary>
public class FormatsTests
{
    [Theory]
    [InlineData("ab-c", true)]
    [InlineData("my table", true)]
    [InlineData("acx_part_01", true)]
    [InlineData("a", true)]
    [InlineData("a-b", false)]
    [InlineData("ab--c", false)]
    [InlineData("ab-", false)]
    [InlineData("-ab", false)]
    [InlineData("a.b", false)]
    [InlineData("", false)]
    public void Association_names_follow_the_TableAlias_pattern(string name, bool valid) => Assert.Equal(valid, Formats.IsTableAlias(name));

    [Fact]
    public void Association_names_are_at_most_128_characters()
    {
        Assert.True(Formats.IsTableAlias(new string('a', 128)));
        Assert.False(Formats.IsTableAlias(new string('a', 129)));
    }

    [Theory]
    [InlineData("27b93e2b-5001-4b20-a47b-6aad96ec8958", true)]
    [InlineData("27B93E2B-5001-4B20-A47B-6AAD96EC8958", false)]
    [InlineData("27b93e2b50014b20a47b6aad96ec8958", false)]
    [InlineData("27b93e2b-5001-4b20-a47b-6aad96ec895", false)]
    public void Ids_are_lowercase_uuids(string id, bool valid) => Assert.Equal(valid, Formats.IsUuid(id));

    [Theory]
    [InlineData("921290734397", true)]
    [InlineData("012345678901", true)]
    [InlineData("92129073439", false)]
    [InlineData("9212907343970", false)]
    [InlineData("92129073439x", false)]
    public void Account_ids_are_twelve_digits(string id, bool valid) => Assert.Equal(valid, Formats.IsAccountId(id));

    [Theory]
    [InlineData("cleanrooms-glue-s3-access", true)]
    [InlineData("arn:aws:iam::239083076653:role/cleanrooms-glue-s3-access", true)]
    [InlineData("arn:aws:iam::239083076653:role/service-role/x", true)]
    [InlineData("arn:aws-us-gov:iam::239083076653:role/x", true)]
    [InlineData("arn:aws:iam::2390830766:role/x", false)]
    [InlineData("arn:aws:iam::239083076653:user/x", false)]
    [InlineData("my role", false)]
    public void Roles_are_names_or_role_arns(string role, bool valid) => Assert.Equal(valid, Formats.IsRoleNameOrArn(role));

    [Theory]
    [InlineData("AMC Collaboration", true)]
    [InlineData("   ", false)]
    [InlineData("two\nlines", false)]
    [InlineData("tab\tallowed", true)]
    [InlineData("emoji \U0001F600", false)]
    public void Display_names_follow_the_service_pattern(string name, bool valid) => Assert.Equal(valid, Formats.IsDisplayName(name));

    [Theory]
    [InlineData("acx-results", true)]
    [InlineData("a.b-c", true)]
    [InlineData("Bad_Bucket", false)]
    [InlineData("ab", false)]
    [InlineData("a..b", false)]
    public void Bucket_names_are_dns_style(string bucket, bool valid) => Assert.Equal(valid, Formats.IsBucketName(bucket));
}
