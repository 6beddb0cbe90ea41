using System.Data;
using Dapper;

namespace SelfEval.Web.Assessments;

/// <summary>
/// Marks a round's assessment as worked on now, for the few coordinator actions that leave no timestamp behind
/// (a deletion, a reopened round, a withdrawn release). Everything else is tracked from the stores' own timestamps by
/// the triggers of migration 0016.
/// </summary>
public static class Activity
{
    public static void Touch(IDbConnection connection, IDbTransaction? transaction, long roundId, string now) =>
        connection.Execute(
            """
            UPDATE assessments SET last_activity_at = MAX(IFNULL(last_activity_at, ''), @now)
            WHERE id = (SELECT assessment_id FROM rounds WHERE id = @roundId)
            """,
            new { roundId, now }, transaction);
}
