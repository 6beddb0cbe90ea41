using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SelfEval.Web.Tests;

/// <summary>Reads pages and posts their real forms, antiforgery token included, as a browser would.</summary>
internal static class Forms
{
    /// <summary>The page at the address it was served from, so relative form actions resolve.</summary>
    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var address = response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/";
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(html).Address(address));
        return (IHtmlDocument)document;
    }

    public static async Task<IHtmlDocument> PageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return await response.ParseAsync();
    }

    /// <summary>What the form would send: hidden and text fields, checked boxes, text areas.</summary>
    public static List<KeyValuePair<string, string>> Values(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.IsDisabled || string.IsNullOrEmpty(input.Name):
                    break;
                case IHtmlInputElement { Type: "radio" or "checkbox" } input:
                    if (input.IsChecked)
                    {
                        values.Add(new(input.Name!, input.Value));
                    }

                    break;
                case IHtmlInputElement { Type: "submit" }:
                    break;
                case IHtmlInputElement input:
                    values.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name!, area.Value));
                    break;
            }
        }

        return values;
    }

    /// <summary>Closes the coordinator's current round through its confirmation page, as a coordinator would.</summary>
    public static async Task<HttpResponseMessage> CloseRoundAsync(this HttpClient client, string token, IReadOnlyDictionary<string, string[]>? set = null) =>
        await client.SubmitAsync((await client.PageAsync($"/k/{token}/abschliessen")).Form("form[action*=Close]"), set);

    /// <summary>Posts the form with some fields replaced (all values of a name) and an optional submit button.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IHtmlFormElement form, IReadOnlyDictionary<string, string[]>? set = null, string? button = null, string? action = null)
    {
        var values = Values(form);
        foreach (var (name, newValues) in set ?? new Dictionary<string, string[]>())
        {
            values.RemoveAll(v => v.Key == name);
            values.AddRange(newValues.Select(v => new KeyValuePair<string, string>(name, v)));
        }

        if (button is not null)
        {
            var parts = button.Split('=', 2);
            values.Add(new(parts[0], parts[1]));
        }

        // The raw attribute: AngleSharp's resolved Action escapes the '?' of "?handler=…".
        var target = action ?? form.GetAttribute("action") ?? new Uri(form.Owner!.Url).PathAndQuery;

        return client.PostAsync(target, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// The answers among <paramref name="values"/> whose question the form asks (other fields pass unchanged): one set of
    /// profile answers serves the production profile and the smaller fixture profile, which refuses answers to questions it lacks.
    /// </summary>
    public static Dictionary<string, string[]> AskedIn(this IHtmlFormElement form, Dictionary<string, string[]> values) =>
        values.Where(v => !v.Key.StartsWith("q.", StringComparison.Ordinal) || form.Elements.Any(e => e.GetAttribute("name") == v.Key))
            .ToDictionary(v => v.Key, v => v.Value);

    public static IHtmlFormElement Form(this IDocument page, string selector = "form") =>
        (IHtmlFormElement)(page.QuerySelector(selector) ?? throw new InvalidOperationException($"no {selector} on {page.Url}"));

    /// <summary>The path and query a redirect points to.</summary>
    public static string Location(this HttpResponseMessage response)
    {
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther,
            $"expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>Signs in at the office's login page through its real form; the response is the form's answer.</summary>
    public static async Task<HttpResponseMessage> LoginAsync(this HttpClient client, string name, string password)
    {
        var page = await client.PageAsync("/servicestelle/anmelden");
        return await client.SubmitAsync(page.Form("form.login"), new Dictionary<string, string[]> { ["Name"] = [name], ["Password"] = [password] });
    }
}
