using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using SelfEval.Web.Data;

namespace SelfEval.Web.Infrastructure;

/// <summary>A form's nonce, checked: it was issued to this browser, for this form, less than a day ago.</summary>
public sealed record FormTicket(byte[] NonceHash);

/// <summary>
/// Forms that mint a secret link (start, join). The page's GET issues a nonce bound to the browser (a hash
/// of a random per-browser cookie, protected with the data-protection keys, with an expiry); the POST checks
/// that binding, and the link itself is random, made on the server. A nonce copied into another browser
/// yields nothing; the same form sent twice from one browser lands on the record it created the first time.
/// </summary>
public sealed class OneTimeForms(IDataProtectionProvider protection, Database db, TimeProvider clock, PublicUrl publicUrl)
{
    public const string Refused = "Dieses Formular wurde in einem anderen Browser geöffnet oder ist zu alt. Ihre Angaben sind noch da: Bitte senden Sie das Formular jetzt noch einmal ab.";

    public const string CookieName = "SelfEval.Formular";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private const int RandomBytes = 32;
    private const int HashBytes = 32;

    private readonly IDataProtector _links = protection.CreateProtector("SelfEval.OneTimeForms.Links");

    // One process serves the database: this keeps a double click from creating two records between check and insert.
    private readonly Lock _creating = new();

    /// <summary>A nonce for the form of <paramref name="purpose"/>, bound to this browser (whose cookie is set when missing).</summary>
    public string Issue(HttpContext http, string purpose)
    {
        var payload = new byte[RandomBytes + HashBytes + sizeof(long)];
        RandomNumberGenerator.Fill(payload.AsSpan(0, RandomBytes));
        SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(Browser(http)), payload.AsSpan(RandomBytes, HashBytes));
        BinaryPrimitives.WriteInt64LittleEndian(payload.AsSpan(RandomBytes + HashBytes), (clock.GetUtcNow() + Lifetime).UtcTicks);
        return Base64Url.EncodeToString(Protector(purpose).Protect(payload));
    }

    /// <summary>The checked nonce, or null when it is missing, tampered with, expired, of another form or of another browser.</summary>
    public FormTicket? Check(HttpContext http, string purpose, string? nonce)
    {
        if (string.IsNullOrEmpty(nonce) || nonce.Length > 1024 || http.Request.Cookies[CookieName] is not { Length: > 0 } browser)
        {
            return null;
        }

        byte[] payload;
        try
        {
            payload = Protector(purpose).Unprotect(Base64Url.DecodeFromChars(nonce));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }

        if (payload.Length != RandomBytes + HashBytes + sizeof(long)
            || !CryptographicOperations.FixedTimeEquals(payload.AsSpan(RandomBytes, HashBytes), SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(browser)))
            || BinaryPrimitives.ReadInt64LittleEndian(payload.AsSpan(RandomBytes + HashBytes)) < clock.GetUtcNow().UtcTicks)
        {
            return null;
        }

        return new FormTicket(SHA256.HashData(payload.AsSpan(0, RandomBytes)));
    }

    /// <summary>The link this form already created, if its record still <paramref name="exists"/>.</summary>
    public string? Created(FormTicket ticket, Func<string, bool> exists)
    {
        using var connection = db.Open();
        var stored = connection.QuerySingleOrDefault<string>("SELECT token_protected FROM one_time_forms WHERE nonce_hash = @NonceHash", new { ticket.NonceHash });
        if (stored is null)
        {
            return null;
        }

        try
        {
            var token = _links.Unprotect(stored);
            return exists(token) ? token : null;
        }
        catch (CryptographicException)
        {
            return null; // the keys were replaced: the form counts as new
        }
    }

    /// <summary>
    /// Mints a new link and lets <paramref name="create"/> store its record (returning the record's id), unless the
    /// form created one in the meantime; remembers it for a day and forgets what is older.
    /// </summary>
    public string Create(FormTicket ticket, Func<string, bool> exists, Func<string, long> create)
    {
        lock (_creating)
        {
            if (Created(ticket, exists) is { } existing)
            {
                return existing;
            }

            var token = Tokens.New();
            var recordId = create(token);
            using var connection = db.Open();
            using var tx = connection.BeginTransaction();
            connection.Execute("DELETE FROM one_time_forms WHERE created_at < @before", new { before = (clock.GetUtcNow() - Lifetime).ToString("O", System.Globalization.CultureInfo.InvariantCulture) }, tx);
            connection.Execute(
                "INSERT OR REPLACE INTO one_time_forms (nonce_hash, record_id, token_protected, created_at) VALUES (@NonceHash, @recordId, @protectedToken, @now)",
                new { ticket.NonceHash, recordId, protectedToken = _links.Protect(token), now = clock.Stamp() },
                tx);
            tx.Commit();
            return token;
        }
    }

    private IDataProtector Protector(string purpose) => protection.CreateProtector("SelfEval.OneTimeForms", purpose);

    /// <summary>The browser's random id from its cookie, set now when it has none.</summary>
    private string Browser(HttpContext http)
    {
        if (http.Request.Cookies[CookieName] is { Length: > 0 } existing)
        {
            return existing;
        }

        if (http.Items[CookieName] is string issued)
        {
            return issued;
        }

        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));
        http.Items[CookieName] = id;
        http.Response.Cookies.Append(CookieName, id, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true, // it only ties a form to the browser it was shown in
            SameSite = SameSiteMode.Lax,
            Secure = publicUrl.IsHttps || http.Request.IsHttps,
            Path = "/",
        });
        return id;
    }
}
