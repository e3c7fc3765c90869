using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Xunit.Abstractions;

namespace Dangjian.Tests.Platform.Faults;

/// <summary>
/// Issue 15, faults: a 主题党日 of a branch of a few hundred members, all signing in with the code at once from their
/// own accounts, and the server killed with SIGKILL in the middle of the burst. After a restart on the same database
/// every sign-in that was answered 201 is stored as answered, nobody has two rows for the meeting, every row is the
/// member's own; the rest sign in after the restart (a second tap answers the first, 200), and the roll counts everyone once.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class KillDuringSignInTests(FaultFixture app, ITestOutputHelper output) : IClassFixture<FaultFixture>
{
    private const int Members = 300;

    [Fact]
    public async Task KillMidBurst_RestartEveryAnsweredSignInStoredOnce_TheRestSignInAfter()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var secretary = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        var members = await tenant.AddMembersAsync(branch, Members);
        var accounts = await MemberAccountsAsync(tenant, branch, members.Select(m => m.Id).ToList());
        var tokens = new List<string>(Members);
        foreach (var account in accounts) tokens.Add(await app.MintTokenAsync(account));

        await using var server = app.NewProcess();
        await FaultFixture.PrintLogOnFailureAsync(server, output, async () =>
        {
            await server.StartAsync();
            output.WriteLine($"[{clock.Elapsed.TotalSeconds:F1} s] data prepared, app process started");
            Guid meetingId;
            using (var host = server.CreateClient(await app.MintTokenAsync(secretary.Id)))
            {
                // The server runs on the real clock: the meeting starts in 5 minutes (sign-in open, nobody late).
                var start = TimeProvider.System.GetUtcNow().AddMinutes(5).ToOffset(TimeSpan.FromHours(8));
                using var created = await host.PostAsJsonAsync("/api/v1/meetings", new
                {
                    orgUnitId = branch.Id, type = "ThemeDay", topic = "主题党日：学习党章", startsAt = start, endsAt = start.AddHours(2), mode = "Onsite",
                    place = "党员活动室",
                });
                meetingId = (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
            }
            // The code on the meeting room's screen, as the host's page shows it, rotating every 30 s.
            var secret = await app.InTenantAsync(tenant.TenantId, db => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.SignInSecret).SingleAsync());
            string Code() => SignInCode.Of(secret, TimeProvider.System.GetUtcNow(), new MeetingOptions().CodeWindowSeconds);

            var sent = await app.KillMidBurstAndRestartAsync(server, output, "members signing in", Members, parallel: 32, token: null,
                (phones, i) => SignInAsync(phones, tokens[i], meetingId, Code()));
            var rows = await RowsAsync(tenant.TenantId, meetingId);
            output.WriteLine($"[{clock.Elapsed.TotalSeconds:F1} s] after the restart: {rows.Count} sign-ins stored, " +
                             $"{sent.Count(s => s.Fate == Fate.Unanswered && rows.Any(r => r.MemberId == members[s.Index].Id))} of them unanswered");
            rows.GroupBy(r => r.MemberId).ShouldAllBe(g => g.Count() == 1, "one row per person and meeting");
            var own = members.Select((m, i) => (m.Id, Account: accounts[i])).ToDictionary(x => x.Id, x => x.Account);
            foreach (var row in rows) row.UserId.ShouldBe(own[row.MemberId], "each row is the member's own");
            foreach (var answered in sent.Where(s => s.Fate == Fate.Answered))
            {
                var body = JsonNode.Parse(answered.Body)!;
                var row = rows.SingleOrDefault(r => r.MemberId == members[answered.Index].Id);
                row.ShouldNotBeNull($"answered sign-in of member {answered.Index}");
                // As answered (SQLite keeps instants to a tenth of a millisecond, the answer has the clock's full precision).
                row.SignedAt.ShouldBe(body["signedAt"]!.GetValue<DateTimeOffset>(), TimeSpan.FromMilliseconds(1));
            }
            foreach (var never in sent.Where(s => s.Fate == Fate.NotSent)) rows.ShouldNotContain(r => r.MemberId == members[never.Index].Id);

            // Everyone signs in (again) after the restart: a new row for those without one, the first answered again
            // for those with one.
            Sent[] again;
            using (var phones = server.CreateClient())
            {
                again = await RequestBurst.SendAllAsync(Members, parallel: 8, i => SignInAsync(phones, tokens[i], meetingId, Code()));
            }
            output.WriteLine($"[{clock.Elapsed.TotalSeconds:F1} s] everyone again after the restart: {RequestBurst.Describe(again)}");
            for (var i = 0; i < Members; i++)
            {
                var had = rows.SingleOrDefault(r => r.MemberId == members[i].Id);
                again[i].Status.ShouldBe(had is null ? 201 : 200, again[i].Body);
                if (had is not null) JsonNode.Parse(again[i].Body)!["signedAt"]!.GetValue<DateTimeOffset>().ShouldBe(had.SignedAt);
            }

            var final = await RowsAsync(tenant.TenantId, meetingId);
            final.Select(r => r.MemberId).ShouldBe(members.Select(m => m.Id), ignoreOrder: true);
            using var secretaryClient = server.CreateClient(await app.MintTokenAsync(secretary.Id));
            var meeting = await secretaryClient.GetJsonAsync($"/api/v1/meetings/{meetingId}");
            (meeting["expected"]!.GetValue<int>(), meeting["signedIn"]!.GetValue<int>()).ShouldBe((Members, Members));
            if (!TestDatabase.IsPostgres) (await app.IntegrityCheckAsync()).ShouldBe("ok");
        });
    }

    /// <summary>A member's phone signing in: the member's own token on a shared client.</summary>
    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string token, Guid meetingId, string code)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{meetingId}/sign-ins") { Content = JsonContent.Create(new { code }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client.SendAsync(request);
    }

    private sealed record Row(Guid MemberId, Guid UserId, DateTimeOffset SignedAt);

    private Task<List<Row>> RowsAsync(Guid tenantId, Guid meetingId) => app.InTenantAsync(tenantId, db =>
        db.MeetingSignIns.AsNoTracking().Where(s => s.MeetingId == meetingId).Select(s => new Row(s.MemberId, s.UserId, s.SignedAt)).ToListAsync());

    /// <summary>
    /// Each member's own account (role Member, scope Self on the branch, linked through Member.UserId, as CreateUser makes
    /// it), written in one save: the accounts have no password, their tokens are minted.
    /// </summary>
    private async Task<List<Guid>> MemberAccountsAsync(TestTenant tenant, OrgUnit branch, List<Guid> memberIds)
    {
        await using var scope = app.Scope(tenant.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<Dangjian.Web.Data.AppDbContext>();
        var names = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var now = app.Clock.GetUtcNow();
        var ids = new List<Guid>();
        var members = await db.Members.Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id);
        foreach (var memberId in memberIds)
        {
            var userName = TestTenant.Unique("phone").ToLowerInvariant();
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(now), UserName = userName, NormalizedUserName = names.NormalizeName(userName), DisplayName = members[memberId].Name,
                TenantId = tenant.TenantId, CreatedAt = now, PasswordChangedAt = now, LockoutEnabled = true,
                SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(user);
            db.RoleAssignments.Add(new RoleAssignment
            {
                Id = Guid.CreateVersion7(now), TenantId = tenant.TenantId, UserId = user.Id, OrgUnitId = branch.Id, Role = AppRole.Member,
                Scope = DataScope.Self, GrantedAt = now,
            });
            members[memberId].UserId = user.Id;
            ids.Add(user.Id);
        }
        await db.SaveChangesAsync();
        return ids;
    }
}
