using Dangjian.Web.Data;
using Dangjian.Web.Modules.Assessment.SecretaryReviews;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Modules.Organizations.Contracts;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding.Assessment;

/// <summary>
/// The demo tenant's secretaries' review: the top party committee reviews last year's work of the secretaries of the
/// branches below it, open for scoring from a month ago to two weeks ahead; the first few secretaries have reported and
/// been scored by the committee and by some of their members (paper ballots entered, hence no accounts). Deterministic.
/// Also last year's democratic appraisal of a demo branch (<see cref="AppraisalDemo"/>).
/// </summary>
internal static class SecretaryReviewsDemo
{
    public static async Task SeedAsync(IServiceProvider sp, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        await AppraisalDemo.SeedAsync(db, clock, ct);
        var committee = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.PartyCommittee && u.DissolvedAt == null)
            .OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder).FirstOrDefaultAsync(ct);
        if (committee is null) return;
        var branches = await db.OrgUnits.AsNoTracking().InSubtree(committee.Path).Where(u => u.Kind == OrgUnitKind.Branch && u.DissolvedAt == null)
            .OrderBy(u => u.Path).Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(ct);
        var secretaries = await SittingSecretaries.OfAsync(db, branches.Select(b => b.Id).ToList(), ct);
        if (secretaries.Count == 0) return;
        var now = clock.GetUtcNow();
        var tenantId = db.CurrentTenantId;
        var year = ChinaTime.Date(now).Year - 1;
        var review = new SecretaryReview
        {
            Id = Guid.CreateVersion7(now.AddDays(-35)), TenantId = tenantId, OrgUnitId = committee.Id, OrgPath = committee.Path, Year = year,
            Title = $"{year}年度党支部书记抓基层党建工作述职评议", OpensAt = now.AddDays(-30), ClosesAt = now.AddDays(15), CreatedAt = now.AddDays(-35), CreatedBy = "党委组织委员",
        };
        var reports = new List<SecretaryReport>();
        foreach (var b in branches)
        {
            if (!secretaries.TryGetValue(b.Id, out var s)) continue;
            var report = new SecretaryReport
            {
                Id = Guid.CreateVersion7(now.AddDays(-35)), TenantId = tenantId, ReviewId = review.Id, BranchId = b.Id, OrgPath = b.Path, BranchName = b.Name,
                SecretaryMemberId = s.MemberId, SecretaryName = s.Name,
            };
            if (reports.Count < 5)
            {
                report.Text = $"{year}年，{b.Name}坚持把党的政治建设摆在首位，落实“三会一课”、主题党日和谈心谈话制度，组织党员开展专题学习和志愿服务；"
                              + "存在的不足是理论学习的深度不够、党员先锋作用发挥不均衡，下一步将对标支部标准化规范化建设逐项整改。";
                report.KeyFigures = $"召开支部党员大会4次、支委会12次；发展党员{1 + reports.Count % 2}名；党费按时足额交纳率{96 + reports.Count}%。";
                report.SubmittedAt = now.AddDays(-25 + reports.Count);
            }
            reports.Add(report);
        }
        review.Reports.AddRange(reports);
        db.SecretaryReviews.Add(review);
        for (var i = 0; i < Math.Min(4, reports.Count); i++)
        {
            var r = reports[i];
            db.SecretaryScores.Add(new SecretaryScore
            {
                Id = Guid.CreateVersion7(now.AddDays(-10)), TenantId = tenantId, ReviewId = review.Id, ReportId = r.Id, ScorerUserId = Scorer(committee.Id, 0),
                Side = ScorerSide.Superior, Score = 95 - i * 6, Comment = "述职内容全面，重点突出。", At = now.AddDays(-10),
            });
            for (var k = 1; k <= 6; k++)
                db.SecretaryScores.Add(new SecretaryScore
                {
                    Id = Guid.CreateVersion7(now.AddDays(-9)), TenantId = tenantId, ReviewId = review.Id, ReportId = r.Id, ScorerUserId = Scorer(r.BranchId, k),
                    Side = ScorerSide.Member, Score = 97 - i * 5 - (int)(ActivitySeeder.Mix(i, k, 17) % 8), At = now.AddDays(-9),
                });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A stable id for a paper ballot's scorer (no account): derived from the unit and the ballot's number.</summary>
    private static Guid Scorer(Guid unitId, int n)
    {
        var bytes = unitId.ToByteArray();
        bytes[0] ^= (byte)(n + 1);
        bytes[15] ^= 0x5A;
        return new Guid(bytes);
    }
}
