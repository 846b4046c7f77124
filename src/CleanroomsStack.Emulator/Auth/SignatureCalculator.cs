using System.Security.Cryptography;
using System.Text;

namespace CleanroomsStack.Emulator.Auth;

/// <summary>The SigV4 string to sign and the HMAC key derivation chain.</summary>
public static class SignatureCalculator
{
    public static string Sign(string secretAccessKey, string amzDate, AuthorizationHeader header, string canonicalRequest)
    {
        var stringToSign = string.Join('\n',
            AuthorizationHeader.Algorithm,
            amzDate,
            header.CredentialScope,
            CanonicalRequest.HexSha256(Encoding.UTF8.GetBytes(canonicalRequest)));

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), header.ScopeDate);
        key = Hmac(key, header.Region);
        key = Hmac(key, header.Service);
        key = Hmac(key, "aws4_request");
        return Convert.ToHexStringLower(Hmac(key, stringToSign));
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
