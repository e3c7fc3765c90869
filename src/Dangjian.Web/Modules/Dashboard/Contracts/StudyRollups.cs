using Dangjian.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Modules.Dashboard.Contracts;

/// <summary>A subtree's study of a year from the roll-ups, and when they were built.</summary>
public sealed record StudyRollupFigures(Guid OrgUnitId, int Year, int Members, long StudySeconds, int AtTarget, int BelowTarget, int FarBelow,
    int RequiredAssigned, int RequiredCompleted, int ExamTakers, int ExamPassers, DateTimeOffset AsOf);

/// <summary>
/// The read contract of the study roll-ups for Education: the learning archive of a large subtree reads its totals here
/// (one row) rather than summing every member's progress per request.
/// </summary>
public sealed class StudyRollups(ReadDb read)
{
    public Task<StudyRollupFigures?> UnitAsync(Guid unitId, int year, CancellationToken ct) =>
        read.Db.UnitStudyRollups.AsNoTracking().Where(r => r.OrgUnitId == unitId && r.Year == year)
            .Select(r => new StudyRollupFigures(r.OrgUnitId, r.Year, r.Members, r.StudySeconds, r.AtTarget, r.BelowTarget, r.FarBelow, r.RequiredAssigned,
                r.RequiredCompleted, r.ExamTakers, r.ExamPassers, r.BuiltAt))
            .FirstOrDefaultAsync(ct);
}
