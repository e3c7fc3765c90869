using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Assessment.SecretaryReviews;

/// <summary>
/// The campaigns of a unit (for its managers), one campaign with each secretary's report, scores, rating and rank
/// (docs/rules/points-and-assessment.md#pa-22), and what the caller has to do in the campaigns that concern them.
/// </summary>
public sealed class GetSecretaryReviews(AppDbContext db, OrgAccess access, SecretaryReviewAccess who, CurrentUser user, TimeProvider clock,
    IOptions<SecretaryReviewOptions> options, IStringLocalizer<SecretaryReviewsText> T)
{
    public async Task<Result<Page<SecretaryReviewDto>>> ListAsync(Guid orgUnitId, PageRequest page, CancellationToken ct)
    {
        var unit = await access.LoadAsync(orgUnitId, Permission.ManageAssessment, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var q = db.SecretaryReviews.AsNoTracking().UnderPath(unit.Value!.Path);
        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(r => r.Year).ThenBy(r => r.OrgPath).Skip(page.Skip).Take(page.PageSize).Include(r => r.Reports).ToListAsync(ct);
        return new Page<SecretaryReviewDto>(rows.Select(ToDto).ToList(), page.Page, page.PageSize, total);
    }

    public async Task<Result<SecretaryReviewDetailDto>> GetAsync(Guid reviewId, CancellationToken ct)
    {
        var review = await db.SecretaryReviews.AsNoTracking().Include(r => r.Reports).FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null) return Error.NotFound(T["Review.NotFound"]);
        var manager = who.IsManager(review);
        var mine = await who.MineAsync(ct);
        var visible = review.Reports.Where(r => SecretaryReviewAccess.Sees(manager, mine, r)).ToList();
        if (!manager && visible.Count == 0) return Error.NotFound(T["Review.NotFound"]);
        var o = options.Value;
        var scores = await db.SecretaryScores.AsNoTracking().Where(s => s.ReviewId == reviewId).Select(s => new { s.ReportId, s.Side, s.Score, s.ScorerUserId }).ToListAsync(ct);
        var dto = ToDto(review);
        var rated = review.Reports.Select(r =>
        {
            var mineScores = scores.Where(s => s.ReportId == r.Id).ToList();
            var superior = mineScores.Where(s => s.Side == ScorerSide.Superior).Select(s => s.Score).ToList();
            var members = mineScores.Where(s => s.Side == ScorerSide.Member).Select(s => s.Score).ToList();
            return (Report: r, Superior: superior, Members: members, Rating: SecretaryReviewRules.Rating(superior, members, o.SuperiorWeight),
                Scored: mineScores.Any(s => s.ScorerUserId == user.UserId));
        }).ToList();
        var ranks = rated.Where(x => x.Rating is not null).OrderByDescending(x => x.Rating).Select((x, i) => (x.Report.Id, Rank: i + 1)).ToDictionary(x => x.Id, x => x.Rank);
        var lines = rated.Where(x => visible.Contains(x.Report)).Select(x =>
        {
            var r = x.Report;
            var isMine = mine.Any(m => m.MemberId == r.SecretaryMemberId);
            var full = manager || (isMine && dto.Ended);
            var mayScore = dto.Open && !x.Scored && !isMine && (manager || mine.Any(m => m.PartyMember && SecretaryReviewAccess.InBranch(m, r)));
            decimal? Mean(List<int> s) => s.Count > 0 ? Math.Round((decimal)s.Sum() / s.Count, 1, MidpointRounding.AwayFromZero) : null;
            return new SecretaryLineDto(r.Id, r.BranchId, r.BranchName, r.SecretaryName, r.SubmittedAt is not null, r.Text, r.KeyFigures, r.SubmittedAt,
                full ? x.Superior.Count : 0, full ? Mean(x.Superior) : null, full ? x.Members.Count : 0, full ? Mean(x.Members) : null,
                full ? x.Rating : null, full && x.Rating is { } v ? SecretaryReviewRules.Band(v, o.GoodFrom, o.FairlyGoodFrom, o.AverageFrom) : null,
                full && ranks.TryGetValue(r.Id, out var rank) ? rank : null, mayScore, x.Scored, isMine);
        }).OrderBy(l => l.Rank ?? int.MaxValue).ThenBy(l => l.BranchName, StringComparer.Ordinal).ToList();
        return new SecretaryReviewDetailDto(dto, manager, o.SuperiorWeight, SecretaryReviewRules.RatingArticle, lines);
    }

    /// <summary>The campaigns where the caller is a reviewed secretary or a member of a reviewed branch, newest first.</summary>
    public async Task<List<MySecretaryReviewDto>> MineAsync(CancellationToken ct)
    {
        var mine = await who.MineAsync(ct);
        if (mine.Count == 0) return [];
        var ids = mine.Select(m => m.MemberId).ToList();
        var paths = mine.SelectMany(m => GetOrgUnit.AncestorPaths(m.OrgPath).Append(m.OrgPath)).Distinct().ToList();
        var reports = await db.SecretaryReports.AsNoTracking().Where(r => ids.Contains(r.SecretaryMemberId) || paths.Contains(r.OrgPath)).ToListAsync(ct);
        if (reports.Count == 0) return [];
        var reviewIds = reports.Select(r => r.ReviewId).Distinct().ToList();
        var reviews = await db.SecretaryReviews.AsNoTracking().Include(r => r.Reports).Where(r => reviewIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var reportIds = reports.Select(r => r.Id).ToList();
        var scored = (await db.SecretaryScores.AsNoTracking().Where(s => reportIds.Contains(s.ReportId) && s.ScorerUserId == user.UserId).Select(s => s.ReportId)
            .ToListAsync(ct)).ToHashSet();
        return reports.Select(r => new MySecretaryReviewDto(ToDto(reviews[r.ReviewId]), r.Id, r.BranchName, r.SecretaryName, ids.Contains(r.SecretaryMemberId),
                r.SubmittedAt is not null, scored.Contains(r.Id)))
            .OrderByDescending(x => x.Review.Year).ThenBy(x => x.BranchName, StringComparer.Ordinal).ToList();
    }

    private SecretaryReviewDto ToDto(SecretaryReview r)
    {
        var now = clock.GetUtcNow();
        return new SecretaryReviewDto(r.Id, r.OrgUnitId, r.Year, r.Title, r.OpensAt, r.ClosesAt, SecretaryReviewRules.IsOpen(now, r.OpensAt, r.ClosesAt),
            now >= r.ClosesAt, r.Reports.Count, r.Reports.Count(x => x.SubmittedAt is not null));
    }
}
