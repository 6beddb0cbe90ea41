using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using SelfEval.Web.Cli;
using SelfEval.Web.Infrastructure;
using SelfEval.Web.Office;
using SelfEval.Web.Pages.Office;

namespace SelfEval.Web.Tests;

/// <summary>The workbench's account page, through its real forms: list, create, new password, disable and enable.</summary>
public sealed class OfficeAccountsPageTests : IDisposable
{
    private const string Password = "ein-langes-passwort";
    private const string NewPassword = "ein-neues-langes-passwort";
    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides(("SelfEval:LoginRequestsPerMinute", "10000"));

    public OfficeAccountsPageTests()
    {
        foreach (var name in new[] { "anna", "ben" })
        {
            var output = new StringWriter();
            Assert.Equal(0, Commands.Run(["add-office-user", name, "--password-stdin", "--database", _factory.DatabasePath], output, output, stdin: new StringReader(Password)));
        }
    }

    public void Dispose() => _factory.Dispose();

    private OfficeUserStore Users => new(_factory.Database, TimeProvider.System);

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(string name, string password = Password)
    {
        var client = Client();
        Assert.Equal("/servicestelle", (await client.LoginAsync(name, password)).Location());
        return client;
    }

    private static async Task<IHtmlDocument> SubmitAsync(HttpClient client, string url, IReadOnlyDictionary<string, string[]>? set = null)
    {
        var response = await client.SubmitAsync((await client.PageAsync(url)).Form("main form[method=post]"), set);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ParseAsync();
    }

    private long Id(string name) => Users.Find(name)!.Id;

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login()
    {
        foreach (var url in new[] { "/servicestelle/zugaenge", "/servicestelle/zugaenge/neu", $"/servicestelle/zugaenge/{Id("ben")}/sperren" })
        {
            Assert.StartsWith("/servicestelle/anmelden", (await Client().GetAsync(url)).Location(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_list_shows_each_account_with_last_login_and_state_and_offers_no_way_to_disable_oneself()
    {
        var anna = await SignedInAsync("anna");
        Users.Disable("ben", by: "anna");

        var page = await anna.PageAsync("/servicestelle/zugaenge");

        var rows = page.QuerySelectorAll("table.accounts tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("anna (Sie)", rows[0].QuerySelector("th")!.TextContent.Trim());
        Assert.Contains(" Uhr", rows[0].Children[2].TextContent, StringComparison.Ordinal);
        Assert.Equal("aktiv", rows[0].Children[3].TextContent.Trim());
        Assert.Null(rows[0].QuerySelector("a[href$='/sperren']"));
        Assert.Equal("noch nie", rows[1].Children[2].TextContent.Trim());
        Assert.StartsWith("gesperrt seit", rows[1].Children[3].TextContent.Trim(), StringComparison.Ordinal);
        Assert.EndsWith("von anna", rows[1].Children[3].TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(rows[1].QuerySelector($"a[href='/servicestelle/zugaenge/{Id("ben")}/freigeben']"));
        Assert.NotNull((await anna.PageAsync("/servicestelle")).QuerySelector("a[href='/servicestelle/zugaenge']"));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_open_session_ends_at_the_next_request()
    {
        var anna = await SignedInAsync("anna");
        var ben = await SignedInAsync("ben");
        Assert.Equal(HttpStatusCode.OK, (await ben.GetAsync("/servicestelle")).StatusCode);

        var done = await SubmitAsync(anna, $"/servicestelle/zugaenge/{Id("ben")}/sperren");

        Assert.Equal(AccountTexts.Disabled("ben"), done.QuerySelector(".notice.success")!.TextContent);
        Assert.StartsWith("/servicestelle/anmelden", (await ben.GetAsync("/servicestelle")).Location(), StringComparison.Ordinal);
        var refused = await (await Client().LoginAsync("ben", Password)).ParseAsync();
        Assert.Equal(LoginModel.Failed, refused.QuerySelector(".error-summary")!.TextContent.Trim()); // the answer to a wrong password

        await SubmitAsync(anna, $"/servicestelle/zugaenge/{Id("ben")}/freigeben");
        Assert.Equal("/servicestelle", (await Client().LoginAsync("ben", Password)).Location());
    }

    [Fact]
    public async Task Nobody_disables_their_own_account_even_by_posting_the_form()
    {
        var anna = await SignedInAsync("anna");

        var page = await SubmitAsync(anna, $"/servicestelle/zugaenge/{Id("anna")}/sperren");

        Assert.Contains(AccountTexts.NotSelf, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(Users.Find("anna")!.IsDisabled);
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync("/servicestelle")).StatusCode);
    }

    [Fact]
    public async Task A_new_account_needs_a_free_name_and_a_password_by_the_rule_typed_twice()
    {
        var anna = await SignedInAsync("anna");
        const string url = "/servicestelle/zugaenge/neu";

        var shortPassword = await SubmitAsync(anna, url, new Dictionary<string, string[]> { ["Name"] = ["carla"], ["Password"] = ["kurz"], ["PasswordRepeated"] = ["kurz"] });
        var differing = await SubmitAsync(anna, url, new Dictionary<string, string[]> { ["Name"] = ["carla"], ["Password"] = [NewPassword], ["PasswordRepeated"] = [NewPassword + "x"] });
        var taken = await SubmitAsync(anna, url, new Dictionary<string, string[]> { ["Name"] = ["BEN"], ["Password"] = [NewPassword], ["PasswordRepeated"] = [NewPassword] });
        var spaced = await SubmitAsync(anna, url, new Dictionary<string, string[]> { ["Name"] = ["carla maier"], ["Password"] = [NewPassword], ["PasswordRepeated"] = [NewPassword] });

        Assert.Contains(AccountTexts.PasswordTooShort, shortPassword.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(AccountTexts.PasswordsDiffer, differing.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(AccountTexts.Taken("BEN"), taken.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(AccountTexts.InvalidName, spaced.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("carla", differing.QuerySelector<IHtmlInputElement>("#Name")!.Value); // the name stays, the passwords do not
        Assert.Equal(string.Empty, differing.QuerySelector<IHtmlInputElement>("#Password")!.Value);
        Assert.Equal(["anna", "ben"], Users.List().Select(a => a.Name));

        var form = (await anna.PageAsync(url)).Form("main form[method=post]");
        var values = new Dictionary<string, string[]> { ["Name"] = ["carla"], ["Password"] = [NewPassword], ["PasswordRepeated"] = [NewPassword] };
        var first = await (await anna.SubmitAsync(form, values)).ParseAsync();
        var second = await (await anna.SubmitAsync(form, values)).ParseAsync(); // a double click

        Assert.Equal(AccountTexts.Created("carla"), first.QuerySelector(".notice.success")!.TextContent);
        Assert.Equal(AccountTexts.Created("carla"), second.QuerySelector(".notice.success")!.TextContent);
        Assert.Equal(["anna", "ben", "carla"], Users.List().Select(a => a.Name));
        Assert.Equal("/servicestelle", (await Client().LoginAsync("carla", NewPassword)).Location());
    }

    [Fact]
    public async Task A_new_password_replaces_the_old_one_and_ends_the_accounts_sessions_but_not_ones_own()
    {
        var anna = await SignedInAsync("anna");
        var ben = await SignedInAsync("ben");
        var set = new Dictionary<string, string[]> { ["Password"] = [NewPassword], ["PasswordRepeated"] = [NewPassword] };

        var done = await SubmitAsync(anna, $"/servicestelle/zugaenge/{Id("ben")}/passwort", set);
        await SubmitAsync(anna, $"/servicestelle/zugaenge/{Id("anna")}/passwort", set);

        Assert.Equal(AccountTexts.PasswordSet("ben"), done.QuerySelector(".notice.success")!.TextContent);
        Assert.StartsWith("/servicestelle/anmelden", (await ben.GetAsync("/servicestelle")).Location(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anna.GetAsync("/servicestelle")).StatusCode); // signed in again with her new password
        Assert.Null(Users.Verify("ben", Password));
        Assert.NotNull(Users.Verify("ben", NewPassword));
        Assert.NotNull(Users.Verify("anna", NewPassword));
    }

    [Fact]
    public async Task A_form_copied_into_another_browser_changes_nothing()
    {
        var anna = await SignedInAsync("anna");
        var url = $"/servicestelle/zugaenge/{Id("ben")}/sperren";
        var form = (await anna.PageAsync(url)).Form("main form[method=post]");
        var otherBrowser = await SignedInAsync("anna");

        var copied = await otherBrowser.SubmitAsync(form);
        var ownToken = (await otherBrowser.PageAsync(url)).Form("main form[method=post]");
        var copiedNonce = await (await otherBrowser.SubmitAsync(ownToken, new Dictionary<string, string[]> { ["Nonce"] = [form.Elements.OfType<IHtmlInputElement>().Single(e => e.Name == "Nonce").Value] })).ParseAsync();

        Assert.Equal(HttpStatusCode.BadRequest, copied.StatusCode); // its antiforgery token belongs to the first browser
        Assert.Contains(OneTimeForms.Refused, copiedNonce.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal); // and its nonce too
        Assert.False(Users.Find("ben")!.IsDisabled);
    }

    [Fact]
    public async Task Another_accounts_new_password_leaves_a_session_alone()
    {
        var ben = await SignedInAsync("ben");
        Users.ResetPassword("anna", NewPassword);

        Assert.Equal(HttpStatusCode.OK, (await ben.GetAsync("/servicestelle/zugaenge")).StatusCode);
    }
}
