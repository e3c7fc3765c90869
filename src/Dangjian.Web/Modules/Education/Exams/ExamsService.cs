using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Exams;

public sealed record PublishExamRequest(Guid? OrgUnitId, Guid? PaperId, [MaxLength(200)] string? Title, bool? IsContest, DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt, int? TimeLimitMinutes, int? AttemptsAllowed, int? PassMark, bool? PartialCredit);

public sealed record ExamDto(Guid Id, Guid OrgUnitId, Guid PaperId, string Title, bool IsContest, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
    int TimeLimitMinutes, int AttemptsAllowed, int PassMark, bool PartialCredit, int MaxScore, int QuestionCount, string State, DateTimeOffset CreatedAt,
    string CreatedBy);

/// <summary>An exam as a member sees it: its window and rules, their attempts and their best, and an attempt still open.</summary>
public sealed record MyExamDto(ExamDto Exam, int AttemptsUsed, double? BestScore, bool? Passed, Guid? OpenAttemptId, bool CanStart);

public sealed record ResultRowDto(Guid MemberId, string MemberName, Guid OrgUnitId, string Branch, double BestScore, bool Passed, int Attempts, int? Seconds,
    DateTimeOffset? SubmittedAt);

public sealed record BranchResultDto(Guid OrgUnitId, string Name, int Expected, int Took, int Passed, double PassRate, double? Average);

public sealed record ExamResultsDto(ExamDto Exam, int Expected, int Took, int Passed, double PassRate, IReadOnlyList<BranchResultDto> Branches,
    IReadOnlyList<ResultRowDto> Rows);

/// <summary>
/// Exams published to a unit's subtree (考试, 知识竞赛): publishing, the lists of managers and of members, and the results
/// per branch (who took it, best scores, pass rate).
/// </summary>
public sealed class ExamsService(AppDbContext db, OrgAccess access, ExamsAccess exams, Papers papers, TimeProvider clock,
    IStringLocalizer<SharedResource> L, IStringLocalizer<ExamsText> T, InputCheck inputCheck)
{
    public const int MaxTimeLimitMinutes = 600;
    public const int MaxAttempts = 10;

    public async Task<Result<ExamDto>> PublishAsync(PublishExamRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        if (r.OrgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ManageEducation, ct);
        if (!unit.IsSuccess) return unit.Error!;
        if (r.PaperId is not { } paperId) return Error.Validation("paperId", L["Validation.Required", "paperId"]);
        var paper = await papers.ForUnitAsync(paperId, unit.Value!.Path, ct);
        if (paper is null) return Error.Validation("paperId", T["Paper.NotFound"]);
        var title = r.Title?.Trim();
        if (string.IsNullOrEmpty(title)) return Error.Validation("title", L["Validation.Required", "title"]);
        if (title.Length > 200) return Error.Validation("title", L["Validation.TooLong", "title", 200]);
        if (r.OpensAt is not { } opens) return Error.Validation("opensAt", L["Validation.Required", "opensAt"]);
        if (r.ClosesAt is not { } closes) return Error.Validation("closesAt", L["Validation.Required", "closesAt"]);
        if (closes <= opens) return Error.Validation("closesAt", T["Exam.ClosesBeforeOpens"]);
        var limit = r.TimeLimitMinutes ?? 0;
        if (limit is < 1 or > MaxTimeLimitMinutes) return Error.Validation("timeLimitMinutes", T["Exam.TimeLimitRange", 1, MaxTimeLimitMinutes]);
        var attempts = r.AttemptsAllowed ?? 1;
        if (attempts is < 1 or > MaxAttempts) return Error.Validation("attemptsAllowed", T["Exam.AttemptsRange", 1, MaxAttempts]);
        var max = paper.Parts.Sum(p => p.Count * p.Points);
        var pass = r.PassMark ?? (int)Math.Ceiling(max * 0.6);
        if (pass < 0 || pass > max) return Error.Validation("passMark", T["Exam.PassMarkRange", max]);
        var now = clock.GetUtcNow();
        var exam = new Exam
        {
            Id = Guid.CreateVersion7(now), OrgUnitId = unitId, OrgPath = unit.Value.Path, PaperId = paper.Id, Title = title, IsContest = r.IsContest == true,
            OpensAt = opens.ToUniversalTime(), ClosesAt = closes.ToUniversalTime(), TimeLimitMinutes = limit, AttemptsAllowed = attempts, PassMark = pass,
            PartialCredit = r.PartialCredit == true, CreatedAt = now, CreatedBy = exams.By,
        };
        db.Exams.Add(exam);
        await db.SaveChangesAsync(ct);
        return ToDto(exam, paper, now);
    }

    /// <summary>The exams of a unit for its managers: published to it, above it or below it; the latest closing first.</summary>
    public async Task<Result<Page<ExamDto>>> ListAsync(Guid? orgUnitId, bool? contests, PageRequest page, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ManageEducation, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var path = unit.Value!.Path;
        var upward = ExamsAccess.UpwardPaths(path);
        var upper = OrgPaths.UpperBound(path);
        var q = db.Exams.AsNoTracking().Where(e => upward.Contains(e.OrgPath) || (string.Compare(e.OrgPath, path) >= 0 && string.Compare(e.OrgPath, upper) < 0));
        if (contests is { } c) q = q.Where(e => e.IsContest == c);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(e => e.ClosesAt).ThenBy(e => e.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Page<ExamDto>(await ToDtosAsync(rows, ct), page.Page, page.PageSize, total);
    }

    /// <summary>The caller's exams as a member: those published to their unit or above, open ones first.</summary>
    public async Task<Result<IReadOnlyList<MyExamDto>>> MineAsync(CancellationToken ct)
    {
        var me = await exams.MeAsync(ct);
        if (me is null) return Array.Empty<MyExamDto>();
        var now = clock.GetUtcNow();
        var paths = ExamsAccess.UpwardPaths(me.OrgPath);
        var rows = await db.Exams.AsNoTracking().Where(e => paths.Contains(e.OrgPath)).OrderByDescending(e => e.ClosesAt).Take(100).ToListAsync(ct);
        var ids = rows.Select(e => e.Id).ToList();
        var attempts = await db.ExamAttempts.AsNoTracking().Where(a => a.MemberId == me.Id && ids.Contains(a.ExamId)).ToListAsync(ct);
        var dtos = await ToDtosAsync(rows, ct);
        return dtos.Select(e =>
        {
            var mine = attempts.Where(a => a.ExamId == e.Id).ToList();
            var closed = mine.Where(a => a.Status != AttemptStatus.InProgress).ToList();
            var best = AttemptRules.Best(closed, a => a.Score, a => a.Seconds, a => a.StartedAt);
            var open = mine.FirstOrDefault(a => a.Status == AttemptStatus.InProgress);
            var canStart = open is not null || AttemptRules.MayStart(now, e.OpensAt, e.ClosesAt, mine.Count, e.AttemptsAllowed) == AttemptRules.StartRefusal.None;
            return new MyExamDto(e, mine.Count, best?.Score, best?.Passed, open?.Id, canStart);
        }).OrderBy(m => m.Exam.State == "Open" ? 0 : m.Exam.State == "Upcoming" ? 1 : 2).ToList();
    }

    public async Task<Result<ExamDto>> GetAsync(Guid examId, CancellationToken ct)
    {
        var exam = await VisibleAsync(examId, ct);
        if (exam is null) return exams.ExamNotFound;
        return (await ToDtosAsync([exam], ct))[0];
    }

    /// <summary>An exam the caller may see: they manage or view its unit (or one below it), or they are a member it was published to.</summary>
    public async Task<Exam?> VisibleAsync(Guid examId, CancellationToken ct)
    {
        var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == examId, ct);
        if (exam is null) return null;
        var u = exams.User;
        if (u.Can(Permission.ViewMembers, exam.OrgPath) || u.Can(Permission.ManageEducation, exam.OrgPath)) return exam;
        if (u.Roles.Any(r => (r.Role.Grants(Permission.ManageEducation) || r.Role.Grants(Permission.ViewMembers)) && OrgPaths.IsWithin(r.OrgPath, exam.OrgPath)))
            return exam;
        var me = await exams.MeAsync(ct);
        return me is not null && OrgPaths.IsWithin(me.OrgPath, exam.OrgPath) ? exam : null;
    }

    /// <summary>Who took the exam under a unit (default the exam's), their best scores, and the pass rate per branch.</summary>
    public async Task<Result<ExamResultsDto>> ResultsAsync(Guid examId, Guid? orgUnitId, CancellationToken ct)
    {
        var exam = await db.Exams.AsNoTracking().FirstOrDefaultAsync(e => e.Id == examId, ct);
        if (exam is null) return exams.ExamNotFound;
        var unit = await access.LoadAsync(orgUnitId ?? exam.OrgUnitId, Permission.ViewMembers, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var path = OrgPaths.IsWithin(unit.Value!.Path, exam.OrgPath) ? unit.Value.Path : OrgPaths.IsWithin(exam.OrgPath, unit.Value.Path) ? exam.OrgPath : null;
        if (path is null || !exams.User.Can(Permission.ViewMembers, path)) return exams.ExamNotFound;
        var upper = OrgPaths.UpperBound(path);
        var attempts = await db.ExamAttempts.AsNoTracking()
            .Where(a => a.ExamId == examId && a.Status != AttemptStatus.InProgress && string.Compare(a.OrgPath, path) >= 0 && string.Compare(a.OrgPath, upper) < 0)
            .ToListAsync(ct);
        var members = await db.Members.AsNoTracking().InSubtree(path).Select(m => new { m.Id, m.OrgPath, m.Category }).ToListAsync(ct);
        var expected = members.Where(m => Member.IsPartyMember(m.Category)).ToList();
        var units = await db.OrgUnits.AsNoTracking().InSubtree(path).Select(x => new { x.Id, x.Name, x.Path, x.Kind }).ToListAsync(ct);
        var unitOf = units.ToDictionary(x => x.Id);
        var rows = attempts.GroupBy(a => a.MemberId).Select(g =>
        {
            var best = AttemptRules.Best(g, a => a.Score, a => a.Seconds, a => a.StartedAt)!;
            return new ResultRowDto(g.Key, best.MemberName, best.OrgUnitId, unitOf.TryGetValue(best.OrgUnitId, out var b) ? b.Name : "", best.Score, best.Passed,
                g.Count(), best.Seconds, best.SubmittedAt);
        }).OrderByDescending(r => r.BestScore).ThenBy(r => r.Seconds ?? int.MaxValue).ThenBy(r => r.MemberName, StringComparer.Ordinal).ToList();
        var branches = units.Where(x => x.Kind == OrgUnitKind.Branch).OrderBy(x => x.Path).Select(b =>
        {
            var took = rows.Where(r => unitOf.TryGetValue(r.OrgUnitId, out var u) && OrgPaths.IsWithin(u.Path, b.Path)).ToList();
            var exp = expected.Count(m => OrgPaths.IsWithin(m.OrgPath, b.Path));
            return new BranchResultDto(b.Id, b.Name, exp, took.Count, took.Count(r => r.Passed), Rate(took.Count(r => r.Passed), took.Count),
                took.Count == 0 ? null : Math.Round(took.Average(r => r.BestScore), 1));
        }).ToList();
        var dto = (await ToDtosAsync([exam], ct))[0];
        return new ExamResultsDto(dto, expected.Count, rows.Count, rows.Count(r => r.Passed), Rate(rows.Count(r => r.Passed), rows.Count), branches, rows);
    }

    /// <summary>The results as a workbook in the reader's language: one sheet of people, one of branches.</summary>
    public async Task<Result<(string FileName, byte[] Content)>> ExportResultsAsync(Guid examId, Guid? orgUnitId, CancellationToken ct)
    {
        var result = await ResultsAsync(examId, orgUnitId, ct);
        if (!result.IsSuccess) return result.Error!;
        var r = result.Value!;
        using var output = new MemoryStream();
        XlsxWriter.Write(output,
        [
            new XlsxSheet(T["Results.Sheet"],
                [T["Results.Member"], T["Results.Branch"], T["Results.Score"], T["Results.Passed"], T["Results.Attempts"], T["Results.Minutes"], T["Results.SubmittedAt"]],
                r.Rows.Select(x => (IReadOnlyList<object?>)[x.MemberName, x.Branch, x.BestScore, x.Passed ? T["Results.Yes"].Value : T["Results.No"].Value, x.Attempts,
                    x.Seconds is { } s ? Math.Round(s / 60.0, 1) : null, x.SubmittedAt is { } at ? Platform.Clock.ChinaTime.Format(at) : null]).ToList()),
            new XlsxSheet(T["Results.BranchSheet"],
                [T["Results.Branch"], T["Results.Expected"], T["Results.Took"], T["Results.PassedCount"], T["Results.PassRate"], T["Results.Average"]],
                r.Branches.Select(b => (IReadOnlyList<object?>)[b.Name, b.Expected, b.Took, b.Passed, b.PassRate, b.Average]).ToList()),
        ]);
        return ($"{T["Results.FileName"]}-{r.Exam.Title}.xlsx", output.ToArray());
    }

    private static double Rate(int part, int whole) => whole == 0 ? 0 : Math.Round(100.0 * part / whole, 1);

    public static string StateOf(Exam e, DateTimeOffset now) => now < e.OpensAt ? "Upcoming" : now < e.ClosesAt ? "Open" : "Closed";

    private async Task<List<ExamDto>> ToDtosAsync(IReadOnlyList<Exam> rows, CancellationToken ct)
    {
        var paperIds = rows.Select(e => e.PaperId).Distinct().ToList();
        var parts = await db.ExamPaperParts.AsNoTracking().Where(p => paperIds.Contains(p.PaperId)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return rows.Select(e =>
        {
            var mine = parts.Where(p => p.PaperId == e.PaperId).ToList();
            return Dto(e, mine.Sum(p => p.Count * p.Points), mine.Sum(p => p.Count), now);
        }).ToList();
    }

    private static ExamDto ToDto(Exam e, ExamPaper paper, DateTimeOffset now) => Dto(e, paper.Parts.Sum(p => p.Count * p.Points), paper.Parts.Sum(p => p.Count), now);

    private static ExamDto Dto(Exam e, int max, int count, DateTimeOffset now) =>
        new(e.Id, e.OrgUnitId, e.PaperId, e.Title, e.IsContest, e.OpensAt, e.ClosesAt, e.TimeLimitMinutes, e.AttemptsAllowed, e.PassMark, e.PartialCredit, max,
            count, StateOf(e, now), e.CreatedAt, e.CreatedBy);
}
