using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Modules.Dashboard;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Education.Exams;
using Dangjian.Web.Modules.Education.Study;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Seeding;

namespace Dangjian.Tests.Modules.Dashboard;

/// <summary>
/// Property-style, with a fixed seed: after random sequences of writes (payments, sign-ins and closed rolls, category
/// changes), moves of units between parents and transfers of members, the dashboard read from the roll-ups equals the
/// same figures recomputed from the raw tables, for the root and for every unit below it.
/// </summary>
public sealed class RollupPropertyTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData(20261122)]
    [InlineData(7)]
    public async Task RandomWritesMovesTransfers_RollupsEqualRecomputation(int seed)
    {
        var random = new Random(seed);
        var (tenant, _) = await TestTenant.SeedAsync(app, 400);
        await app.InTenantAsync(tenant.TenantId, db => MeetingsDemo.SeedAsync(db, app.Clock));
        using var admin = await app.ClientForAsync(tenant.Admin);
        await SeedStudyAsync(tenant, random);
        await RebuildAsync(tenant);

        for (var round = 0; round < 3; round++)
        {
            for (var op = 0; op < 12; op++) await RandomOperationAsync(tenant, admin, random);
            await RebuildAsync(tenant);
            await CompareAllAsync(tenant, admin);
        }

        // Not vacuous: the root's figures are real, and a write not yet rolled up shows as a difference (the lag asOf tells).
        var root = await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/dashboard");
        root["members"]!["party"]!.GetValue<int>().ShouldBeGreaterThan(100);
        root["period"]!["expected"]!.GetValue<int>().ShouldBeGreaterThan(0);
        root["period"]!["duesBilled"]!.GetValue<int>().ShouldBeGreaterThan(0);
        root["education"]!["members"]!.GetValue<int>().ShouldBe(root["members"]!["party"]!.GetValue<int>());
        root["education"]!["hoursPerMember"]!.GetValue<double>().ShouldBeGreaterThan(0);
        root["education"]!["requiredAssigned"]!.GetValue<int>().ShouldBeGreaterThan(0);
        root["education"]!["requiredCompleted"]!.GetValue<int>().ShouldBeGreaterThan(0);
        root["education"]!["examTakers"]!.GetValue<int>().ShouldBeGreaterThan(0);
        var someone = await app.InTenantAsync(tenant.TenantId, db => db.Members.FirstAsync(m => m.Category == MemberCategory.Full && m.Status == MembershipStatus.Normal));
        await app.InTenantAsync(tenant.TenantId, db => db.Members.Where(m => m.Id == someone.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MembershipStatus.Left)));
        (await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/dashboard"))["members"]!["party"]!.GetValue<int>()
            .ShouldBe(root["members"]!["party"]!.GetValue<int>());
        await RebuildAsync(tenant);
        (await admin.GetJsonAsync($"/api/v1/org-units/{tenant.Root.Id}/dashboard"))["members"]!["party"]!.GetValue<int>()
            .ShouldBe(root["members"]!["party"]!.GetValue<int>() - 1);
    }

    private async Task RebuildAsync(TestTenant tenant)
    {
        await using var scope = app.Scope(tenant.TenantId);
        await scope.ServiceProvider.GetRequiredService<RollupBuilder>().RebuildAsync(CancellationToken.None);
    }

    private async Task RandomOperationAsync(TestTenant tenant, HttpClient admin, Random random)
    {
        var units = await app.InTenantAsync(tenant.TenantId, db => db.OrgUnits.AsNoTracking().Where(u => u.DissolvedAt == null).OrderBy(u => u.Path).ToListAsync());
        var party = await app.InTenantAsync(tenant.TenantId, db => db.Members.AsNoTracking()
            .Where(m => m.Status == MembershipStatus.Normal && (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary))
            .OrderBy(m => m.Id).ToListAsync());
        var today = Dangjian.Web.Platform.Clock.ChinaTime.Date(app.Clock.GetUtcNow());
        switch (random.Next(6))
        {
            case 5: // study: verified seconds on a (required) course, some completed, or an exam attempt
            {
                var member = party[random.Next(party.Count)];
                await app.InTenantAsync(tenant.TenantId, async db =>
                {
                    var courses = await db.Courses.AsNoTracking().Where(c => c.Status == Dangjian.Web.Modules.Education.Courses.CourseStatus.Published)
                        .OrderBy(c => c.Id).ToListAsync();
                    var course = courses[random.Next(courses.Count)];
                    // Within this year (China time), so that the attempt counts: the fixture's clock may stand early in January.
                    var yearStart = new DateTimeOffset(today.Year, 1, 1, 0, 0, 0, Dangjian.Web.Platform.Clock.ChinaTime.Offset);
                    var at = app.Clock.GetUtcNow().AddDays(-random.Next(60));
                    if (at < yearStart) at = yearStart.AddMinutes(random.Next(60));
                    if (random.Next(3) == 0)
                    {
                        db.ExamAttempts.Add(new Dangjian.Web.Modules.Education.Exams.ExamAttempt
                        {
                            Id = Guid.CreateVersion7(), ExamId = Guid.CreateVersion7(), MemberId = member.Id, MemberName = member.Name, OrgUnitId = member.OrgUnitId,
                            OrgPath = member.OrgPath, Number = 1, StartedAt = at, DeadlineAt = at.AddHours(1), SubmittedAt = at.AddMinutes(30),
                            Status = Dangjian.Web.Modules.Education.Exams.AttemptStatus.Submitted, Score = 60, MaxScore = 100, Passed = random.Next(2) == 0,
                        });
                    }
                    else if (!await db.StudyProgress.AnyAsync(p => p.MemberId == member.Id && p.CourseId == course.Id && p.Year == today.Year))
                    {
                        db.StudyProgress.Add(new Dangjian.Web.Modules.Education.Study.StudyProgress
                        {
                            Id = Guid.CreateVersion7(), MemberId = member.Id, CourseId = course.Id, Year = today.Year, Seconds = 600 + random.Next(2700 * 40),
                            FirstAt = at, LastAt = at, CompletedAt = random.Next(2) == 0 ? at : null,
                        });
                    }
                    await db.SaveChangesAsync();
                });
                break;
            }
            case 0: // move a branch under another general branch or committee, through the API (refusals are fine: nothing changes)
            {
                var branches = units.Where(u => u.Kind == OrgUnitKind.Branch).ToList();
                var parents = units.Where(u => u.Kind is OrgUnitKind.GeneralBranch or OrgUnitKind.PartyCommittee).ToList();
                var branch = branches[random.Next(branches.Count)];
                var parent = parents[random.Next(parents.Count)];
                using var moved = await admin.PostAsJsonAsync($"/api/v1/org-units/{branch.Id}/move", new { newParentId = parent.Id });
                ((int)moved.StatusCode).ShouldBeOneOf(200, 409, 422);
                break;
            }
            case 1: // a member transferred to another branch
            {
                var member = party[random.Next(party.Count)];
                var targets = units.Where(u => u.Kind == OrgUnitKind.Branch && u.Id != member.OrgUnitId).ToList();
                var target = targets[random.Next(targets.Count)];
                await app.InTenantAsync(tenant.TenantId, db => db.Members.Where(m => m.Id == member.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.OrgUnitId, target.Id).SetProperty(m => m.OrgPath, target.Path)));
                break;
            }
            case 2: // a dues payment for a month this year not yet paid
            {
                var member = party[random.Next(party.Count)];
                var month = new DateOnly(today.Year, 1 + random.Next(today.Month), 1);
                await app.InTenantAsync(tenant.TenantId, async db =>
                {
                    if (await db.DuesPayments.AnyAsync(p => p.MemberId == member.Id && p.Month == month)) return;
                    db.DuesPayments.Add(new DuesPayment
                    {
                        Id = Guid.CreateVersion7(), MemberId = member.Id, OrgUnitId = member.OrgUnitId, OrgPath = member.OrgPath, Month = month,
                        AmountFen = 100 + random.Next(5000), PaidOn = today, Method = DuesPaymentMethod.Self,
                    });
                    await db.SaveChangesAsync();
                });
                break;
            }
            case 3: // a meeting held yesterday with some sign-ins, its roll then closed by the job
            {
                var branches = units.Where(u => u.Kind == OrgUnitKind.Branch).ToList();
                var branch = branches[random.Next(branches.Count)];
                var starts = app.Clock.GetUtcNow().AddDays(-1 - random.Next(20));
                await app.InTenantAsync(tenant.TenantId, async db =>
                {
                    var meeting = new Meeting
                    {
                        Id = Guid.CreateVersion7(), OrgUnitId = branch.Id, OrgPath = branch.Path, Type = random.Next(2) == 0 ? MeetingType.ThemeDay : MeetingType.PartyLecture,
                        Topic = "随机会议", StartsAt = starts, EndsAt = starts.AddHours(1), SignInSecret = SignInCode.NewSecret(), HostName = "书记",
                    };
                    db.Meetings.Add(meeting);
                    foreach (var m in party.Where(m => OrgPaths.IsWithin(m.OrgPath, branch.Path) && random.Next(3) > 0))
                    {
                        db.MeetingSignIns.Add(new MeetingSignIn { Id = Guid.CreateVersion7(), MeetingId = meeting.Id, MemberId = m.Id, SignedAt = starts, Method = SignInMethod.Code });
                    }
                    await db.SaveChangesAsync();
                });
                await app.Services.GetServices<Dangjian.Web.Platform.Jobs.IJob>().Single(j => j.Name == "meeting-rolls").RunAsync(app.Services, CancellationToken.None);
                break;
            }
            default: // development moves someone along, or a member goes missing
            {
                var people = await app.InTenantAsync(tenant.TenantId, db => db.Members.AsNoTracking().Where(m => m.Status == MembershipStatus.Normal).OrderBy(m => m.Id).ToListAsync());
                var person = people[random.Next(people.Count)];
                var category = (MemberCategory)random.Next(Enum.GetValues<MemberCategory>().Length);
                var lost = random.Next(4) == 0 ? today.AddMonths(-7) : (DateOnly?)null;
                await app.InTenantAsync(tenant.TenantId, db => db.Members.Where(m => m.Id == person.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.Category, category).SetProperty(m => m.OutOfContactSince, lost)));
                break;
            }
        }
    }

    private async Task CompareAllAsync(TestTenant tenant, HttpClient admin)
    {
        var today = Dangjian.Web.Platform.Clock.ChinaTime.Date(app.Clock.GetUtcNow());
        var (first, last) = RollupBuilder.Window(today);
        var units = await app.InTenantAsync(tenant.TenantId, db => db.OrgUnits.AsNoTracking().Where(u => u.DissolvedAt == null && u.Kind != OrgUnitKind.Group)
            .OrderBy(u => u.Path).ToListAsync());
        foreach (var unit in units)
        {
            var shown = await admin.GetJsonAsync($"/api/v1/org-units/{unit.Id}/dashboard?from={first:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
            NaiveFigures naive;
            await using (var scope = app.Scope(tenant.TenantId))
            {
                naive = await scope.ServiceProvider.GetRequiredService<NaiveDashboard>().ComputeAsync(unit.Path, first, last, CancellationToken.None);
            }
            var where = $"{unit.Name} ({unit.Kind})";
            Same(shown["members"]!, naive.Members, where);
            Same(shown["developmentFunnel"]!, naive.Funnel, where);
            Same(shown["branches"]!, naive.Branches, where);
            Same(shown["period"]!, naive.Period, where);
            shown["termsExpiring"]!.GetValue<int>().ShouldBe(naive.TermsExpiring, where);
            var education = shown["education"]!;
            Same(education, naive.Study with { StudySeconds = 0 }, where, skip: nameof(naive.Study.StudySeconds));
            education["hoursPerMember"]!.GetValue<double>().ShouldBe(naive.Study.Members == 0 ? 0
                : Math.Round(naive.Study.StudySeconds / 2700.0 / naive.Study.Members, 1, MidpointRounding.AwayFromZero), where);
        }
    }

    /// <summary>
    /// Courses of the root and of a few branches (some required, with deadlines this year), and study on them by a tenth
    /// of the party members, some with outside hours or an exam taken: the education figures then have something to roll up.
    /// </summary>
    private async Task SeedStudyAsync(TestTenant tenant, Random random)
    {
        var today = Dangjian.Web.Platform.Clock.ChinaTime.Date(app.Clock.GetUtcNow());
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            var units = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Branch).OrderBy(u => u.Path).Take(3).ToListAsync();
            units.Insert(0, tenant.Root);
            var now = app.Clock.GetUtcNow();
            var courses = units.Select((u, i) => new Dangjian.Web.Modules.Education.Courses.Course
            {
                Id = Guid.CreateVersion7(), OrgUnitId = u.Id, OrgPath = u.Path, Title = $"课程{i}", Kind = Dangjian.Web.Modules.Education.Courses.CourseKind.Article,
                Required = i % 2 == 0, DueOn = i % 2 == 0 ? new DateOnly(today.Year, 12, 31) : null,
                Status = Dangjian.Web.Modules.Education.Courses.CourseStatus.Published, PublishedAt = now.AddDays(-30), CreatedAt = now.AddDays(-30), CreatedBy = "测试",
            }).ToList();
            db.Courses.AddRange(courses);
            var party = await db.Members.AsNoTracking().Where(m => m.Status == MembershipStatus.Normal && (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary))
                .OrderBy(m => m.Id).ToListAsync();
            foreach (var m in party.Where(_ => random.Next(10) == 0))
            {
                var c = courses[random.Next(courses.Count)];
                db.StudyProgress.Add(new Dangjian.Web.Modules.Education.Study.StudyProgress
                {
                    Id = Guid.CreateVersion7(), MemberId = m.Id, CourseId = c.Id, Year = today.Year, Seconds = random.Next(2700 * 40), FirstAt = now, LastAt = now,
                    CompletedAt = random.Next(2) == 0 ? now : null,
                });
                if (random.Next(4) == 0)
                {
                    db.ExamAttempts.Add(new Dangjian.Web.Modules.Education.Exams.ExamAttempt
                    {
                        Id = Guid.CreateVersion7(), ExamId = Guid.CreateVersion7(), MemberId = m.Id, MemberName = m.Name, OrgUnitId = m.OrgUnitId, OrgPath = m.OrgPath,
                        Number = 1, StartedAt = now, DeadlineAt = now.AddHours(1), SubmittedAt = now.AddMinutes(30),
                        Status = Dangjian.Web.Modules.Education.Exams.AttemptStatus.Submitted, Score = 60, MaxScore = 100, Passed = random.Next(2) == 0,
                    });
                }
                if (random.Next(3) == 0)
                {
                    db.ExternalStudyHours.Add(new Dangjian.Web.Modules.Education.Study.ExternalStudyHours
                    {
                        Id = Guid.CreateVersion7(), MemberId = m.Id, Source = Dangjian.Web.Modules.Education.Study.ExternalStudySource.XuexiQiangguo,
                        Month = new DateOnly(today.Year, 1 + random.Next(today.Month), 1), Points = 10, HoursTenths = random.Next(200), ImportedAt = now,
                    });
                }
            }
            await db.SaveChangesAsync();
        });
    }

    /// <summary>Every number of the record equals the JSON's field of the same name.</summary>
    private static void Same<T>(JsonNode json, T expected, string where, string? skip = null)
    {
        foreach (var p in typeof(T).GetProperties().Where(p => (p.PropertyType == typeof(int) || p.PropertyType == typeof(long)) && p.Name != skip))
        {
            var name = char.ToLowerInvariant(p.Name[0]) + p.Name[1..];
            json[name]!.GetValue<long>().ShouldBe(Convert.ToInt64(p.GetValue(expected)), $"{where}: {typeof(T).Name}.{p.Name}");
        }
    }
}
