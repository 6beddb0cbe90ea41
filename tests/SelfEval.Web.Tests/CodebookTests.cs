using SelfEval.Scoring.Codebook;
using SelfEval.Scoring.Loading;
using SelfEval.Scoring.Model;
using SelfEval.Web.Cli;

namespace SelfEval.Web.Tests;

/// <summary>The codebook of a small guide, field by field and character by character.</summary>
public sealed class CodebookTests
{
    // The mini fixture cut down to a number question of the profile and the two scored questions, with the
    // second edition's properties set in code (their parser lives elsewhere).
    private static readonly Questionnaire Small = Build();

    private static Questionnaire Build()
    {
        SourceFile File(string name) => SourceFile.FromBytes(name, System.IO.File.ReadAllBytes(TestPaths.Fixture(name)));
        var mini = QuestionnaireLoader.Load(File("_profile.md"), File("_offers.md"), File("minimal.md")).Questionnaires.Single();
        var profile = mini.Sections[0] with { Questions = mini.Sections[0].Questions.Where(q => q.Id == "gruendungsjahr").ToList() };
        var ziele = mini.Sections[1] with
        {
            Questions =
            [
                mini.Sections[1].Questions[0] with
                {
                    ScaleId = null,
                    HasOwnLevels = true,
                    Options = [new("1", "Keine Ziele.", 1m), new("2", "Ziele notiert.", 2m), new("3", "Ziele abgestimmt, mit \"allen\".", 3m)],
                    Measures = Measure.Practice,
                    AllowsDontKnow = true,
                    MainOfferId = "peer-meeting",
                    OfferIds = ["webinar"],
                },
                mini.Sections[1].Questions[1] with { Measures = Measure.Result, Reverse = true, OfferIds = [] },
            ],
        };
        return mini with { Hash = "0123abcd", Sections = [profile, ziele] };
    }

    [Fact]
    public void The_json_keeps_every_field_and_adds_measures_dont_know_reverse_range_offers_and_section_weight()
    {
        var json = Commands.ToJson(QuestionnaireCodebook.From(Small));

        Assert.Equal(
            """
            {
              "id": "mini",
              "version": "1.0",
              "hash": "0123abcd",
              "title": "Mini-Leitfaden",
              "sections": [
                {
                  "id": "profil",
                  "title": "Profil",
                  "questions": [
                    {
                      "id": "gruendungsjahr",
                      "text": "Gründungsjahr?",
                      "type": "number",
                      "required": false,
                      "scored": false,
                      "allowsNotRelevant": false,
                      "aspect": null,
                      "dimension": null,
                      "weight": 1,
                      "options": [],
                      "condition": null,
                      "measures": null,
                      "allowsDontKnow": false,
                      "reverse": false,
                      "min": 1900,
                      "max": 2100,
                      "offers": {
                        "main": null,
                        "optional": []
                      }
                    }
                  ],
                  "weight": 1
                },
                {
                  "id": "ziele",
                  "title": "Ziele",
                  "questions": [
                    {
                      "id": "ziele-gemeinsam",
                      "text": "Haben Sie gemeinsame Ziele?",
                      "type": "scale",
                      "required": true,
                      "scored": true,
                      "allowsNotRelevant": false,
                      "aspect": "einigkeit",
                      "dimension": "innen",
                      "weight": 2,
                      "options": [
                        {
                          "value": "1",
                          "label": "Keine Ziele."
                        },
                        {
                          "value": "2",
                          "label": "Ziele notiert."
                        },
                        {
                          "value": "3",
                          "label": "Ziele abgestimmt, mit \"allen\"."
                        }
                      ],
                      "condition": null,
                      "measures": "practice",
                      "allowsDontKnow": true,
                      "reverse": false,
                      "min": 1,
                      "max": 3,
                      "offers": {
                        "main": "peer-meeting",
                        "optional": [
                          "webinar"
                        ]
                      }
                    },
                    {
                      "id": "gruendungsplan",
                      "text": "Gibt es einen Plan für die Gründung?",
                      "type": "yesno",
                      "required": true,
                      "scored": true,
                      "allowsNotRelevant": true,
                      "aspect": "ressourcen",
                      "dimension": "aussen",
                      "weight": 1,
                      "options": [
                        {
                          "value": "ja",
                          "label": "Ja"
                        },
                        {
                          "value": "teilweise",
                          "label": "Teilweise"
                        },
                        {
                          "value": "nein",
                          "label": "Nein"
                        }
                      ],
                      "condition": "phase = gruendung",
                      "measures": "result",
                      "allowsDontKnow": false,
                      "reverse": true,
                      "min": 0,
                      "max": 2,
                      "offers": {
                        "main": null,
                        "optional": []
                      }
                    }
                  ],
                  "weight": 2
                }
              ],
              "comparison": []
            }
            """.ReplaceLineEndings("\n"),
            json.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_csv_has_the_same_columns()
    {
        var writer = new StringWriter();
        Commands.WriteCsv(QuestionnaireCodebook.From(Small), writer);

        Assert.Equal(
            """
            questionnaire_id,version,section_id,section_title,question_id,text,type,required,scored,allows_not_relevant,aspect,dimension,weight,options,condition,measures,allows_dont_know,reverse,min,max,offer_main,offers_optional,section_weight
            mini,1.0,profil,Profil,gruendungsjahr,Gründungsjahr?,number,false,false,false,,,1,,,,false,false,1900,2100,,,1
            mini,1.0,ziele,Ziele,ziele-gemeinsam,Haben Sie gemeinsame Ziele?,scale,true,true,false,einigkeit,innen,2,"1=Keine Ziele. | 2=Ziele notiert. | 3=Ziele abgestimmt, mit ""allen"".",,practice,true,false,1,3,peer-meeting,webinar,2
            mini,1.0,ziele,Ziele,gruendungsplan,Gibt es einen Plan für die Gründung?,yesno,true,true,true,ressourcen,aussen,1,ja=Ja | teilweise=Teilweise | nein=Nein,phase = gruendung,result,false,true,0,2,,,2

            """.ReplaceLineEndings("\n"),
            writer.ToString().ReplaceLineEndings("\n"));
    }
}
