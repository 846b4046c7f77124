using CleanroomsStack.Aws.Configuration;

namespace CleanroomsStack.Aws.Tests;

public sealed class EndpointResolutionTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Without_overrides_each_service_uses_its_regional_AWS_endpoint()
    {
        var endpoints = ServiceEndpoints.Resolve(null, "eu-west-2", Env());

        Assert.Equal("https://cleanrooms.eu-west-2.amazonaws.com/", endpoints.For(AwsService.CleanRooms).ToString());
        Assert.Equal("https://entityresolution.eu-west-2.amazonaws.com/", endpoints.For(AwsService.EntityResolution).ToString());
        Assert.Equal("https://sts.eu-west-2.amazonaws.com/", endpoints.For(AwsService.Sts).ToString());
        Assert.False(endpoints.AnyCustom);
    }

    [Fact]
    public void The_endpoint_url_flag_sends_every_service_to_one_endpoint_and_wins_over_the_environment()
    {
        var endpoints = ServiceEndpoints.Resolve("http://127.0.0.1:4566", "us-east-1",
            Env(("AWS_ENDPOINT_URL", "http://global:1"), ("AWS_ENDPOINT_URL_STS", "http://sts:2")));

        Assert.All(Enum.GetValues<AwsService>(), s => Assert.Equal("http://127.0.0.1:4566/", endpoints.For(s).ToString()));
        Assert.True(endpoints.AnyCustom);
    }

    [Fact]
    public void A_per_service_variable_wins_over_AWS_ENDPOINT_URL()
    {
        var endpoints = ServiceEndpoints.Resolve(null, "us-east-1",
            Env(("AWS_ENDPOINT_URL", "http://global:1"), ("AWS_ENDPOINT_URL_CLEANROOMS", "http://cr:2"), ("AWS_ENDPOINT_URL_ENTITYRESOLUTION", "http://er:3")));

        Assert.Equal("http://cr:2/", endpoints.For(AwsService.CleanRooms).ToString());
        Assert.Equal("http://er:3/", endpoints.For(AwsService.EntityResolution).ToString());
        Assert.Equal("http://global:1/", endpoints.For(AwsService.Sts).ToString());
    }

    [Fact]
    public void A_malformed_endpoint_names_its_source_and_the_expected_form()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => ServiceEndpoints.Resolve(null, "us-east-1", Env(("AWS_ENDPOINT_URL_STS", "localhost:4566"))));

        Assert.Equal("AWS_ENDPOINT_URL_STS is 'localhost:4566', which is not an http(s) URL. Use a full URL such as http://127.0.0.1:4566.", error.Message);
    }
}
