using System.Security.Cryptography;
using System.Text;

namespace CleanroomsStack.Aws.Tests.Support;

public static class SsoCache
{
    /// <summary>The AWS CLI names a legacy SSO token cache file after the SHA-1 of the start URL.</summary>
    public static string FileName(string startUrlOrSession) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(startUrlOrSession))) + ".json";
}
