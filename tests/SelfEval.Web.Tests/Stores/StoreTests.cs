using Dapper;
using SelfEval.Scoring.Model;
using SelfEval.Web.Assessments;
using SelfEval.Web.Data;

namespace SelfEval.Web.Tests.Stores;

public sealed class StoreTests : IDisposable
{
    private readonly StoreFixture _f = new(TestPaths.TestQuestionnaires);
    private readonly AssessmentStore _assessments;
    private readonly ResponseStore _responses;

    public StoreTests()
    {
        _assessments = new AssessmentStore(_f.Database, _f.Clock);
        _responses = new ResponseStore(_f.Database, _f.Clock);
    }

    public void Dispose() => _f.Dispose();

    private Questionnaire Guide => _f.Catalog.Find(TestGuides.Aufbau)!;

    private (long Id, string Coordinator, string Invite) NewAssessment(bool optIn = true)
    {
        var coordinator = Tokens.New();
        var invite = Tokens.Invite(coordinator, 1);
        var id = _assessments.Create(new AssessmentStore.NewAssessment(
            Guide.Id, _f.Versions.Ensure(Guide), Tokens.Hash(coordinator), Tokens.Hash(invite), optIn, "Anna",
            [StoredAnswer.From("name", new Answer.Text("Initiative Nord")), StoredAnswer.From("phase", new Answer.Choice("gruendung"))]));
        return (id, coordinator, invite);
    }

    [Fact]
    public void Migrations_create_every_table_from_an_empty_file_and_a_second_run_changes_nothing()
    {
        using var connection = _f.Database.Open();
        var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").ToList();

        Assert.Equal(["answers", "assessments", "cohort_snapshots", "comparison_codes", "legal_pages", "office_users", "one_time_forms", "profile_answers", "questionnaire_versions", "released_figures", "releases", "respondents", "round_results", "rounds", "schema_version", "team_actions", "team_agreements"], tables);
        Assert.Equal(0, _f.Database.Migrate());
        Assert.Equal(Database.Migrations().Count(), connection.ExecuteScalar<int>("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal("wal", connection.ExecuteScalar<string>("PRAGMA journal_mode"));
        Assert.Equal(1, connection.ExecuteScalar<int>("PRAGMA foreign_keys"));
    }

    [Fact]
    public void A_questionnaire_version_is_stored_once_with_its_sources_and_read_back_identical()
    {
        var first = _f.Versions.Ensure(Guide);
        var again = _f.Versions.Ensure(Guide);

        Assert.Equal(first, again);
        using var connection = _f.Database.Open();
        var row = connection.QuerySingle<(string QuestionnaireId, string Version, string Hash, string Sources)>(
            "SELECT questionnaire_id, version, hash, sources_json FROM questionnaire_versions");
        Assert.Equal((Guide.Id, Guide.Version, Guide.Hash), (row.QuestionnaireId, row.Version, row.Hash));
        Assert.Contains("test-aufbau.md", row.Sources, StringComparison.Ordinal);
        Assert.Contains("profil.md", row.Sources, StringComparison.Ordinal);
        Assert.Contains("angebote.md", row.Sources, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_version_still_loads_after_the_file_changed()
    {
        var id = _f.Versions.Ensure(Guide);
        // A second store over the same file, whose catalogue no longer has this text, must parse the stored sources.
        var changed = new SelfEval.Web.Questionnaires.QuestionnaireCatalog([], _f.Catalog.Offers);
        var store = new SelfEval.Web.Questionnaires.QuestionnaireVersionStore(_f.Database, changed, _f.Clock);

        var loaded = store.Get(id);

        Assert.Equal(Guide.Hash, loaded.Hash);
        Assert.Equal(Guide.Questions.Select(q => q.Id), loaded.Questions.Select(q => q.Id));
    }

    [Fact]
    public void Creating_an_assessment_stores_round_one_the_coordinator_and_the_profile_and_only_token_hashes()
    {
        var (id, coordinator, invite) = NewAssessment();

        var found = _assessments.FindByCoordinatorToken(coordinator)!;
        Assert.Equal(id, found.Id);
        Assert.True(found.ComparisonOptIn);
        Assert.Equal(id, _assessments.FindByInviteToken(invite)!.Id);
        var round = Assert.Single(_assessments.GetRounds(id));
        Assert.Equal(1, round.Number);
        Assert.False(round.IsClosed);
        var boss = Assert.Single(_assessments.GetRespondents(round.Id));
        Assert.True(boss.IsCoordinator);
        Assert.Equal("Anna", boss.Label);
        Assert.Equal(["name", "phase"], _assessments.GetProfile(round.Id).Select(p => p.QuestionId).Order());

        using var connection = _f.Database.Open();
        var dump = string.Join("|", connection.Query<string>("SELECT hex(coordinator_token_hash) || hex(invite_token_hash) FROM assessments"));
        Assert.DoesNotContain(coordinator, dump, StringComparison.Ordinal);
        Assert.Equal(64 * 2, dump.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("kurz")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("../../../etc/passwd/aaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Unknown_or_malformed_tokens_find_nothing(string token)
    {
        NewAssessment();

        Assert.Null(_assessments.FindByCoordinatorToken(token));
        Assert.Null(_assessments.FindByInviteToken(token));
        Assert.Null(_assessments.FindByRespondentToken(token));
    }

    [Fact]
    public void A_respondent_joins_saves_answers_replaces_and_clears_them()
    {
        var (id, _, _) = NewAssessment();
        var round = _assessments.CurrentRound(id);
        var token = Tokens.New();
        var respondentId = _assessments.AddRespondent(round.Id, Tokens.Hash(token), null);

        Assert.True(_responses.Save(respondentId, [StoredAnswer.From("test-partner-unternehmen", new Answer.Choice("3")), StoredAnswer.From("test-partner-vereinbarung", new Answer.NotRelevant("passt nicht"))], [], TestGuides.PartnerSection));
        Assert.True(_responses.Save(respondentId, [StoredAnswer.From("test-partner-unternehmen", new Answer.Choice("4"))], ["test-partner-vereinbarung"], null));

        var saved = Assert.Single(_responses.Get(respondentId));
        Assert.Equal(new Answer.Choice("4"), saved.ToAnswer(Guide.FindQuestion("test-partner-unternehmen")));
        var found = _assessments.FindByRespondentToken(token)!.Value;
        Assert.Equal(respondentId, found.Respondent.Id);
        Assert.Equal(TestGuides.PartnerSection, found.Respondent.LastSection);
        Assert.Equal(id, found.Assessment.Id);
    }

    [Fact]
    public void Every_answer_type_survives_the_round_trip()
    {
        var (id, _, _) = NewAssessment();
        var respondent = _assessments.Coordinator(_assessments.CurrentRound(id).Id).Id;
        var answers = new (string Id, Answer Answer)[]
        {
            ("test-partner-unternehmen", new Answer.Choice("2")),
            ("test-finanzierung-gesichert", new Answer.Choice("teilweise")),
            ("test-themen", new Answer.Choices(["fachkraefte", "innovation"])),
            ("test-mitglieder", new Answer.Number(12.5m)),
            ("name", new Answer.Text("„Zukunft Industrie“ – Süd")),
            ("test-partner-vereinbarung", new Answer.NotRelevant(null)),
        };

        _responses.Save(respondent, answers.Select(a => StoredAnswer.From(a.Id, a.Answer)).ToList(), [], null);

        var back = _responses.Get(respondent).ToDictionary(a => a.QuestionId, a => a.ToAnswer(Guide.FindQuestion(a.QuestionId)));
        foreach (var (qid, answer) in answers)
        {
            Assert.Equal(Describe(answer), Describe(back[qid]!));
        }
    }

    private static string Describe(Answer answer) => answer switch
    {
        Answer.Choices c => "multi:" + string.Join(",", c.Values),
        _ => answer.ToString(),
    };

    [Fact]
    public void The_round_stamp_moves_when_a_member_changes_their_sharing_choice_or_finishes_or_the_profile_is_corrected_while_the_clock_stands_still()
    {
        // The cached team profile is keyed on this stamp: a member who withdraws must vanish from it at once.
        var (id, _, _) = NewAssessment();
        var round = _assessments.CurrentRound(id);
        var member = _assessments.AddRespondent(round.Id, Tokens.Hash(Tokens.New()), null, AnswerSharing.Pseudonym);
        var first = _responses.RoundStamp([round.Id]);

        _assessments.SetSharing(member, AnswerSharing.None);
        var withdrawn = _responses.RoundStamp([round.Id]);
        _assessments.SetFinished(member, true);

        var finished = _responses.RoundStamp([round.Id]);
        _assessments.SaveProfile(round.Id, [StoredAnswer.From("name", new Answer.Text("Initiative mit Tippfehler behoben"))], []);

        Assert.NotEqual(first, withdrawn);
        Assert.NotEqual(withdrawn, finished);
        Assert.NotEqual(finished, _responses.RoundStamp([round.Id]));   // a corrected name reaches the cached profile
    }

    [Fact]
    public void A_member_shares_nothing_until_choosing_and_pseudonyms_follow_no_join_order_nor_a_typed_name()
    {
        var (id, _, _) = NewAssessment();
        var round = _assessments.CurrentRound(id);
        var quiet = _assessments.AddRespondent(round.Id, Tokens.Hash(Tokens.New()), "Bernd");
        var named = _assessments.AddRespondent(round.Id, Tokens.Hash(Tokens.New()), null, AnswerSharing.Name);
        var impostor = _assessments.AddRespondent(round.Id, Tokens.Hash(Tokens.New()), "Person A");
        var hashes = Enumerable.Range(0, 6).Select(_ => Tokens.Hash(Tokens.New())).ToList();
        var hidden = hashes.Select(h => _assessments.AddRespondent(round.Id, h, "Geheim", AnswerSharing.Pseudonym)).ToList();

        Assert.Equal(AnswerSharing.None, _assessments.GetRespondent(quiet)!.Sharing);
        Assert.Equal(AnswerSharing.None, _assessments.Coordinator(round.Id).Sharing);
        _assessments.SetSharing(_assessments.Coordinator(round.Id).Id, AnswerSharing.Pseudonym); // the coordinator's answers are theirs, never a pseudonym's
        _assessments.SetSharing(impostor, AnswerSharing.None);
        var labels = RespondentLabels.Shared(_assessments.GetRespondents(round.Id), _assessments.PseudonymOrder(round.Id));

        Assert.Equal("Anna", labels[_assessments.Coordinator(round.Id).Id]);
        Assert.Equal("Person 3", labels[named]); // no name given: the label the coordinator page shows
        Assert.False(labels.ContainsKey(quiet));
        Assert.False(labels.ContainsKey(impostor));
        // Lettered in the order of the links' random hashes, skipping "Person A", which someone typed as a name.
        var byHash = hidden.Zip(hashes).OrderBy(p => Convert.ToHexString(p.Second), StringComparer.Ordinal).Select(p => labels[p.First]);
        Assert.Equal(["Person B", "Person C", "Person D", "Person E", "Person F", "Person G"], byHash);
        using var connection = _f.Database.Open();
        Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => connection.Execute("UPDATE respondents SET sharing = 'alle' WHERE id = @quiet", new { quiet }));
    }

    [Fact]
    public void The_round_reader_reads_the_profile_every_person_with_their_answers_and_the_pseudonym_order_in_one_go()
    {
        var (id, _, _) = NewAssessment();
        var round = _assessments.CurrentRound(id);
        var ben = _assessments.AddRespondent(round.Id, Tokens.Hash(Tokens.New()), "Ben", AnswerSharing.Name);
        var hidden = Enumerable.Range(0, 4).Select(_ => _assessments.AddRespondent(round.Id, Tokens.Hash(Tokens.New()), null, AnswerSharing.Pseudonym)).ToList();
        var quiet = _assessments.AddRespondent(round.Id, Tokens.Hash(Tokens.New()), "Cem");
        var question = Guide.ScoredQuestions.First(q => q.Type == QuestionType.Scale);
        _responses.Save(ben, [StoredAnswer.From(question.Id, new Answer.Choice("3"))], [], null);
        _responses.Save(hidden[2], [StoredAnswer.From(question.Id, new Answer.NotRelevant("passt nicht"))], [], null);

        var read = new RoundReader(_f.Database, _f.Versions).Read(round);

        Assert.Equal(new Answer.Text("Initiative Nord"), read.Profile["name"]);
        Assert.Equal(_assessments.GetRespondents(round.Id), read.Respondents); // coordinator first, then as they joined
        Assert.Equal(_assessments.PseudonymOrder(round.Id), read.PseudonymOrder);
        Assert.Equal(new Answer.Choice("3"), Assert.Single(read.People.Single(p => p.Respondent.Id == ben).Answers).Value);
        Assert.Equal(new Answer.NotRelevant("passt nicht"), Assert.Single(read.People.Single(p => p.Respondent.Id == hidden[2]).Answers).Value);
        Assert.Empty(read.People.Single(p => p.Respondent.Id == quiet).Answers);
        Assert.DoesNotContain(read.People, p => p.Answers.ContainsKey("name")); // the profile is the round's, not a person's
    }

    [Fact]
    public void A_round_closed_without_the_unfinished_leaves_them_out_of_the_figures_the_shared_answers_and_the_head_count()
    {
        var (id, _, _) = NewAssessment();
        var round = _assessments.CurrentRound(id);
        var done = _assessments.AddRespondent(round.Id, Tokens.Hash(Tokens.New()), "Ben", AnswerSharing.Name);
        var halfway = _assessments.AddRespondent(round.Id, Tokens.Hash(Tokens.New()), "Cem", AnswerSharing.Name);
        var question = Guide.ScoredQuestions.First(q => q.Type == QuestionType.Scale);
        _responses.Save(done, [StoredAnswer.From(question.Id, new Answer.Choice("4"))], [], null);
        _responses.Save(halfway, [StoredAnswer.From(question.Id, new Answer.Choice("1"))], [], null);
        _assessments.SetFinished(done, true);
        var reader = new RoundReader(_f.Database, _f.Versions);

        var counted = reader.Answers(round);
        _assessments.CloseRound(round.Id, excludeUnfinished: true);
        var excluded = reader.Answers(_assessments.GetRound(round.Id)!);

        Assert.Equal((2, 2), (counted.Members, counted.Team.Respondents));
        Assert.Contains(counted.Shared, s => s.Respondent.Id == halfway);
        Assert.Equal((1, 1, 0), (excluded.Members, excluded.Team.Respondents, excluded.Incomplete));
        Assert.DoesNotContain(excluded.Shared, s => s.Respondent.Id == halfway);
    }

    [Fact]
    public void Finished_respondents_and_closed_rounds_take_no_more_answers()
    {
        var (id, _, _) = NewAssessment();
        var round = _assessments.CurrentRound(id);
        var respondent = _assessments.AddRespondent(round.Id, Tokens.Hash(Tokens.New()), "Ben");
        _responses.Save(respondent, [StoredAnswer.From("test-partner-unternehmen", new Answer.Choice("1"))], [], null);

        _assessments.SetFinished(respondent, true);
        _assessments.SetFinished(respondent, true);
        Assert.False(_responses.Save(respondent, [StoredAnswer.From("test-partner-unternehmen", new Answer.Choice("4"))], [], null));

        _assessments.SetFinished(respondent, false);
        Assert.True(_responses.Save(respondent, [StoredAnswer.From("test-partner-unternehmen", new Answer.Choice("3"))], [], null));

        _assessments.CloseRound(round.Id);
        Assert.False(_responses.Save(respondent, [StoredAnswer.From("test-partner-unternehmen", new Answer.Choice("0"))], [], null));
        Assert.Equal("\"3\"", Assert.Single(_responses.Get(respondent)).ValueJson);
    }

    [Fact]
    public void A_new_round_needs_a_closed_one_and_carries_the_profile_over()
    {
        var (id, _, _) = NewAssessment();
        var first = _assessments.CurrentRound(id);

        Assert.Null(_assessments.StartNextRound(id, first.QuestionnaireVersionId, Guide));
        _assessments.CloseRound(first.Id);
        _f.Clock.Advance(TimeSpan.FromDays(365));
        var second = _assessments.StartNextRound(id, first.QuestionnaireVersionId, Guide)!.Round;

        Assert.Equal(2, second.Number);
        Assert.Equal(["name", "phase"], _assessments.GetProfile(second.Id).Select(p => p.QuestionId).Order());
        Assert.Equal("Anna", _assessments.Coordinator(second.Id).Label);
        Assert.Equal(2, _assessments.GetRounds(id).Count);
        Assert.Null(_assessments.StartNextRound(id, first.QuestionnaireVersionId, Guide)); // round 2 is still open
    }

    /// <summary>The guide as a newer version whose profile question "phase" offers other values.</summary>
    private Questionnaire WithPhaseOptions(IReadOnlyDictionary<string, string>? renamed, params string[] values)
    {
        var profile = Guide.Sections[0];
        var section = profile with
        {
            Questions = profile.Questions
                .Select(q => q.Id == "phase" ? q with { Options = values.Select(v => new AnswerOption(v, v, null)).ToArray() } : q)
                .ToArray(),
        };
        return Guide with
        {
            Sections = Guide.Sections.Select(s => ReferenceEquals(s, profile) ? section : s).ToArray(),
            RenamedOptions = renamed is null ? Guide.RenamedOptions : new Dictionary<string, IReadOnlyDictionary<string, string>> { ["phase"] = renamed },
        };
    }

    [Fact]
    public void A_profile_answer_whose_option_is_gone_is_not_carried_over_but_reported()
    {
        var (id, _, _) = NewAssessment();
        var first = _assessments.CurrentRound(id);
        _assessments.CloseRound(first.Id);
        var next = WithPhaseOptions(null, "start", "aufbau", "etabliert");

        var started = _assessments.StartNextRound(id, first.QuestionnaireVersionId, next)!;

        Assert.Equal(["name"], _assessments.GetProfile(started.Round.Id).Select(p => p.QuestionId));
        var dropped = Assert.Single(started.NotCarried);
        Assert.Equal("phase", dropped.Question.Id);
        Assert.Equal("gruendung", dropped.OldValue);
    }

    [Fact]
    public void A_profile_answer_whose_option_was_renamed_is_carried_over_under_the_new_value()
    {
        var (id, _, _) = NewAssessment();
        var first = _assessments.CurrentRound(id);
        _assessments.CloseRound(first.Id);
        var next = WithPhaseOptions(new Dictionary<string, string> { ["gruendung"] = "start" }, "start", "aufbau", "etabliert");

        var started = _assessments.StartNextRound(id, first.QuestionnaireVersionId, next)!;

        Assert.Empty(started.NotCarried);
        var phase = _assessments.GetProfile(started.Round.Id).Single(p => p.QuestionId == "phase");
        Assert.Equal(new Answer.Choice("start"), phase.ToAnswer(next.FindQuestion("phase")));
    }

    [Fact]
    public void Weiss_nicht_is_stored_as_its_own_flag_and_carried_into_the_next_round_where_it_is_still_offered()
    {
        var (id, _, _) = NewAssessment();
        var first = _assessments.CurrentRound(id);
        _assessments.SaveProfile(first.Id, [StoredAnswer.From("test-mitglieder", new Answer.DontKnow())], []);
        _assessments.CloseRound(first.Id);
        var allowing = WithQuestion("test-mitglieder", q => q with { AllowsDontKnow = true });

        using (var connection = _f.Database.Open())
        {
            Assert.Equal((1L, 0L, (string?)null), connection.QuerySingle<(long, long, string?)>("SELECT dont_know, not_relevant, value_json FROM profile_answers WHERE question_id = 'test-mitglieder'"));
        }

        var started = _assessments.StartNextRound(id, first.QuestionnaireVersionId, allowing)!;

        Assert.Empty(started.NotCarried);
        var carried = _assessments.GetProfile(started.Round.Id).Single(p => p.QuestionId == "test-mitglieder");
        Assert.Equal(new Answer.DontKnow(), carried.ToAnswer(allowing.FindQuestion("test-mitglieder")));
    }

    [Fact]
    public void Weiss_nicht_is_not_carried_into_a_version_that_no_longer_offers_it_and_says_so()
    {
        var (id, _, _) = NewAssessment();
        var first = _assessments.CurrentRound(id);
        _assessments.SaveProfile(first.Id, [StoredAnswer.From("test-mitglieder", new Answer.DontKnow())], []);
        _assessments.CloseRound(first.Id);

        var started = _assessments.StartNextRound(id, first.QuestionnaireVersionId, Guide)!;

        var dropped = Assert.Single(started.NotCarried);
        Assert.Equal(("test-mitglieder", "weiß nicht"), (dropped.Question.Id, dropped.OldValue));
    }

    private Questionnaire WithQuestion(string id, Func<Question, Question> change) => Guide with
    {
        Sections = Guide.Sections.Select(s => s with { Questions = s.Questions.Select(q => q.Id == id ? change(q) : q).ToArray() }).ToArray(),
    };

    [Fact]
    public void Replacing_the_invitation_disables_the_old_link()
    {
        var (id, coordinator, invite) = NewAssessment();
        var next = Tokens.Invite(coordinator, 2);

        _assessments.ReplaceInvite(id, 2, Tokens.Hash(next));

        Assert.Null(_assessments.FindByInviteToken(invite));
        Assert.Equal(2, _assessments.FindByInviteToken(next)!.InviteGeneration);
    }

    [Fact]
    public void Opting_out_is_stored()
    {
        var (id, coordinator, _) = NewAssessment(optIn: true);

        _assessments.SetComparisonOptIn(id, false);

        Assert.False(_assessments.FindByCoordinatorToken(coordinator)!.ComparisonOptIn);
    }

    [Fact]
    public void Deleting_an_assessment_leaves_no_row_of_it_behind()
    {
        var (id, _, _) = NewAssessment();
        var (other, _, _) = NewAssessment();
        var round = _assessments.CurrentRound(id);
        var respondent = _assessments.AddRespondent(round.Id, Tokens.Hash(Tokens.New()), "Ben");
        _responses.Save(respondent, [StoredAnswer.From("test-partner-unternehmen", new Answer.Choice("1"))], [], null);
        _assessments.CloseRound(round.Id);
        _assessments.StartNextRound(id, round.QuestionnaireVersionId, Guide);

        _assessments.Delete(id);

        using var connection = _f.Database.Open();
        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM assessments"));
        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM rounds"));
        Assert.Equal(1, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM respondents"));
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM answers"));
        Assert.Equal(2, connection.ExecuteScalar<int>("SELECT COUNT(*) FROM profile_answers"));
        Assert.Equal(other, connection.ExecuteScalar<long>("SELECT id FROM assessments"));
    }

    [Fact]
    public async Task Parallel_saves_of_many_respondents_all_arrive()
    {
        var (id, _, _) = NewAssessment();
        var round = _assessments.CurrentRound(id);
        var people = Enumerable.Range(0, 12).Select(i => _assessments.AddRespondent(round.Id, Tokens.Hash(Tokens.New()), $"P{i}")).ToList();
        var questions = Guide.ScoredQuestions.Where(q => q.Type == QuestionType.Scale).Take(20).ToList();

        await Task.WhenAll(people.Select((p, i) => Task.Run(() =>
        {
            foreach (var q in questions)
            {
                Assert.True(_responses.Save(p, [StoredAnswer.From(q.Id, new Answer.Choice(((i + q.Line) % 5).ToString(System.Globalization.CultureInfo.InvariantCulture)))], [], null));
            }
        })));

        var all = _responses.GetForRound(round.Id);
        Assert.Equal(people.Count, all.Count);
        foreach (var (p, i) in people.Select((p, i) => (p, i)))
        {
            Assert.Equal(questions.Count, all[p].Count);
            Assert.All(questions, q => Assert.Equal($"\"{(i + q.Line) % 5}\"", all[p].Single(a => a.QuestionId == q.Id).ValueJson));
        }
    }
}
