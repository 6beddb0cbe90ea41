using Dapper;
using Microsoft.AspNetCore.Identity;
using SelfEval.Web.Data;

namespace SelfEval.Web.Office;

/// <summary>A signed-in account; <paramref name="SessionVersion"/> goes into the cookie, which is valid while it matches.</summary>
public sealed record OfficeUser(long Id, string Name, long SessionVersion = 0);

/// <summary>An account as the list shows it. <paramref name="DisabledBy"/> is null when it was disabled on the command line.</summary>
public sealed record OfficeAccount(long Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt, DateTimeOffset? DisabledAt, string? DisabledBy)
{
    public bool IsDisabled => DisabledAt is not null;
}

/// <summary>What became of a request to disable or enable an account.</summary>
public enum AccountChange
{
    Done,

    /// <summary>The account already was in that state.</summary>
    Unchanged,

    Unknown,

    /// <summary>An office user tried to disable their own account.</summary>
    Self,

    /// <summary>It is the last active account: disabling it would lock the office out of its own area.</summary>
    LastActive,
}

/// <summary>
/// The service office's accounts with hashed passwords. There is no lockout per account (anyone could
/// trigger it with a user name); repeated failures are throttled per client address by <see cref="LoginThrottle"/>.
/// The columns failed_logins and locked_until of earlier releases stay in the schema, unused. The rules for names and
/// passwords live here, for the command line and the workbench alike.
/// </summary>
public sealed class OfficeUserStore(Database db, TimeProvider clock, IPasswordHasher<OfficeUser>? hasher = null)
{
    public const int MinPasswordLength = 12;

    public const int MaxNameLength = 100;

    private readonly IPasswordHasher<OfficeUser> _hasher = hasher ?? new PasswordHasher<OfficeUser>();

    // Unknown names are verified against this hash, so they cost the same work as a wrong password.
    private string? _dummyHash;

    public static bool IsValidName(string? name) => name is { Length: > 0 and <= MaxNameLength } && !name.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));

    public static bool IsValidPassword(string? password) => password is not null && password.Length >= MinPasswordLength;

    /// <summary>Creates the account, or replaces the password of an existing one (ending its sessions).</summary>
    public bool Save(string name, string password)
    {
        using var connection = db.Open();
        var hash = _hasher.HashPassword(new OfficeUser(0, name), password);
        var existed = connection.ExecuteScalar<long>("SELECT COUNT(*) FROM office_users WHERE name = @name", new { name }) > 0;
        connection.Execute(
            """
            INSERT INTO office_users (name, password_hash, created_at) VALUES (@name, @hash, @now)
            ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, failed_logins = 0, locked_until = NULL,
                session_version = session_version + 1
            """,
            new { name, hash, now = clock.Stamp() });
        return !existed;
    }

    /// <summary>Creates a new account and returns its id; null when the name is taken (names are compared without case).</summary>
    public long? Create(string name, string password)
    {
        using var connection = db.Open();
        var hash = _hasher.HashPassword(new OfficeUser(0, name), password);
        return connection.QuerySingleOrDefault<long?>(
            "INSERT INTO office_users (name, password_hash, created_at) VALUES (@name, @hash, @now) ON CONFLICT (name) DO NOTHING RETURNING id",
            new { name, hash, now = clock.Stamp() });
    }

    /// <summary>Sets a new password for an existing account and ends its sessions; false when there is no such account.</summary>
    public bool ResetPassword(string name, string password)
    {
        using var connection = db.Open();
        var hash = _hasher.HashPassword(new OfficeUser(0, name), password);
        return connection.Execute(
            "UPDATE office_users SET password_hash = @hash, session_version = session_version + 1 WHERE name = @name",
            new { name, hash }) == 1;
    }

    public IReadOnlyList<OfficeAccount> List()
    {
        using var connection = db.Open();
        return connection.Query<(long Id, string Name, string CreatedAt, string? LastLoginAt, string? DisabledAt, string? DisabledBy)>(
                "SELECT id, name, created_at, last_login_at, disabled_at, disabled_by FROM office_users ORDER BY name COLLATE NOCASE")
            .Select(r => new OfficeAccount(r.Id, r.Name, Time.Parse(r.CreatedAt)!.Value, Time.Parse(r.LastLoginAt), Time.Parse(r.DisabledAt), r.DisabledBy))
            .ToList();
    }

    public OfficeAccount? Find(string name) => List().FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    public OfficeAccount? Find(long id) => List().FirstOrDefault(a => a.Id == id);

    /// <summary>
    /// Disables the account and ends its sessions. <paramref name="by"/> is the office user doing it (null: the command
    /// line), who cannot disable themselves; the last active account is never disabled.
    /// </summary>
    public AccountChange Disable(string name, string? by)
    {
        using var connection = db.Open();
        using var transaction = connection.BeginTransaction(deferred: false); // the count of active accounts holds until the write
        var target = connection.QuerySingleOrDefault<(long Id, string? DisabledAt)>(
            "SELECT id, disabled_at FROM office_users WHERE name = @name", new { name }, transaction);
        if (target.Id == 0)
        {
            return AccountChange.Unknown;
        }

        if (target.DisabledAt is not null)
        {
            return AccountChange.Unchanged;
        }

        if (by is not null && string.Equals(by, name, StringComparison.OrdinalIgnoreCase))
        {
            return AccountChange.Self;
        }

        if (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM office_users WHERE disabled_at IS NULL", transaction: transaction) <= 1)
        {
            return AccountChange.LastActive;
        }

        connection.Execute(
            "UPDATE office_users SET disabled_at = @now, disabled_by = @by, session_version = session_version + 1 WHERE id = @Id",
            new { now = clock.Stamp(), by, target.Id },
            transaction);
        transaction.Commit();
        return AccountChange.Done;
    }

    public AccountChange Enable(string name)
    {
        using var connection = db.Open();
        var state = connection.QuerySingleOrDefault<(long Id, string? DisabledAt)>("SELECT id, disabled_at FROM office_users WHERE name = @name", new { name });
        if (state.Id == 0)
        {
            return AccountChange.Unknown;
        }

        if (state.DisabledAt is null)
        {
            return AccountChange.Unchanged;
        }

        connection.Execute("UPDATE office_users SET disabled_at = NULL, disabled_by = NULL WHERE id = @Id", new { state.Id });
        return AccountChange.Done;
    }

    /// <summary>
    /// The user whose name and password these are, or null. Unknown names take the same path as wrong
    /// passwords, one verification each, so neither the answer nor its time reveals which accounts exist;
    /// a disabled account is verified too and then refused with the same null.
    /// </summary>
    public OfficeUser? Verify(string name, string password)
    {
        using var connection = db.Open();
        var row = connection.QuerySingleOrDefault<(long Id, string Name, string Hash, long SessionVersion, string? DisabledAt)>(
            "SELECT id, name, password_hash, session_version, disabled_at FROM office_users WHERE name = @name", new { name });
        if (row.Id == 0)
        {
            _dummyHash ??= _hasher.HashPassword(new OfficeUser(0, "-"), Tokens.New());
            _hasher.VerifyHashedPassword(new OfficeUser(0, name), _dummyHash, password);
            return null;
        }

        var user = new OfficeUser(row.Id, row.Name, row.SessionVersion);
        return _hasher.VerifyHashedPassword(user, row.Hash, password) == PasswordVerificationResult.Failed || row.DisabledAt is not null ? null : user;
    }

    /// <summary>Notes a successful sign-in (not in a read-only database, whose pages still let the office in).</summary>
    public void RecordLogin(long id)
    {
        if (db.ReadOnly)
        {
            return;
        }

        using var connection = db.Open();
        connection.Execute("UPDATE office_users SET last_login_at = @now WHERE id = @id", new { now = clock.Stamp(), id });
    }

    /// <summary>The account as a session carries it, or null when it does not exist or is disabled.</summary>
    public OfficeUser? Session(long id)
    {
        using var connection = db.Open();
        return connection.QuerySingleOrDefault<OfficeUser>(
            "SELECT id AS Id, name AS Name, session_version AS SessionVersion FROM office_users WHERE id = @id AND disabled_at IS NULL", new { id });
    }

    /// <summary>
    /// Whether a session signed in as <paramref name="id"/> with <paramref name="sessionVersion"/> still holds: the
    /// account exists, is not disabled and has had no new password since. One lookup by primary key per office request.
    /// </summary>
    public bool IsSessionValid(long id, long sessionVersion)
    {
        using var connection = db.Open();
        return connection.ExecuteScalar<long?>(
            "SELECT session_version FROM office_users WHERE id = @id AND disabled_at IS NULL", new { id }) == sessionVersion;
    }
}
