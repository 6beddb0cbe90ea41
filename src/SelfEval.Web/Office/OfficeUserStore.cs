using Dapper;
using Microsoft.AspNetCore.Identity;
using SelfEval.Web.Data;

namespace SelfEval.Web.Office;

public sealed record OfficeUser(long Id, string Name);

public enum LoginOutcome { Success, WrongCredentials, LockedOut }

/// <summary>The service office's accounts: hashed passwords, a lockout after repeated failures.</summary>
public sealed class OfficeUserStore(Database db, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);
    public const int MinPasswordLength = 12;

    private static readonly PasswordHasher<OfficeUser> Hasher = new();

    /// <summary>Creates the account, or replaces the password of an existing one (and lifts a lockout).</summary>
    public bool Save(string name, string password)
    {
        using var connection = db.Open();
        var hash = Hasher.HashPassword(new OfficeUser(0, name), password);
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
    /// Checks a login. Unknown names take the same path as wrong passwords, so the answer does not
    /// reveal which accounts exist; a locked account stays locked even for the right password.
    /// </summary>
    public (LoginOutcome Outcome, OfficeUser? User) Verify(string name, string password)
    {
        using var connection = db.Open();
        var row = connection.QuerySingleOrDefault<(long Id, string Name, string Hash, long Failed, string? LockedUntil)>(
            "SELECT id, name, password_hash, failed_logins, locked_until FROM office_users WHERE name = @name", new { name });
        var now = clock.GetUtcNow();
        if (row.Id == 0)
        {
            Hasher.VerifyHashedPassword(new OfficeUser(0, name), DummyHash, password);
            return (LoginOutcome.WrongCredentials, null);
        }

        if (Time.Parse(row.LockedUntil) is { } until && until > now)
        {
            return (LoginOutcome.LockedOut, null);
        }

        var user = new OfficeUser(row.Id, row.Name);
        if (Hasher.VerifyHashedPassword(user, row.Hash, password) == PasswordVerificationResult.Failed)
        {
            var failed = row.Failed + 1;
            var lockUntil = failed >= MaxFailures ? (now + LockoutTime).ToString("O", System.Globalization.CultureInfo.InvariantCulture) : null;
            connection.Execute(
                "UPDATE office_users SET failed_logins = @failed, locked_until = @lockUntil WHERE id = @Id",
                new { failed = lockUntil is null ? failed : 0, lockUntil, row.Id });
            return (lockUntil is null ? LoginOutcome.WrongCredentials : LoginOutcome.LockedOut, null);
        }

        connection.Execute("UPDATE office_users SET failed_logins = 0, locked_until = NULL WHERE id = @Id", new { row.Id });
        return (LoginOutcome.Success, user);
    }

    private static readonly string DummyHash = Hasher.HashPassword(new OfficeUser(0, "-"), Guid.NewGuid().ToString());
}
