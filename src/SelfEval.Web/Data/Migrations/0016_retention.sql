-- Retention (issue 17): an assessment untouched for SelfEval:RetentionMonths gets a notice on its coordinator page
-- and is deleted after SelfEval:RetentionNoticeDays more without activity (see Assessments/Retention.cs).
-- last_activity_at: the latest moment anyone worked on the assessment. The triggers below keep it from the
-- timestamps the stores already write (answers, profile, people, rounds, Teamgespräch, links and consent), so no
-- store method can forget it; the few actions that leave no timestamp (a deletion, a reopened round, a withdrawn
-- release) touch it themselves (Activity.Touch). retention_notice_at: when the notice was first shown; cleared
-- by the next sweep once there was activity after it.
ALTER TABLE assessments ADD COLUMN last_activity_at TEXT;
ALTER TABLE assessments ADD COLUMN retention_notice_at TEXT;

UPDATE assessments SET last_activity_at = MAX(
    created_at,
    updated_at,
    IFNULL((SELECT MAX(MAX(r.created_at, IFNULL(r.closed_at, ''), IFNULL(r.team_released_at, ''))) FROM rounds r WHERE r.assessment_id = assessments.id), ''),
    IFNULL((SELECT MAX(p.updated_at) FROM respondents p JOIN rounds r ON r.id = p.round_id WHERE r.assessment_id = assessments.id), ''),
    IFNULL((SELECT MAX(a.updated_at) FROM answers a JOIN respondents p ON p.id = a.respondent_id JOIN rounds r ON r.id = p.round_id WHERE r.assessment_id = assessments.id), ''),
    IFNULL((SELECT MAX(x.updated_at) FROM profile_answers x JOIN rounds r ON r.id = x.round_id WHERE r.assessment_id = assessments.id), ''),
    IFNULL((SELECT MAX(t.updated_at) FROM team_agreements t JOIN rounds r ON r.id = t.round_id WHERE r.assessment_id = assessments.id), ''),
    IFNULL((SELECT MAX(t.updated_at) FROM team_actions t JOIN rounds r ON r.id = t.round_id WHERE r.assessment_id = assessments.id), ''));

CREATE INDEX assessments_last_activity ON assessments (last_activity_at);

CREATE TRIGGER activity_assessment_insert AFTER INSERT ON assessments BEGIN
    UPDATE assessments SET last_activity_at = MAX(IFNULL(last_activity_at, ''), NEW.created_at, NEW.updated_at) WHERE id = NEW.id;
END;
CREATE TRIGGER activity_assessment_update AFTER UPDATE OF updated_at ON assessments BEGIN
    UPDATE assessments SET last_activity_at = MAX(IFNULL(last_activity_at, ''), NEW.updated_at) WHERE id = NEW.id;
END;

CREATE TRIGGER activity_round_insert AFTER INSERT ON rounds BEGIN
    UPDATE assessments SET last_activity_at = MAX(IFNULL(last_activity_at, ''), NEW.created_at) WHERE id = NEW.assessment_id;
END;
CREATE TRIGGER activity_round_update AFTER UPDATE OF closed_at, team_released_at ON rounds BEGIN
    UPDATE assessments SET last_activity_at = MAX(IFNULL(last_activity_at, ''), IFNULL(NEW.closed_at, ''), IFNULL(NEW.team_released_at, ''))
    WHERE id = NEW.assessment_id;
END;

CREATE TRIGGER activity_profile_insert AFTER INSERT ON profile_answers BEGIN
    UPDATE assessments SET last_activity_at = MAX(IFNULL(last_activity_at, ''), NEW.updated_at)
    WHERE id = (SELECT assessment_id FROM rounds WHERE id = NEW.round_id);
END;
CREATE TRIGGER activity_profile_update AFTER UPDATE ON profile_answers BEGIN
    UPDATE assessments SET last_activity_at = MAX(IFNULL(last_activity_at, ''), NEW.updated_at)
    WHERE id = (SELECT assessment_id FROM rounds WHERE id = NEW.round_id);
END;

CREATE TRIGGER activity_respondent_insert AFTER INSERT ON respondents BEGIN
    UPDATE assessments SET last_activity_at = MAX(IFNULL(last_activity_at, ''), NEW.updated_at)
    WHERE id = (SELECT assessment_id FROM rounds WHERE id = NEW.round_id);
END;
CREATE TRIGGER activity_respondent_update AFTER UPDATE OF updated_at ON respondents BEGIN
    UPDATE assessments SET last_activity_at = MAX(IFNULL(last_activity_at, ''), NEW.updated_at)
    WHERE id = (SELECT assessment_id FROM rounds WHERE id = NEW.round_id);
END;

CREATE TRIGGER activity_answer_insert AFTER INSERT ON answers BEGIN
    UPDATE assessments SET last_activity_at = MAX(IFNULL(last_activity_at, ''), NEW.updated_at)
    WHERE id = (SELECT r.assessment_id FROM respondents p JOIN rounds r ON r.id = p.round_id WHERE p.id = NEW.respondent_id);
END;
CREATE TRIGGER activity_answer_update AFTER UPDATE OF updated_at ON answers BEGIN
    UPDATE assessments SET last_activity_at = MAX(IFNULL(last_activity_at, ''), NEW.updated_at)
    WHERE id = (SELECT r.assessment_id FROM respondents p JOIN rounds r ON r.id = p.round_id WHERE p.id = NEW.respondent_id);
END;

CREATE TRIGGER activity_agreement_insert AFTER INSERT ON team_agreements BEGIN
    UPDATE assessments SET last_activity_at = MAX(IFNULL(last_activity_at, ''), NEW.updated_at)
    WHERE id = (SELECT assessment_id FROM rounds WHERE id = NEW.round_id);
END;
CREATE TRIGGER activity_agreement_update AFTER UPDATE OF updated_at ON team_agreements BEGIN
    UPDATE assessments SET last_activity_at = MAX(IFNULL(last_activity_at, ''), NEW.updated_at)
    WHERE id = (SELECT assessment_id FROM rounds WHERE id = NEW.round_id);
END;

CREATE TRIGGER activity_action_insert AFTER INSERT ON team_actions BEGIN
    UPDATE assessments SET last_activity_at = MAX(IFNULL(last_activity_at, ''), NEW.updated_at)
    WHERE id = (SELECT assessment_id FROM rounds WHERE id = NEW.round_id);
END;
CREATE TRIGGER activity_action_update AFTER UPDATE OF updated_at ON team_actions BEGIN
    UPDATE assessments SET last_activity_at = MAX(IFNULL(last_activity_at, ''), NEW.updated_at)
    WHERE id = (SELECT assessment_id FROM rounds WHERE id = NEW.round_id);
END;
