using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;
using SelfEval.Web.Cli;
using SelfEval.Web.Questionnaires;

if (Commands.IsCommand(args))
{
    return Commands.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOptions<SelfEvalOptions>()
    .Bind(builder.Configuration.GetSection(SelfEvalOptions.SectionName))
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddSingleton(sp =>
    QuestionnaireCatalog.Load(sp.GetRequiredService<IOptions<SelfEvalOptions>>().Value.ResolvedQuestionnaireFolder));
builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddRazorPages();

// German text stays readable in the HTML instead of becoming &#xFC; entities.
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

var app = builder.Build();

try
{
    // Load the guides now, not on the first request: a broken file must stop the start, listing every error.
    app.Services.GetRequiredService<QuestionnaireCatalog>();
}
catch (QuestionnaireLoadException ex)
{
    Console.Error.WriteLine("SelfEval startet nicht, weil die Fragebögen Fehler enthalten:");
    foreach (var error in ex.Errors)
    {
        Console.Error.WriteLine(error.ToString());
    }

    return 1;
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}

app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
app.UseStaticFiles();
app.UseRouting();
app.MapRazorPages();
app.Run();
return 0;
