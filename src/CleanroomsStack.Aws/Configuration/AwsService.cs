namespace CleanroomsStack.Aws.Configuration;

/// <summary>The AWS services this tool speaks to, with what each needs for endpoints and signing.</summary>
public enum AwsService
{
    CleanRooms,
    EntityResolution,
    Sts,
    Glue,
}

public static class AwsServiceMetadata
{
    /// <summary>SigV4 signing name, which is also the endpoint host prefix for all three services.</summary>
    public static string SigningName(this AwsService service) => service switch
    {
        AwsService.CleanRooms => "cleanrooms",
        AwsService.EntityResolution => "entityresolution",
        AwsService.Sts => "sts",
        AwsService.Glue => "glue",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };

    /// <summary>Suffix of the per-service endpoint variable, e.g. AWS_ENDPOINT_URL_CLEANROOMS (the SDK's service id, upper snake case).</summary>
    public static string EndpointEnvironmentVariable(this AwsService service) => service switch
    {
        AwsService.CleanRooms => "AWS_ENDPOINT_URL_CLEANROOMS",
        AwsService.EntityResolution => "AWS_ENDPOINT_URL_ENTITYRESOLUTION",
        AwsService.Sts => "AWS_ENDPOINT_URL_STS",
        AwsService.Glue => "AWS_ENDPOINT_URL_GLUE",
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };
}
