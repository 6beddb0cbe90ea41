using System.Globalization;
using SelfEval.Scoring.Model;

namespace SelfEval.Scoring.Loading;

/// <summary>
/// The body of a guide or of the profile: <c>##</c> sections and <c>###</c> questions. What differs between
/// the two (which properties a question takes, what is checked once it is read) is in the subclasses.
/// </summary>
internal abstract class SectionBodyReader(ParsedFile file, string body, int lineOffset) : BodyReader(file, body, lineOffset)
{
    private SectionDraft? _section;
    private QuestionDraft? _question;

    protected abstract Owner QuestionOwner { get; }

    protected override Owner CurrentOwner => Ignoring ? Owner.None : _question is not null ? QuestionOwner : Owner.Section;

    protected override bool HasOwners => File.Sections.Count > 0;

    protected override string? TooDeep(int level) =>
        level > 3 ? "Überschriften mit #### oder mehr sind nicht vorgesehen: ## beginnt einen Abschnitt, ### eine Frage." : null;

    protected override void StartOwner(int level, string title, string id, int line)
    {
        if (level == 2)
        {
            if (title.Length == 0)
            {
                Errors.Add(line, $"Der Abschnitt '{id}' hat keinen Titel.");
            }

            _section = new SectionDraft { Id = id, Title = title, Line = line, Source = File.Source, IsProfile = File.Kind == FileKind.Profile };
            File.Sections.Add(_section);
            Ignoring = false;
            return;
        }

        if (_section is null)
        {
            Errors.Add(line, $"Die Frage '{id}' steht vor dem ersten Abschnitt: Beginnen Sie zuerst einen Abschnitt mit '## Titel {{#id}}'.");
            return;
        }

        if (title.Length == 0)
        {
            Errors.Add(line, $"Die Frage '{id}' hat keinen Text.");
        }

        _question = new QuestionDraft { Id = id, Text = title, Line = line, Source = File.Source, IsProfile = File.Kind == FileKind.Profile };
        Ignoring = false;
    }

    protected override void EndOwner(string content)
    {
        if (_question is not null)
        {
            _question.HelpMarkdown = content;
            CheckQuestion(_question);
            _section!.Questions.Add(_question);
        }
        else if (_section is not null && _section.Questions.Count == 0 && _section.IntroMarkdown.Length == 0)
        {
            _section.IntroMarkdown = content;
        }

        _question = null;
    }

    protected override void Apply(PropertyDefinition property, PropertyValue value)
    {
        if (_question is not null)
        {
            property.Question!(Context, _question, value);
        }
        else if (_section is not null)
        {
            property.Section!(Context, _section, value);
        }
    }

    protected override void Mark(string key, int line)
    {
        if (_question is not null)
        {
            _question.PropertyLines[key] = line;
        }
    }

    protected override void Finish()
    {
        if (File.Sections.Count == 0 && !Errors.Any)
        {
            Errors.Add(1 + LineOffset, "Die Datei enthält keinen Abschnitt: Beginnen Sie einen Abschnitt mit '## Titel {#id}'.");
        }
    }

    /// <summary>Whether a requirement of the table is enforced here (older stored versions predate some).</summary>
    protected virtual bool Enforces(Edition edition) => true;

    /// <summary>Checks across a question's properties, once all of them are read.</summary>
    protected virtual void CheckQuestion(QuestionDraft q)
    {
        if (q.Type is not { } type)
        {
            if (!q.PropertyLines.ContainsKey("type"))
            {
                Errors.Add(q.Line, $"Der Frage '{q.Id}' fehlt die Eigenschaft 'type' (scale, yesno, single, multi, number, text oder longtext).");
            }

            return;
        }

        int LineOf(string key) => q.PropertyLines.GetValueOrDefault(key, q.Line);
        bool Has(string key) => q.PropertyLines.ContainsKey(key);
        CheckLevels(q, type, LineOf, Has);

        if (type is QuestionType.Single or QuestionType.Multi)
        {
            if (!Has("options"))
            {
                Errors.Add(q.Line, $"Die Frage '{q.Id}' ist vom Typ {type.Name()} und braucht 'options' mit mindestens zwei Antworten.");
            }
            else if (q.Options.Count == 1 && !q.HasOptionErrors)
            {
                Errors.Add(LineOf("options"), $"Die Frage '{q.Id}' braucht mindestens zwei Antworten unter 'options'.");
            }
        }
        else if (q.Options.Count > 0)
        {
            Errors.Add(q.Line, $"Antworten unter 'options' gibt es nur bei single und multi, nicht bei '{type.Name()}'.");
        }

        if (type != QuestionType.Number && (q.Min is not null || q.Max is not null))
        {
            Errors.Add(LineOf(q.Min is not null ? "min" : "max"), "Die Eigenschaften 'min' und 'max' gelten nur für Fragen vom Typ number.");
        }

        if (q.Min is { } min && q.Max is { } max && min > max)
        {
            Errors.Add(LineOf("max"), $"'max' ({max.ToString(CultureInfo.InvariantCulture)}) ist kleiner als 'min' ({min.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (type is QuestionType.Text or QuestionType.LongText && Has("dont-know"))
        {
            Errors.Add(LineOf("dont-know"), $"Die Eigenschaft 'dont-know' gilt nicht für Fragen vom Typ {type.Name()}: Wer hier nichts weiß, lässt das Feld leer. Löschen Sie 'dont-know'.");
        }

        if (q.MainOffer is { } main && q.Offers.Any(o => o.Id == main.Id))
        {
            Errors.Add(LineOf("offers"), $"Das Angebot '{main.Id}' steht schon unter 'offer' als das Angebot, das hier am besten hilft: Nennen Sie es unter 'offers' nicht noch einmal.");
        }

        var scored = !q.IsProfile && type is QuestionType.Scale or QuestionType.YesNo;
        if (scored)
        {
            foreach (var property in PropertyTable.All.Where(p => p.RequiredOnScored is not null && Enforces(p.RequiredSince) && !Has(p.Key)))
            {
                Errors.Add(q.Line, $"Die bewertete Frage '{q.Id}' braucht die Eigenschaft '{property.Key}' ({property.RequiredOnScored}).");
            }
        }
        else
        {
            var why = q.IsProfile ? "Profilfragen werden nicht bewertet" : $"Fragen vom Typ {type.Name()} werden nicht bewertet";
            foreach (var property in PropertyTable.All.Where(p => p.ScoredOnly && Has(p.Key)))
            {
                Errors.Add(LineOf(property.Key), $"Die Eigenschaft '{property.Key}' gilt nur für bewertete Fragen (scale, yesno): {why}.");
            }
        }
    }

    /// <summary>A scale question takes its levels from a shared scale or defines its own, never both, never neither.</summary>
    private void CheckLevels(QuestionDraft q, QuestionType type, Func<string, int> lineOf, Func<string, bool> has)
    {
        if (type != QuestionType.Scale)
        {
            foreach (var key in new[] { "scale", "levels" }.Where(has))
            {
                Errors.Add(lineOf(key), $"Die Eigenschaft '{key}' gilt nur für Fragen vom Typ scale, nicht für '{type.Name()}'.");
            }

            return;
        }

        if (!has("scale") && !has("levels"))
        {
            Errors.Add(q.Line, $"Die Frage '{q.Id}' ist vom Typ scale und braucht eigene Stufen unter 'levels' oder die Eigenschaft 'scale' mit dem Namen einer Antwortskala.");
        }
        else if (has("scale") && has("levels"))
        {
            Errors.Add(lineOf("levels"), $"Die Frage '{q.Id}' hat 'scale' und 'levels': Nehmen Sie entweder eine gemeinsame Antwortskala (scale) oder eigene Stufen (levels), nicht beides.");
        }

        if (has("levels") && has("reverse"))
        {
            Errors.Add(lineOf("reverse"), $"Die Frage '{q.Id}' hat eigene Stufen, die schon von der schlechtesten zur besten stehen: Löschen Sie 'reverse' und ordnen Sie die Stufen so, dass die beste unten steht.");
        }
    }
}

/// <summary>A guide's body: its questions may be scored and must then say what they measure.</summary>
internal sealed class QuestionnaireBodyReader(ParsedFile file, string body, int lineOffset, LoadScope scope) : SectionBodyReader(file, body, lineOffset)
{
    protected override Owner QuestionOwner => Owner.GuideQuestion;

    /// <summary>A stored version was answered under the rules of its day: later editions' requirements do not apply to it.</summary>
    protected override bool Enforces(Edition edition) => scope != LoadScope.Stored || edition == Edition.First;
}
