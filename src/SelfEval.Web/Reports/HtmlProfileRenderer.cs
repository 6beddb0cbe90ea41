using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SelfEval.Scoring.Profile;
using SelfEval.Web.Questionnaires;
using SelfEval.Web.Reports.Html;

namespace SelfEval.Web.Reports;

/// <summary>
/// The profile's Razor components (<see cref="ProfileView"/>) rendered to a string outside a request: for the
/// offline <c>profile --html</c> command and the bench. The results pages render the same component in place.
/// </summary>
public sealed class HtmlProfileRenderer
{
    private readonly ServiceProvider _services;

    public HtmlProfileRenderer(MarkdownRenderer markdown)
    {
        _services = new ServiceCollection()
            .AddSingleton(markdown)
            // German text stays readable in the file, as on the pages (see WebEncoderOptions in Program).
            .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
            .BuildServiceProvider();
    }

    public string RenderDocument(ProfileReport report, string css)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Render<ProfileDocument>(new Dictionary<string, object?> { [nameof(ProfileDocument.Report)] = report, [nameof(ProfileDocument.Css)] = css });
    }

    public string RenderFragment(ProfileReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Render<ProfileView>(new Dictionary<string, object?> { [nameof(ProfileView.Report)] = report });
    }

    private string Render<T>(Dictionary<string, object?> parameters)
        where T : IComponent
    {
        // One renderer per call: a renderer keeps every component it rendered until it is disposed.
        using var renderer = new HtmlRenderer(_services, NullLoggerFactory.Instance);
        return renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        }).GetAwaiter().GetResult();
    }
}
