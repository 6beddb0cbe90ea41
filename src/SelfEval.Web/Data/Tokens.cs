using System.Security.Cryptography;
using System.Text;

namespace SelfEval.Web.Data;

/// <summary>
/// Secret links. A token is 256 random bits in base64url; the database keeps only its SHA-256 hash,
/// so a copy of the database opens no assessment.
/// </summary>
public static class Tokens
{
    public const int TokenLength = 43; // 32 bytes in base64url without padding

    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    /// <summary>Cheap shape check before any database work: unknown and malformed look the same to callers.</summary>
    public static bool LooksValid(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static bool Matches(string token, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(token), storedHash);

    /// <summary>
    /// The invitation link is derived from the coordinator link, so the coordinator page can show it
    /// again without the database ever holding it; a new generation replaces a leaked one.
    /// </summary>
    public static string Invite(string coordinatorToken, int generation) =>
        Base64Url(HMACSHA256.HashData(Encoding.ASCII.GetBytes(coordinatorToken), Encoding.ASCII.GetBytes($"invite:{generation}")));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
