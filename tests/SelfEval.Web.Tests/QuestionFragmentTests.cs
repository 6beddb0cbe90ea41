using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using SelfEval.Scoring.Answering;
using SelfEval.Scoring.Model;
using SelfEval.Web.Answering;

namespace SelfEval.Web.Tests;

/// <summary>
/// A section page writes a question seen before from <see cref="QuestionFragments"/> instead of rendering it again
/// (issue 16's speed work). What a person sees must not change by that: their own answers and notes, never someone
/// else's, the same HTML as a fresh render, and a form sent back with errors rendered from what was typed.
/// </summary>
public sealed partial class QuestionFragmentTests : IDisposable
{
    private const string Section = TestGuides.GoalsSection;
    private const string Scale = "test-ziele-schriftlich"; // levels 0 to 2
    private const string Other = "test-ziele-einig";

    private readonly SelfEvalFactory _factory = SelfEvalFactory.WithTestGuides();

    public void Dispose() => _factory.Dispose();

    private HttpClient Client() =>
        _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<(HttpClient Client, string Link)> StartAsync()
    {
        var client = Client();
        var page = await client.PageAsync($"/start/{TestGuides.Aufbau}");
        var set = new Dictionary<string, string[]>(TestGuides.Profile("Initiative Nordwind")) { ["CoordinatorName"] = ["Anna"] };
        var token = (await client.SubmitAsync(page.Form("form.answer-form"), set)).Location()[3..46];
        return (client, $"/a/{token}");
    }

    private async Task<(HttpClient Client, string Link)> JoinAsync(HttpClient coordinator, string link, string name)
    {
        var invite = new Uri(((IHtmlInputElement)(await coordinator.PageAsync($"/k/{link[3..]}")).QuerySelector("#einladungslink")!).Value).AbsolutePath;
        var client = Client();
        var join = await client.PageAsync(invite);
        var location = (await client.SubmitAsync(join.Form("form.answer-form"), new Dictionary<string, string[]> { ["Label"] = [name], ["Sharing"] = ["none"] })).Location();
        return (client, location[..46]);
    }

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, string link, Dictionary<string, string[]> set)
    {
        var page = await client.PageAsync($"{link}/{Section}");
        return await client.SubmitAsync(page.Form("#antworten"), set, "go=bleiben");
    }

    private static string? Checked(IDocument page, string question) =>
        page.QuerySelectorAll($"#frage-{question} input[name='q.{question}']").Cast<IHtmlInputElement>().SingleOrDefault(i => i.IsChecked)?.Value;

    private static string Evidence(IDocument page, string question) =>
        ((IHtmlTextAreaElement)page.QuerySelector($"#frage-{question} textarea[name='e.{question}']")!).Value;

    [Fact]
    public async Task Each_person_sees_their_own_answers_and_notes_however_often_the_same_fields_were_shown_before()
    {
        var (anna, annaLink) = await StartAsync();
        var (bernd, berndLink) = await JoinAsync(anna, annaLink, "Bernd");
        var (dora, doraLink) = await JoinAsync(anna, annaLink, "Dora");
        await SaveAsync(anna, annaLink, new() { ["q." + Scale] = ["2"], ["e." + Scale] = ["Protokoll für Müller"], ["q." + Other] = ["1"] });
        await SaveAsync(bernd, berndLink, new() { ["q." + Scale] = ["2"], ["q." + Other] = ["3"] }); // Anna's level, without her note

        for (var round = 0; round < 2; round++)
        {
            var annaPage = await anna.PageAsync($"{annaLink}/{Section}");
            var berndPage = await bernd.PageAsync($"{berndLink}/{Section}");
            var doraPage = await dora.PageAsync($"{doraLink}/{Section}");

            Assert.Equal(("2", "1", "Protokoll für Müller"), (Checked(annaPage, Scale), Checked(annaPage, Other), Evidence(annaPage, Scale)));
            Assert.Equal(("2", "3", ""), (Checked(berndPage, Scale), Checked(berndPage, Other), Evidence(berndPage, Scale)));
            Assert.Equal(((string?)null, (string?)null, ""), (Checked(doraPage, Scale), Checked(doraPage, Other), Evidence(doraPage, Scale)));
            Assert.DoesNotContain("Müller", berndPage.Source.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("Müller", doraPage.Source.Text, StringComparison.Ordinal);
        }

        // A changed answer shows at once; the old fragment is not what the person gets.
        await SaveAsync(anna, annaLink, new() { ["q." + Scale] = ["0"], ["e." + Scale] = [""], ["q." + Other] = ["1"] });
        var changed = await anna.PageAsync($"{annaLink}/{Section}");
        Assert.Equal(("0", ""), (Checked(changed, Scale), Evidence(changed, Scale)));
    }

    [Fact]
    public async Task A_page_shown_again_is_the_same_html_as_when_it_was_first_rendered_but_for_the_form_token()
    {
        var (client, link) = await StartAsync();
        await SaveAsync(client, link, new() { ["q." + Scale] = ["1"], ["e." + Scale] = ["Beschluss über Ziele"], ["q." + Other] = ["2"] });
        var url = $"{link}/{Section}?notice={AnswerNotice.Saved}";

        var first = FormToken().Replace(await client.GetStringAsync(url), "TOKEN");
        var again = FormToken().Replace(await client.GetStringAsync(url), "TOKEN");

        Assert.Equal(first, again);
        Assert.Contains("Beschluss über Ziele</textarea>", again, StringComparison.Ordinal); // German text as typed, not as &#xFC; entities
    }

    [Fact]
    public async Task A_remembered_question_is_kept_without_indentation_and_a_note_keeps_its_own_spaces_and_lines()
    {
        var (client, link) = await StartAsync();
        await SaveAsync(client, link, new() { ["q." + Scale] = ["1"], ["e." + Scale] = ["Beschluss vom 3. März\n    Punkt 2:  Ziele"], ["q." + Other] = ["2"] });

        var html = await client.GetStringAsync($"{link}/{Section}");
        var page = await client.PageAsync($"{link}/{Section}");

        var question = Regex.Match(html, $"<div[^>]*id=\"frage-{Scale}\".*?</fieldset>", RegexOptions.Singleline).Value;
        Assert.Contains("<legend>", question, StringComparison.Ordinal);
        Assert.DoesNotMatch(">[ \\t\\n]{2,}<", question);
        Assert.Equal("Beschluss vom 3. März\n    Punkt 2:  Ziele", Evidence(page, Scale));
        Assert.Equal("1", Checked(page, Scale));
    }

    [Fact]
    public async Task A_form_sent_back_with_an_error_shows_what_was_typed_not_what_was_shown_before()
    {
        var (client, link) = await StartAsync();
        await SaveAsync(client, link, new() { ["q." + Scale] = ["1"] });
        await client.PageAsync($"{link}/{Section}"); // the saved state's fragments are now known

        var refused = await (await SaveAsync(client, link, new() { ["q." + Scale] = ["2"], ["e." + Scale] = [new string('x', Answering.Evidence.MaxLength + 1)] })).ParseAsync();

        Assert.Equal("2", Checked(refused, Scale));
        Assert.Equal(Answering.Evidence.MaxLength + 1, Evidence(refused, Scale).Length);
        Assert.NotNull(refused.QuerySelector($"#frage-{Scale}.has-error"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]+\"")]
    private static partial Regex FormToken();
}

/// <summary>What a remembered question fragment is keyed by, and which fields are never remembered.</summary>
public sealed class QuestionFragmentKeyTests
{
    private static readonly Question Scale = new(
        "q1", "Frage?", "", QuestionType.Scale, null, [new AnswerOption("0", "nein", 0), new AnswerOption("1", "ja", 1)], true, true, 1,
        null, null, false, null, [], null, null, null, null, false, 1);

    private static QuestionField Field(Answer? saved = null, Question? question = null) =>
        new(question ?? Scale, "1.1", saved, Raw: null, Error: null, Hidden: false, ReadOnly: false);

    public static TheoryData<string, QuestionField, bool> Fields => new()
    {
        { "unanswered", Field(), true },
        { "an option chosen", Field(new Answer.Choice("1")), true },
        { "weiß nicht", Field(new Answer.DontKnow()), true },
        { "nicht relevant with a reason", Field(new Answer.NotRelevant("passt nicht")), true },
        { "several options", Field(new Answer.Choices(["a", "b"])), true },
        { "a number: equal numbers can be written differently", Field(new Answer.Number(1.50m)), false },
        { "a free text", Field(new Answer.Text("eigener Text")), false },
        { "typed values of a form sent back", Field() with { Raw = new RawAnswer(["1"], false, null, false) }, false },
        { "an error", Field() with { Error = "Bitte wählen Sie eine Stufe." }, false },
        { "an error in the note", Field() with { EvidenceError = "Zu lang." }, false },
        { "the paper form", Field() with { Paper = true }, false },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Only_fields_whose_html_depends_on_what_the_key_holds_are_remembered(string what, QuestionField field, bool remembered) =>
        Assert.True((QuestionFragments.Key(field) is not null) == remembered, what);

    [Fact]
    public void Fields_that_show_anything_differently_have_different_keys_and_alike_fields_the_same()
    {
        var key = QuestionFragments.Key(Field(new Answer.Choice("1")));

        Assert.Equal(key, QuestionFragments.Key(Field(new Answer.Choice("1"))));
        Assert.NotEqual(key, QuestionFragments.Key(Field(new Answer.Choice("0"))));
        Assert.NotEqual(key, QuestionFragments.Key(Field(new Answer.Choice("1")) with { Number = "1.2" }));
        Assert.NotEqual(key, QuestionFragments.Key(Field(new Answer.Choice("1")) with { Hidden = true }));
        Assert.NotEqual(key, QuestionFragments.Key(Field(new Answer.Choice("1")) with { ReadOnly = true }));
        Assert.NotEqual(key, QuestionFragments.Key(Field(new Answer.Choice("1")) with { Evidence = "Protokoll" }));
        Assert.NotEqual(key, QuestionFragments.Key(Field(new Answer.Choice("1")) with { LastTime = "Im letzten Durchgang: 1" }));
        Assert.NotEqual(QuestionFragments.Key(Field(new Answer.NotRelevant("a"))), QuestionFragments.Key(Field(new Answer.NotRelevant("b"))));
        // Another guide version's question, even worded alike, is another object: its fragment is rendered anew.
        Assert.NotEqual(key, QuestionFragments.Key(Field(new Answer.Choice("1"), Scale with { })));
    }
}
