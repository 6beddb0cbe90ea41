using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SelfEval.Web.Questionnaires;

namespace SelfEval.Web.Tests;

public sealed class PageTests(ProductionGuidesFactory factory) : IClassFixture<ProductionGuidesFactory>
{
    private static Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) => response.ParseAsync();

    [Fact]
    public async Task The_start_page_lists_both_guides_with_size_time_and_audience()
    {
        var client = factory.CreateClient();
        var catalog = factory.Services.GetRequiredService<QuestionnaireCatalog>();

        var response = await client.GetAsync("/");
        var page = await ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("de", page.DocumentElement.GetAttribute("lang"));
        var cards = page.QuerySelectorAll("article.guide-card");
        Assert.Equal(["Sich gut aufstellen", "Wirkung entfalten"], cards.Select(c => c.QuerySelector("h3")!.TextContent.Trim()));
        foreach (var card in cards)
        {
            var guide = catalog.Questionnaires.Single(q => q.Title == card.QuerySelector("h3")!.TextContent.Trim());
            Assert.Contains($"{guide.ScoredQuestions.Count()} bewertete Fragen", card.TextContent, StringComparison.Ordinal);
            var range = SelfEval.Scoring.Answering.TimeEstimate.Range(guide);
            var time = card.QuerySelectorAll("dt").Single(d => d.TextContent == "Zeitbedarf").NextElementSibling!.TextContent;
            Assert.Equal(range.FromMinutes == range.ToMinutes ? $"etwa {range.FromMinutes} Minuten" : $"etwa {range.FromMinutes}–{range.ToMinutes} Minuten, je nach Ihren Angaben", time);
            Assert.Contains(guide.Audience, card.TextContent, StringComparison.Ordinal);
            Assert.Equal([$"/start/{guide.Id}", $"/leitfaden/{guide.Id}"], card.QuerySelectorAll("a.button").Select(a => a.GetAttribute("href")));
        }
    }

    [Theory]
    [InlineData("Sich gut aufstellen", "etwa 20–25 Minuten, je nach Ihren Angaben")] // founding teams see fewer questions
    [InlineData("Wirkung entfalten", "etwa 15–25 Minuten, je nach Ihren Angaben")]
    public async Task The_start_page_shows_the_time_computed_from_the_questions(string title, string time)
    {
        var page = await ParseAsync(await factory.CreateClient().GetAsync("/"));

        var card = page.QuerySelectorAll("article.guide-card").Single(c => c.QuerySelector("h3")!.TextContent.Trim() == title);
        Assert.Equal(time, card.QuerySelectorAll("dt").Single(d => d.TextContent == "Zeitbedarf").NextElementSibling!.TextContent);
    }

    [Fact]
    public async Task German_text_is_written_as_is_not_as_html_entities()
    {
        var html = await factory.CreateClient().GetStringAsync("/");

        Assert.Contains("für regionale Industrieinitiativen", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#xFC;", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sich-gut-aufstellen")]
    [InlineData("wirkung-entfalten")]
    public async Task The_blank_questionnaire_shows_every_section_and_question_with_its_options(string id)
    {
        var guide = factory.Services.GetRequiredService<QuestionnaireCatalog>().Find(id)!;

        var page = await ParseAsync(await factory.CreateClient().GetAsync($"/leitfaden/{id}"));

        Assert.Equal(guide.Title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(guide.Sections.Select(s => s.Id), page.QuerySelectorAll("section.q-section").Select(s => s.Id!["abschnitt-".Length..]));
        var rendered = page.QuerySelectorAll("div.question").ToDictionary(d => d.Id!["frage-".Length..]);
        Assert.Equal(guide.Questions.Select(q => q.Id), rendered.Keys);
        foreach (var question in guide.Questions)
        {
            var block = rendered[question.Id];
            Assert.Contains(Plain(question.Text), block.QuerySelector("h3")!.TextContent, StringComparison.Ordinal);
            var options = block.QuerySelectorAll("ul.options li").Select(li => li.TextContent.Trim()).ToList();
            Assert.Equal(question.Options.Count + (question.AllowsDontKnow ? 1 : 0) + (question.AllowsNotRelevant ? 1 : 0), options.Count);
            Assert.All(question.Options, o => Assert.Contains(options, text => text.EndsWith(o.Label, StringComparison.Ordinal)));
            Assert.Equal(question.AllowsDontKnow, options.Contains("weiß nicht"));
            if (question.AllowsNotRelevant)
            {
                Assert.Equal("nicht relevant für unsere Ziele", options[^1]);
            }
        }
    }

    [Fact]
    public async Task A_conditional_question_says_in_plain_german_when_to_answer_it()
    {
        var page = await ParseAsync(await factory.CreateClient().GetAsync("/leitfaden/sich-gut-aufstellen"));

        var conditions = page.QuerySelectorAll("p.condition").Select(p => p.TextContent).ToList();
        Assert.NotEmpty(conditions);
        Assert.All(conditions, c => Assert.Matches(@"^Nur beantworten, wenn .+ (gewählt|angekreuzt) ist\.$|^Nur beantworten, wenn .+\.$", c));
        Assert.Contains(conditions, c => c.Contains("Frage P.", StringComparison.Ordinal) && c.Contains('„'));
    }

    [Fact]
    public async Task An_unknown_guide_gets_a_german_not_found_page()
    {
        var response = await factory.CreateClient().GetAsync("/leitfaden/gibt-es-nicht");
        var page = await ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Diese Seite gibt es nicht", page.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_page_prints_on_a4_without_site_chrome()
    {
        var css = await factory.CreateClient().GetStringAsync("/css/site.css");

        Assert.Contains("size: A4", css, StringComparison.Ordinal);
        Assert.Matches(@"@media print\s*\{[^@]*\.site-header", css);
    }

    // Question texts may carry inline Markdown; the page shows the words without the markers.
    private static string Plain(string markdown) => markdown.Replace("*", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
}
