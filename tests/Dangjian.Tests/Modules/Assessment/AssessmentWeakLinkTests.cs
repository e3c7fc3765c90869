using Dangjian.Web.Modules.Assessment.CheckUps;
using Dangjian.Web.Modules.Assessment.Evaluation;
using Dangjian.Web.Modules.Assessment.Points;
using Dangjian.Web.Modules.Dashboard;
using Dangjian.Web.Modules.Dashboard.WeakLinks;
using Dangjian.Web.Modules.Organizations;

namespace Dangjian.Tests.Modules.Assessment;

/// <summary>
/// The Assessment module in the dashboard's weak links: a unit with check-up warnings left open past the days allowed
/// (#pa-12), and branches vetoed or in the lowest band of their unit's latest published assessment (#pa-14, #pa-15), and branches where few party members earned points (#pa-9) —
/// not warnings still within the time, handled ones, better grades or schemes not published.
/// </summary>
public sealed class AssessmentWeakLinkTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task OpenWarningsPastTheTime_AndLowestOrVetoedBranches_AreWeakLinks()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var late = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("预警支部"));
        var timely = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("及时支部"));
        var low = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("靠后支部"));
        var vetoed = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("否决支部"));
        var good = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("优秀支部"));
        var quiet = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("少积分支部"));
        var busy = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, TestTenant.Unique("多积分支部"));
        var quietMembers = await tenant.AddMembersAsync(quiet, 6);
        var busyMembers = await tenant.AddMembersAsync(busy, 6);
        var lateMembers = await tenant.AddMembersAsync(late, 3);
        var timelyMembers = await tenant.AddMembersAsync(timely, 1);
        var now = app.Clock.GetUtcNow();
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            EarlyWarning Warning(Dangjian.Web.Modules.Members.Member m, OrgUnit u, int daysAgo, WarningStatus status, WarningKind kind) => new()
            {
                Id = Guid.CreateVersion7(), MemberId = m.Id, MemberName = m.Name, OrgUnitId = u.Id, OrgPath = u.Path, Kind = kind, Basis = $"b{daysAgo}",
                RaisedAt = now.AddDays(-daysAgo), Evidence = "证据", Status = status,
            };
            db.EarlyWarnings.AddRange(
                Warning(lateMembers[0], late, 45, WarningStatus.Open, WarningKind.DuesArrears),
                Warning(lateMembers[1], late, 31, WarningStatus.Open, WarningKind.DuesArrears),
                Warning(lateMembers[2], late, 60, WarningStatus.Handled, WarningKind.DuesArrears),
                Warning(timelyMembers[0], timely, 29, WarningStatus.Open, WarningKind.DuesArrears));
            foreach (var (year, status) in new[] { (2025, SchemeStatus.Published), (2026, SchemeStatus.Open) })
            {
                var scheme = new EvaluationScheme
                {
                    Id = Guid.CreateVersion7(), OrgUnitId = tenant.Root.Id, OrgPath = tenant.Root.Path, Year = year, Name = $"{year}年度党建考评",
                    Template = "PA3", Status = status, TotalPoints = 100, GradeBands = "优秀:90;良好:80;达标:60;未达标:0", CreatedAt = now,
                    PublishedAt = status == SchemeStatus.Published ? now : null,
                };
                db.EvaluationSchemes.Add(scheme);
                EvaluationResult Result(OrgUnit u, decimal total, string grade, bool veto) => new()
                {
                    Id = Guid.CreateVersion7(), SchemeId = scheme.Id, OrgUnitId = u.Id, OrgPath = u.Path, UnitName = u.Name, Total = total, Grade = grade,
                    Vetoed = veto, ComputedAt = now,
                };
                // This year's scheme (not published) would put the good branch last: it must not count yet.
                db.EvaluationResults.AddRange(Result(low, 55, "未达标", false), Result(vetoed, 85, "未达标", true),
                    Result(good, year == 2025 ? 95 : 10, year == 2025 ? "优秀" : "未达标", false));
            }
            // Points of the judged year: 1 of 6 in one branch (17 % < 50 %), 5 of 6 in the other.
            var pointsYear = WeakLinkRules.PointsYear(Dangjian.Web.Platform.Clock.ChinaTime.Date(now));
            foreach (var (m, u) in quietMembers.Take(1).Select(m => (m, quiet)).Concat(busyMembers.Take(5).Select(m => (m, busy))))
            {
                db.PointsBalances.Add(new Dangjian.Web.Modules.Assessment.Points.PointsBalance
                {
                    Id = Guid.CreateVersion7(), MemberId = m.Id, MemberName = m.Name, OrgUnitId = u.Id, OrgPath = u.Path, Year = pointsYear, Total = 10, Lines = 2, LastAt = now,
                });
            }
            await db.SaveChangesAsync();
        });

        await using (var scope = app.Scope(tenant.TenantId))
        {
            await scope.ServiceProvider.GetRequiredService<RollupBuilder>().RebuildAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<WeakLinkDetector>().DetectAsync(CancellationToken.None);
        }
        var links = await app.InTenantAsync(tenant.TenantId, db => db.WeakLinks.AsNoTracking()
            .Where(l => l.Rule == WeakLinkRules.WarningsUnhandled || l.Rule == WeakLinkRules.AssessmentLow || l.Rule == WeakLinkRules.PointsLow).ToListAsync());

        var warnings = links.Where(l => l.Rule == WeakLinkRules.WarningsUnhandled).ShouldHaveSingleItem();
        warnings.OrgUnitId.ShouldBe(late.Id);
        warnings.Reason.ShouldContain("2 条");
        warnings.Article.ShouldBe("docs/rules/points-and-assessment.md#pa-12");
        warnings.Score.ShouldBe(WeakLinkRules.WarningsScore(2));

        var assessed = links.Where(l => l.Rule == WeakLinkRules.AssessmentLow).OrderBy(l => l.Score).ToList();
        assessed.Select(l => l.OrgUnitId).ShouldBe([low.Id, vetoed.Id]);
        assessed[0].Reason.ShouldContain("未达标");
        assessed[1].Reason.ShouldContain("一票否决");
        assessed[1].Score.ShouldBeGreaterThan(assessed[0].Score);

        // Of the branches with at least five party members, the one where few earned points (#pa-9).
        var points = links.Where(l => l.Rule == WeakLinkRules.PointsLow).ShouldHaveSingleItem();
        points.OrgUnitId.ShouldBe(quiet.Id);
        points.Reason.ShouldContain("16.7%");
    }
}
