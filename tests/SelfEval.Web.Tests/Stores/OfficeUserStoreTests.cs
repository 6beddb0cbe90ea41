using SelfEval.Web.Office;

namespace SelfEval.Web.Tests.Stores;

/// <summary>The office's accounts: disabling, the last login, and which sessions still hold.</summary>
public sealed class OfficeUserStoreTests : IDisposable
{
    private const string Password = "ein-langes-passwort";
    private readonly StoreFixture _f = new(TestPaths.TestQuestionnaires);
    private readonly OfficeUserStore _users;

    public OfficeUserStoreTests()
    {
        _users = new OfficeUserStore(_f.Database, _f.Clock);
        _users.Save("anna", Password);
        _users.Save("ben", Password);
    }

    public void Dispose() => _f.Dispose();

    [Fact]
    public void A_disabled_account_is_refused_with_its_right_password_and_listed_with_when_and_by_whom()
    {
        Assert.Equal(AccountChange.Done, _users.Disable("ben", by: "anna"));

        Assert.Null(_users.Verify("ben", Password));
        var ben = _users.Find("ben")!;
        Assert.Equal((_f.Clock.Now, "anna"), (ben.DisabledAt, ben.DisabledBy));
        Assert.Equal(AccountChange.Unchanged, _users.Disable("ben", by: "anna"));

        Assert.Equal(AccountChange.Done, _users.Enable("ben"));
        Assert.NotNull(_users.Verify("ben", Password)); // the password it had
        Assert.False(_users.Find("ben")!.IsDisabled);
    }

    [Fact]
    public void Nobody_disables_themselves_or_the_last_active_account()
    {
        Assert.Equal(AccountChange.Self, _users.Disable("anna", by: "ANNA"));
        Assert.Equal(AccountChange.Done, _users.Disable("ben", by: null));
        Assert.Equal(AccountChange.LastActive, _users.Disable("anna", by: null));
        Assert.Equal(AccountChange.Unknown, _users.Disable("niemand", by: null));
        Assert.False(_users.Find("anna")!.IsDisabled);
    }

    [Fact]
    public void A_session_ends_when_its_account_is_disabled_or_gets_a_new_password_and_not_when_it_is_enabled()
    {
        var anna = _users.Verify("anna", Password)!;
        Assert.True(_users.IsSessionValid(anna.Id, anna.SessionVersion));

        Assert.True(_users.ResetPassword("anna", "ein-neues-langes-passwort"));
        Assert.False(_users.IsSessionValid(anna.Id, anna.SessionVersion));
        Assert.Null(_users.Verify("anna", Password));

        var again = _users.Verify("anna", "ein-neues-langes-passwort")!;
        _users.Disable("anna", by: "ben");
        Assert.False(_users.IsSessionValid(again.Id, again.SessionVersion));
        _users.Enable("anna");
        var afterEnabling = _users.Verify("anna", "ein-neues-langes-passwort")!;
        Assert.True(_users.IsSessionValid(afterEnabling.Id, afterEnabling.SessionVersion));
        Assert.False(_users.IsSessionValid(again.Id, again.SessionVersion)); // a session from before the disabling stays ended
    }

    [Fact]
    public void The_last_login_is_recorded_and_a_new_account_has_none()
    {
        Assert.Null(_users.Find("anna")!.LastLoginAt);
        _f.Clock.Advance(TimeSpan.FromDays(3));

        _users.RecordLogin(_users.Verify("anna", Password)!.Id);

        Assert.Equal(_f.Clock.Now, _users.Find("anna")!.LastLoginAt);
        Assert.Null(_users.Find("ben")!.LastLoginAt);
    }

    [Fact]
    public void Create_refuses_a_taken_name_in_any_case_and_a_reset_refuses_an_unknown_one()
    {
        Assert.Null(_users.Create("Anna", "noch-ein-passwort"));
        Assert.NotNull(_users.Verify("anna", Password));
        Assert.NotNull(_users.Create("carla", "noch-ein-passwort"));
        Assert.False(_users.ResetPassword("niemand", "noch-ein-passwort"));
        Assert.Equal(["anna", "ben", "carla"], _users.List().Select(a => a.Name));
    }

    [Theory]
    [InlineData("anna", true)]
    [InlineData("anna maier", false)]
    [InlineData("", false)]
    [InlineData("anna\tb", false)]
    public void Names_follow_one_rule(string name, bool valid) => Assert.Equal(valid, OfficeUserStore.IsValidName(name));
}
