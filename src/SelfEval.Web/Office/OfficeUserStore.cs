using Dapper;
using Microsoft.AspNetCore.Identity;
using SelfEval.Web.Data;

namespace SelfEval.Web.Office;

public sealed record OfficeUser(long Id, string Name);

/// <summary>
/// The service office's accounts with hashed passwords. There is no lockout per account (anyone could
/// trigger it with a user name); repeated failures are throttled per client address by <see cref="LoginThrottle"/>.
/// The columns failed_logins and locked_until of earlier releases stay in the schema, unused.
/// </summary>
public sealed class OfficeUserStore(Database db, TimeProvider clock, IPasswordHasher<OfficeUser>? hasher = null)
{
    public const int MinPasswordLength = 12;

    private readonly IPasswordHasher<OfficeUser> _hasher = hasher ?? new PasswordHasher<OfficeUser>();

    // Unknown names are verified against this hash, so they cost the same work as a wrong password.
    private string? _dummyHash;

    /// <summary>Creates the account, or replaces the password of an existing one.</summary>
    public bool Save(string name, string password)
    {
        using var connection = db.Open();
        var hash = _hasher.HashPassword(new OfficeUser(0, name), password);
        var existed = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM office_users WHERE name = @name", new { name }) > 0;
        connection.Execute(
            """
            INSERT INTO office_users (name, password_hash, created_at) VALUES (@name, @hash, @now)
            ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, failed_logins = 0, locked_until = NULL
            """,
            new { name, hash, now = clock.Stamp() });
        return !existed;
    }

    /// <summary>
    /// The user whose name and password these are, or null. Unknown names take the same path as wrong
    /// passwords, one verification each, so neither the answer nor its time reveals which accounts exist.
    /// </summary>
    public OfficeUser? Verify(string name, string password)
    {
        using var connection = db.Open();
        var row = connection.QuerySingleOrDefault<(long Id, string Name, string Hash)>(
            "SELECT id, name, password_hash FROM office_users WHERE name = @name", new { name });
        if (row.Id == 0)
        {
            _dummyHash ??= _hasher.HashPassword(new OfficeUser(0, "-"), Tokens.New());
            _hasher.VerifyHashedPassword(new OfficeUser(0, name), _dummyHash, password);
            return null;
        }

        var user = new OfficeUser(row.Id, row.Name);
        return _hasher.VerifyHashedPassword(user, row.Hash, password) == PasswordVerificationResult.Failed ? null : user;
    }
}
