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

    /// <summary>
    /// The coordinator link of the initiative's assessment of another guide, derived from the first assessment's
    /// coordinator link as the invitation is: the first link leads to both guides without the database holding either.
    /// The salt is stored with the second assessment and new for each one, so a deleted second assessment's links
    /// (its invitation too) never open the one started after it.
    /// </summary>
    public static string OtherGuide(string firstCoordinatorToken, string guideId, byte[] salt) =>
        Derive(firstCoordinatorToken, $"guide:{guideId}:{Convert.ToHexString(salt)}");

    /// <summary>
    /// A team member's personal link for the initiative's other guide, derived from their own link: joining twice
    /// (a double click, or a click next month) finds the same person, and their first link keeps leading to both.
    /// The other assessment's coordinator hash and its round number make it new for each assessment and round.
    /// </summary>
    public static string OtherGuideMember(string memberToken, byte[] otherCoordinatorHash, int roundNumber) =>
        Derive(memberToken, $"member:{Convert.ToHexString(otherCoordinatorHash)}:{roundNumber}");

    /// <summary>
    /// <paramref name="secret"/> (a link) sealed under <paramref name="keyToken"/> (another link of the same person):
    /// XOR with a key only that link yields. The second guide's assessment keeps the first's coordinator link this way,
    /// so its own link leads back to the first without the database alone opening anything.
    /// </summary>
    public static byte[] Seal(string secret, string keyToken)
    {
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(secret);
        var key = HMACSHA256.HashData(Encoding.ASCII.GetBytes(keyToken), "seal:initiative"u8);
        return bytes.Zip(key, (b, k) => (byte)(b ^ k)).ToArray();
    }

    /// <summary>The link sealed by <see cref="Seal"/>; the caller checks it against the stored hash.</summary>
    public static string? Unseal(byte[]? sealedBytes, string keyToken)
    {
        if (sealedBytes is not { Length: 32 })
        {
            return null;
        }

        var key = HMACSHA256.HashData(Encoding.ASCII.GetBytes(keyToken), "seal:initiative"u8);
        return Base64Url(sealedBytes.Zip(key, (b, k) => (byte)(b ^ k)).ToArray());
    }

    private static string Derive(string token, string purpose) =>
        Base64Url(HMACSHA256.HashData(Encoding.ASCII.GetBytes(token), Encoding.ASCII.GetBytes(purpose)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
