using Dangjian.Web.Data;
using Dangjian.Web.Modules.Meetings.Attendance;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Dashboard;

public sealed record BranchFigures(int Total, int Groups, int Small, int Red, int Yellow, int Green);

public sealed record MemberFigures(int People, int Party, int Full, int Probationary, int Female, int Under35, int Mobile, int OutOfContact);

public sealed record FunnelFigures(int Applicants, int Activists, int Candidates, int Probationary);

/// <summary>A period's activity: meetings held, attendance, dues bills and money.</summary>
public sealed record PeriodFigures(int Meetings, int ThemeDays, int Expected, int SignedIn, int OnLeave, int DuesBilled, int DuesPaid, long DuesPaidFen)
{
    public decimal? SignInRate => AttendanceRules.SignInRate(Expected, SignedIn);
    public decimal? AttendanceRate => AttendanceRules.AttendanceRate(Expected, SignedIn, OnLeave);
    public decimal? DuesCollectionRate => AttendanceRules.SignInRate(DuesBilled, DuesPaid);

    public static readonly PeriodFigures Zero = new(0, 0, 0, 0, 0, 0, 0, 0);

    public static PeriodFigures Sum(IEnumerable<UnitMonthRollup> rows) => rows.Aggregate(Zero, (t, r) =>
        new PeriodFigures(t.Meetings + r.Meetings, t.ThemeDays + r.ThemeDays, t.Expected + r.Expected, t.SignedIn + r.SignedIn, t.OnLeave + r.OnLeave,
            t.DuesBilled + r.DuesBilled, t.DuesPaid + r.DuesPaid, t.DuesPaidFen + r.DuesPaidFen));
}

/// <param name="InProgress">The month of today (China time): its figures are not final (meetings ahead, dues not yet due).</param>
public sealed record MonthFigures(string Month, PeriodFigures Figures, bool InProgress = false);

/// <summary>三会一课 and 主题党日 completion of the branches: red, yellow or green for the year so far.</summary>
public sealed record CompletionFigures(int Red, int Yellow, int Green)
{
    public decimal? GreenRate => AttendanceRules.SignInRate(Red + Yellow + Green, Green);
}

/// <summary>
/// The subtree's study of the China year so far (docs/rules/education.md#e-1, #e-2, #e-6), as the learning archive counts
/// it: class hours per party member, required courses completed of those assigned, members who passed an exam of those who
/// took one, and members below and far below target.
/// </summary>
public sealed record EducationFigures(int Year, int Members, double HoursPerMember, int AtTarget, int BelowTarget, int FarBelow, int RequiredAssigned,
    int RequiredCompleted, int ExamTakers, int ExamPassers)
{
    public decimal? RequiredCompletionRate => AttendanceRules.SignInRate(RequiredAssigned, RequiredCompleted);
    public decimal? ExamPassRate => AttendanceRules.SignInRate(ExamTakers, ExamPassers);

    public static EducationFigures Of(UnitStudyRollup? r, int year, int secondsPerClassHour) => r is null
        ? new(year, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        : new(r.Year, r.Members, r.Members == 0 ? 0 : Math.Round(r.StudySeconds / (double)secondsPerClassHour / r.Members, 1, MidpointRounding.AwayFromZero),
            r.AtTarget, r.BelowTarget, r.FarBelow, r.RequiredAssigned, r.RequiredCompleted, r.ExamTakers, r.ExamPassers);
}

public sealed record ChildFigures(Guid OrgUnitId, string Name, OrgUnitKind Kind, int Party, int Branches, CompletionFigures MeetingCompletion,
    decimal? SignInRate, decimal? DuesCollectionRate, int OutOfContact);

public sealed record DashboardDto(Guid OrgUnitId, string Name, DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, DateTimeOffset AsOf,
    BranchFigures Branches, MemberFigures Members, FunnelFigures DevelopmentFunnel, CompletionFigures MeetingCompletion, PeriodFigures Period,
    PeriodFigures Previous, decimal? SignInRate, decimal? DuesCollectionRate, int OutOfContact, int TermsExpiring, IReadOnlyList<MonthFigures> Months,
    IReadOnlyList<ChildFigures> Children)
{
    /// <summary>
    /// The period without the month in progress, which is what the change against the previous period compares (a
    /// month half over is not set against whole ones); the same as <see cref="Period"/> when the period has ended.
    /// </summary>
    public PeriodFigures Completed { get; init; } = Period;

    /// <summary>The study of the current China year (the roll-ups hold that year only).</summary>
    public EducationFigures Education { get; init; } = new(From.Year, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

/// <summary>
/// The dashboard of any unit (党建红云): its subtree's figures read from the roll-ups — one row for the unit, one per
/// child, and a row per month of the period and of the one before it — never from the raw tables. <see cref="DashboardDto.AsOf"/>
/// is when the roll-ups were built. The roll-ups are read through <see cref="ReadDb"/> (a replica when there is one: it
/// lags the roll-ups' own lag by a moment more); a unit the replica does not know yet (just created, or the tenant's
/// first roll-ups just built) is read from the primary.
/// </summary>
public sealed class Dashboard(AppDbContext db, ReadDb read, OrgAccess access, RollupBuilder builder, WeakLinks.WeakLinkDetector weakLinks,
    Education.Contracts.StudyStanding study, TimeProvider clock,
    IStringLocalizer<SharedResource> L, IStringLocalizer<DashboardText> T)
{
    public async Task<Result<DashboardDto>> HandleAsync(Guid unitId, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(unitId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var today = clock.Today();
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, 1, 1);
        if (start > end) return Error.Validation("from", L["Attendance.FromAfterTo"]);
        var (windowFrom, _) = RollupBuilder.Window(today);
        if (start < windowFrom) return Error.Validation("from", T["Dashboard.FromTooEarly", ChinaTime.Format(windowFrom)]);

        var source = read.Db;
        var row = await source.UnitRollups.AsNoTracking().FirstOrDefaultAsync(r => r.OrgUnitId == unitId, ct);
        if (row is null)
        {
            // What the replica does not have yet, the primary may: everything of this answer is then read there.
            source = db;
            row = await db.UnitRollups.AsNoTracking().FirstOrDefaultAsync(r => r.OrgUnitId == unitId, ct);
        }
        if (row is null && !await db.UnitRollups.AnyAsync(ct))
        {
            // First use in this tenant: build the roll-ups now rather than show nothing until the job runs.
            await builder.RebuildAsync(ct);
            await weakLinks.DetectAsync(ct);
            row = await db.UnitRollups.AsNoTracking().FirstOrDefaultAsync(r => r.OrgUnitId == unitId, ct);
        }
        if (row is null) return Error.Conflict("DASHBOARD_PENDING", T["Dashboard.Pending"]);

        // The previous period: the same number of whole months just before.
        var firstMonth = new DateOnly(start.Year, start.Month, 1);
        var lastMonth = new DateOnly(end.Year, end.Month, 1);
        var span = (lastMonth.Year - firstMonth.Year) * 12 + lastMonth.Month - firstMonth.Month + 1;
        var previousFirst = firstMonth.AddMonths(-span);
        var previousLast = firstMonth.AddMonths(-1);
        var (a, b, c) = (RollupBuilder.MonthKey(previousFirst), RollupBuilder.MonthKey(firstMonth), RollupBuilder.MonthKey(lastMonth));
        var monthRows = await source.UnitMonthRollups.AsNoTracking().Where(m => m.OrgUnitId == unitId && m.Month >= a && m.Month <= c).ToListAsync(ct);
        var current = monthRows.Where(m => m.Month >= b).OrderBy(m => m.Month).ToList();
        var period = PeriodFigures.Sum(current);
        var inProgress = RollupBuilder.MonthKey(new DateOnly(today.Year, today.Month, 1));
        var previous = PeriodFigures.Sum(monthRows.Where(m => m.Month < b));

        var children = await source.UnitRollups.AsNoTracking().Where(r => r.ParentId == unitId).OrderBy(r => r.OrgPath).ToListAsync(ct);
        var childIds = children.Select(ch => ch.OrgUnitId).ToList();
        // Summed by the database: one row per child (a group's root has hundreds of children, each with a row per month).
        var childSums = await source.UnitMonthRollups.AsNoTracking().Where(m => childIds.Contains(m.OrgUnitId) && m.Month >= b && m.Month <= c)
            .GroupBy(m => m.OrgUnitId)
            .Select(g => new { Unit = g.Key, Expected = g.Sum(m => m.Expected), SignedIn = g.Sum(m => m.SignedIn), Billed = g.Sum(m => m.DuesBilled), Paid = g.Sum(m => m.DuesPaid) })
            .ToDictionaryAsync(x => x.Unit, ct);
        var studyRow = await source.UnitStudyRollups.AsNoTracking().FirstOrDefaultAsync(r => r.OrgUnitId == unitId && r.Year == today.Year, ct);

        return new DashboardDto(row.OrgUnitId, row.Name, start, end, previousFirst, previousLast.AddMonths(1).AddDays(-1), row.BuiltAt,
            new BranchFigures(row.Branches, row.Groups, row.SmallBranches, row.BranchesRed, row.BranchesYellow, row.BranchesGreen),
            new MemberFigures(row.People, row.Party, row.Full, row.Probationary, row.Female, row.Under35, row.Mobile, row.OutOfContact),
            new FunnelFigures(row.Applicants, row.Activists, row.Candidates, row.Probationary),
            new CompletionFigures(row.BranchesRed, row.BranchesYellow, row.BranchesGreen), period, previous, period.SignInRate, period.DuesCollectionRate,
            row.OutOfContact, row.TermsExpiring,
            current.Select(m => new MonthFigures($"{m.Month / 100}-{m.Month % 100:00}", PeriodFigures.Sum([m]), m.Month == inProgress)).ToList(),
            children.Select(ch =>
            {
                var sums = childSums.GetValueOrDefault(ch.OrgUnitId);
                var p = sums is null ? PeriodFigures.Zero : PeriodFigures.Zero with { Expected = sums.Expected, SignedIn = sums.SignedIn, DuesBilled = sums.Billed, DuesPaid = sums.Paid };
                return new ChildFigures(ch.OrgUnitId, ch.Name, ch.Kind, ch.Party, ch.Branches, new CompletionFigures(ch.BranchesRed, ch.BranchesYellow, ch.BranchesGreen),
                    p.SignInRate, p.DuesCollectionRate, ch.OutOfContact);
            }).ToList())
        {
            Completed = PeriodFigures.Sum(current.Where(m => m.Month != inProgress)),
            Education = EducationFigures.Of(studyRow, today.Year, study.SecondsPerClassHour),
        };
    }
}
