using Dangjian.Web.Modules.Meetings;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Tenancy;
using Dangjian.Web.Seeding;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dangjian.Bench;

/// <summary>
/// The helpers of the sign-in load benchmark (bench/run.sh signin; the load itself is wrk with bench/signin.lua):
/// <list type="bullet">
/// <item>`signin-prepare Sqlite|Postgres CONNECTION DIR [MEMBERS]`: into an empty database, one tenant with a 党委 and
/// one branch of MEMBERS (2,000) full members, each with a member account (role Member, scope Self, linked through
/// Member.UserId, as CreateUser makes it), and the branch secretary who hosts the meetings. Writes DIR/tokens.txt: one
/// bearer token per member, minted by the app's own bearer-token handler options (the same claims principal
/// SignInManager gives the token endpoint, protected by the same data-protection key ring in DIR/keys that the server
/// is started with): everything POST /api/v1/auth/token does except the password hash check.</item>
/// <item>`signin-login URL DIR [PARALLEL]`: the other way, the real token endpoint for every member (the password hash
/// check included); rewrites DIR/tokens.txt and prints logins/s.</item>
/// <item>`signin-meeting URL DIR NAME…`: the host logs in through the token endpoint and plans one 主题党日 per NAME
/// through POST /api/v1/meetings, starting in 5 minutes (sign-in open, nobody late); prints their ids.</item>
/// <item>`signin-check Sqlite|Postgres CONNECTION MEETING EXPECTED`: counts the meeting's MeetingSignIns rows: total,
/// distinct members, members with more than one row, rows not made by the member's own account, first and last
/// SignedAt. Exit code 1 when the count is not EXPECTED or anything is duplicated.</item>
/// </list>
/// </summary>
public static class SignInRun
{
    /// <summary>Every member account gets this password (hashed once), so that `signin-login` can use the real endpoint.</summary>
    public const string MemberPassword = "Bench-signin-2026";

    public static async Task<int> PrepareAsync(string providerName, string connectionString, string dir, int members)
    {
        var provider = Enum.Parse<DatabaseProvider>(providerName);
        Directory.CreateDirectory(dir);
        await using var app = BuildHost(provider, connectionString, Path.Combine(dir, "keys"));
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        await SchemaMigrator.MigrateAsync(db);
        if (await db.Tenants.AnyAsync()) throw new InvalidOperationException("signin-prepare needs an empty database (bench/run.sh signin makes one).");

        var sw = Stopwatch.StartNew();
        var now = TimeProvider.System.GetUtcNow();
        var tenant = new Tenant { Id = Guid.CreateVersion7(now), Name = "签到压测集团", CreatedAt = now };
        sp.GetRequiredService<TenantContext>().Set(tenant.Id);
        var root = Unit(null, "签到压测集团党委", OrgUnitKind.PartyCommittee, now);
        var branch = Unit(root, "签到压测党支部", OrgUnitKind.Branch, now);
        // Synthetic bulk data, as the seed command writes it: no audit entry per row.
        db.AuditEnabled = false;
        db.Tenants.Add(tenant);
        db.OrgUnits.AddRange(root, branch);
        await db.SaveChangesAsync();

        var hostPassword = AdminAccount.GeneratePassword();
        var host = await AdminAccount.CreateAsync(sp, tenant.Id, branch.Id, "signin-host", "签到主持人", hostPassword, AppRole.BranchSecretary);

        var userManager = sp.GetRequiredService<UserManager<AppUser>>();
        var hash = sp.GetRequiredService<IPasswordHasher<AppUser>>().HashPassword(new AppUser(), MemberPassword);
        var users = new List<AppUser>(members);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var i = 0; i < members; i++)
        {
            var userName = $"signin{i + 1:D5}";
            var user = new AppUser
            {
                Id = Guid.CreateVersion7(now), UserName = userName, NormalizedUserName = userManager.NormalizeName(userName),
                DisplayName = $"党员{i + 1:D5}", TenantId = tenant.Id, CreatedAt = now, LockoutEnabled = true, PasswordHash = hash,
                SecurityStamp = Convert.ToHexString(Guid.NewGuid().ToByteArray()), ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            users.Add(user);
            db.Users.Add(user);
            db.RoleAssignments.Add(new RoleAssignment
            {
                Id = Guid.CreateVersion7(now), TenantId = tenant.Id, UserId = user.Id, OrgUnitId = branch.Id, Role = AppRole.Member,
                Scope = DataScope.Self, GrantedAt = now,
            });
            db.Members.Add(new Member
            {
                Id = Guid.CreateVersion7(now), TenantId = tenant.Id, OrgUnitId = branch.Id, OrgPath = branch.Path, Name = user.DisplayName,
                Gender = i % 3 == 0 ? Gender.Female : Gender.Male, Category = MemberCategory.Full, Status = MembershipStatus.Normal,
                BirthDate = new DateOnly(1970, 1, 1).AddDays(i * 7 % 12_000), JoinedOn = new DateOnly(2000, 7, 1).AddDays(i % 5000),
                FullMemberOn = new DateOnly(2001, 7, 1).AddDays(i % 5000), CreatedAt = now, UserId = user.Id,
            });
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        db.AuditEnabled = true;
        var prepared = sw.Elapsed;

        sw.Restart();
        var signIn = sp.GetRequiredService<SignInManager<AppUser>>();
        var bearer = sp.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        var tokens = new List<string>(members);
        foreach (var user in users)
        {
            var principal = await signIn.CreateUserPrincipalAsync(user);
            // As BearerTokenHandler.HandleSignInAsync builds the access token.
            var properties = new AuthenticationProperties { ExpiresUtc = TimeProvider.System.GetUtcNow() + bearer.BearerTokenExpiration };
            tokens.Add(bearer.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, $"{IdentityConstants.BearerScheme}:AccessToken")));
        }
        var minted = sw.Elapsed;

        var version = await db.Database.SqlQueryRaw<string>(db.Database.IsNpgsql() ? "SELECT version() AS \"Value\"" : "SELECT sqlite_version() AS \"Value\"")
            .SingleAsync();
        Console.WriteLine($"database: {(db.Database.IsNpgsql() ? "" : "SQLite ")}{version}");
        await File.WriteAllLinesAsync(Path.Combine(dir, "tokens.txt"), tokens);
        await File.WriteAllLinesAsync(Path.Combine(dir, "users.txt"), users.Select(u => u.UserName!));
        await File.WriteAllLinesAsync(Path.Combine(dir, "host.txt"), [host.UserName!, hostPassword, branch.Id.ToString()]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"prepared {provider}: tenant {tenant.Id}, branch {branch.Name} with {members:N0} full members and their accounts in {prepared.TotalSeconds:F1} s; " +
            $"{tokens.Count:N0} bearer tokens minted in {minted.TotalSeconds:F1} s (valid {bearer.BearerTokenExpiration.TotalMinutes:F0} min)"));
        return 0;
    }

    /// <summary>Every member logs in through POST /api/v1/auth/token, PARALLEL at a time; tokens.txt is rewritten.</summary>
    public static async Task<int> LoginAsync(string url, string dir, int parallel)
    {
        var names = await File.ReadAllLinesAsync(Path.Combine(dir, "users.txt"));
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var tokens = new string[names.Length];
        var sw = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, names.Length), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
            tokens[i] = await TokenAsync(http, names[i], MemberPassword, ct));
        await File.WriteAllLinesAsync(Path.Combine(dir, "tokens.txt"), tokens);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{names.Length:N0} logins through /api/v1/auth/token ({parallel} at a time) in {sw.Elapsed.TotalSeconds:F1} s: {names.Length / sw.Elapsed.TotalSeconds:F0} logins/s"));
        return 0;
    }

    /// <summary>The host plans one ThemeDay meeting per name through the API; prints one id per line.</summary>
    public static async Task<int> MeetingsAsync(string url, string dir, IReadOnlyList<string> names)
    {
        var host = await File.ReadAllLinesAsync(Path.Combine(dir, "host.txt"));
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var token = await TokenAsync(http, host[0], host[1], CancellationToken.None);
        await File.WriteAllTextAsync(Path.Combine(dir, "host-token.txt"), token);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // As a phone in China sends it; starts in 5 minutes: sign-in is open (30 minutes before) and nobody is late.
        var start = TimeProvider.System.GetUtcNow().AddMinutes(5).ToOffset(TimeSpan.FromHours(8));
        foreach (var name in names)
        {
            using var created = await http.PostAsJsonAsync("/api/v1/meetings", new
            {
                orgUnitId = Guid.Parse(host[2]), type = "ThemeDay", topic = $"主题党日：{name}", startsAt = start, endsAt = start.AddHours(2),
                mode = "Onsite", place = "党员活动室",
            });
            var body = await created.Content.ReadAsStringAsync();
            if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"POST /api/v1/meetings: {(int)created.StatusCode} {body}");
            Console.WriteLine(JsonNode.Parse(body)!["id"]!.GetValue<string>());
        }
        return 0;
    }

    public static async Task<int> CheckAsync(string providerName, string connectionString, Guid meetingId, int expected)
    {
        var provider = Enum.Parse<DatabaseProvider>(providerName);
        await using var services = BenchDatabase.BuildServices(provider, connectionString);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = db.MeetingSignIns.IgnoreQueryFilters().AsNoTracking().Where(s => s.MeetingId == meetingId);
        var total = await rows.CountAsync();
        var distinct = await rows.Select(s => s.MemberId).Distinct().CountAsync();
        var duplicated = await rows.GroupBy(s => s.MemberId).Where(g => g.Count() > 1).CountAsync();
        // Each row must be the member's own: the account that signed in is the one linked to that member.
        var notOwn = await rows.CountAsync(s => !db.Set<Dangjian.Web.Modules.Members.Member>().IgnoreQueryFilters().Any(m => m.Id == s.MemberId && m.UserId == s.UserId));
        var late = await rows.CountAsync(s => s.Late);
        var times = await rows.Select(s => s.SignedAt).ToListAsync();
        var span = times.Count > 1 ? times.Max() - times.Min() : TimeSpan.Zero;
        var ok = total == expected && distinct == expected && duplicated == 0 && notOwn == 0;
        var rate = span > TimeSpan.Zero ? string.Create(CultureInfo.InvariantCulture, $" ({(total - 1) / span.TotalSeconds:F0} sign-ins/s as the server stamped them)") : "";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"count check {meetingId}: {total:N0} rows (expected {expected:N0}), {distinct:N0} distinct members, {duplicated} members with more than one row, " +
            $"{notOwn} rows not by the member's own account, {late} late; SignedAt first to last {span.TotalSeconds:F2} s{rate}: {(ok ? "OK" : "FAILED")}"));
        return ok ? 0 : 1;
    }

    internal static async Task<string> TokenAsync(HttpClient http, string userName, string password, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"token for {userName}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["accessToken"]!.GetValue<string>();
    }

    /// <summary>
    /// The web app's platform services (database, Identity, bearer tokens, data protection) configured as the server will
    /// be: same provider and connection, same key ring. Not started: no hosted service runs.
    /// </summary>
    private static WebApplication BuildHost(DatabaseProvider provider, string connectionString, string keysPath)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Path.GetDirectoryName(keysPath) });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider.ToString(),
            [$"ConnectionStrings:{provider}"] = connectionString,
            ["DataProtection:KeysPath"] = keysPath,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPlatform(builder.Configuration, builder.Environment);
        return builder.Build();
    }

    private static OrgUnit Unit(OrgUnit? parent, string name, OrgUnitKind kind, DateTimeOffset now)
    {
        var key = OrgPaths.NewKey();
        return new OrgUnit
        {
            Id = Guid.CreateVersion7(now), ParentId = parent?.Id, Key = key,
            Path = parent is null ? OrgPaths.Root(key) : OrgPaths.Child(parent.Path, key), Depth = parent is null ? 0 : parent.Depth + 1,
            Name = name, Kind = kind, Setup = OrgSetup.Standalone, HostUnitType = "公有经济控制企业", SortOrder = 1, CreatedAt = now,
        };
    }
}
