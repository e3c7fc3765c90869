using System.Net;
using System.Net.Http.Json;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Auth.Login;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Dangjian.Tests.Security.SignIn;

/// <summary>The app with a password hasher that counts its checks, to prove a made-up name costs a hash like a real one.</summary>
public sealed class CountingHasherFixture : AppFixture
{
    public CountingHasher Hasher { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<IPasswordHasher<AppUser>>();
        services.AddSingleton<IPasswordHasher<AppUser>>(Hasher);
    }
}

public sealed class CountingHasher : PasswordHasher<AppUser>
{
    private int checks;
    public int Checks => Volatile.Read(ref checks);

    public override PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref checks);
        return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>
/// Issue 21, item 5 and 9: a made-up name answers like a real one after the same work; failures hold back the name at
/// that address (not the account everywhere); an administrator unlocks; hashing is bounded; events are audited.
/// </summary>
public sealed class SignInDefenceTests(CountingHasherFixture app) : IClassFixture<CountingHasherFixture>
{
    private async Task<HttpResponseMessage> TokenAsync(string userName, string password, string address)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(AppFixture.ClientAddressHeader, address);
        return await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
    }

    private static string Address() => $"10.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}.{Random.Shared.Next(1, 250)}";

    [Fact]
    public async Task UnknownName_CostsOneHashCheck_LikeAWrongPassword()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var before = app.Hasher.Checks;
        using var unknown = await TokenAsync("nobody-" + Guid.NewGuid().ToString("N")[..8], "Whatever-123", Address());
        var forUnknown = app.Hasher.Checks - before;
        before = app.Hasher.Checks;
        using var wrong = await TokenAsync(tenant.Admin.UserName, "Whatever-123", Address());
        var forWrong = app.Hasher.Checks - before;

        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        forUnknown.ShouldBe(1, "a made-up name is checked against a dummy hash");
        forWrong.ShouldBe(1);
    }

    [Fact]
    public async Task FiveFailures_UnknownAndRealNames_AnswerAlike_401Then423()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var address = Address();
        foreach (var name in new[] { tenant.Admin.UserName, "nobody-" + Guid.NewGuid().ToString("N")[..8] })
        {
            var statuses = new List<int>();
            for (var i = 0; i < 6; i++)
            {
                using var r = await TokenAsync(name, "Wrong-pass-1", address);
                statuses.Add((int)r.StatusCode);
            }
            statuses.ShouldBe([401, 401, 401, 401, 423, 423], name);
        }
    }

    [Fact]
    public async Task AStrangersFailures_DoNotLockTheAdministratorOut_OnTheirOwnDevice()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var attacker = Address();
        for (var i = 0; i < 6; i++) (await TokenAsync(tenant.Admin.UserName, "Guess-" + i + "-x", attacker)).Dispose();

        using var fromAttacker = await TokenAsync(tenant.Admin.UserName, tenant.Admin.Password, attacker);
        fromAttacker.StatusCode.ShouldBe(HttpStatusCode.Locked, "held back at the guessing address, even with the right password");
        using var fromOffice = await TokenAsync(tenant.Admin.UserName, tenant.Admin.Password, Address());
        fromOffice.StatusCode.ShouldBe(HttpStatusCode.OK, "the account itself is not locked");
    }

    [Fact]
    public async Task AdministratorUnlock_LiftsTheHold_AndIsAudited()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var user = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        var address = Address();
        for (var i = 0; i < 5; i++) (await TokenAsync(user.UserName, "Wrong-pass-1", address)).Dispose();
        (await TokenAsync(user.UserName, user.Password, address)).StatusCode.ShouldBe(HttpStatusCode.Locked);

        using var admin = await app.ClientForAsync(tenant.Admin);
        using var unlock = await admin.PostAsync($"/api/v1/users/{user.Id}/unlock", null);
        unlock.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await TokenAsync(user.UserName, user.Password, address)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var actions = await app.InTenantAsync(tenant.TenantId, db => db.AuditEntries
            .Where(a => a.EntityType == SecurityEvents.EntityType && a.EntityId == user.UserName).Select(a => a.Action).ToListAsync());
        actions.ShouldContain("LoginFailed");
        actions.ShouldContain("LockedOut");
        actions.ShouldContain("Unlocked");
        actions.ShouldContain("Login");
    }

    [Fact]
    public async Task SecurityEvent_RecordsAddressAndBrowser()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var user = await tenant.AddUserAsync(tenant.Root, AppRole.PartyAffairsWorker);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(AppFixture.ClientAddressHeader, "10.20.30.40");
        client.DefaultRequestHeaders.UserAgent.ParseAdd("TestBrowser/1.0");
        (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user.UserName, password = user.Password })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await app.InTenantAsync(tenant.TenantId, db => db.AuditEntries
            .Where(a => a.EntityType == SecurityEvents.EntityType && a.EntityId == user.UserName && a.Action == "Login").Select(a => a.After).SingleAsync());
        after.ShouldNotBeNull();
        after.ShouldContain("10.20.30.40");
        after.ShouldContain("TestBrowser/1.0");
    }

    [Fact]
    public async Task HashingGateFull_LoginAnswers429_NeverWaitsOrFails()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var gate = app.Services.GetRequiredService<PasswordHashGate>();
        // Take every turn and fill the queue, as a crowd logging in at once would.
        var held = new List<System.Threading.RateLimiting.RateLimitLease>();
        for (var i = 0; i < gate.Permits; i++) held.Add(await gate.EnterAsync(default));
        var queued = Enumerable.Range(0, 64).Select(_ => gate.EnterAsync(default).AsTask()).ToList();
        try
        {
            using var r = await TokenAsync(tenant.Admin.UserName, tenant.Admin.Password, Address());
            r.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            r.Headers.RetryAfter.ShouldNotBeNull().Delta.ShouldBe(TimeSpan.FromSeconds(PasswordHashGate.RetryAfterSeconds));
            (await r.ReadJsonAsync()).Str("title").ShouldNotBeNullOrWhiteSpace();
        }
        finally
        {
            // Each waiting turn is taken and given back in order, as the crowd's logins would finish.
            foreach (var lease in held) lease.Dispose();
            foreach (var turn in queued) (await turn).Dispose();
        }
        (await TokenAsync(tenant.Admin.UserName, tenant.Admin.Password, Address())).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
