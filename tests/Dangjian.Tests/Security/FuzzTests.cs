using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Dangjian.Web.Platform.Input;
using Microsoft.Extensions.Options;
using Dangjian.Web.Platform.Auth;
using Xunit.Abstractions;

namespace Dangjian.Tests.Security;

/// <summary>
/// Bad input, everywhere, measured (issue 15). Every operation of the app's own OpenAPI document receives malformed
/// JSON, other content types, body properties of the wrong type, a megabyte long, overflowing, impossible as dates,
/// with control characters, lists of 10,000 items, and route and query parameters naming another branch's or another
/// tenant's rows, or nothing at all — from an outsider (no token), a member of branch A and branch A's secretary.
/// No answer may be a 5xx, none may carry anything of branch B or of the other tenant, and their rows stay as they were.
/// The counts are printed.
/// </summary>
public sealed class FuzzTests(AppFixture app, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    /// <summary>The operations a caller without a token may use.</summary>
    private static readonly string[] Anonymous = ["/api/v1/auth/token", "/api/v1/auth/refresh"];

    private const int Parallelism = 4;

    private sealed record Outcome(string Caller, FuzzRequest Request, int Status, string Body, List<string> Leaks);

    [Fact]
    public async Task EveryOperation_BadInputFromThreeCallers_No5xxNoLeaks()
    {
        var world = await SiblingWorld.CreateAsync(app);
        var otherTenant = await SiblingWorld.CreateAsync(app);
        var secretary = await world.Tenant.AddUserAsync(world.A.Unit, AppRole.BranchSecretary, DataScope.OwnUnitAndBelow);
        var member = await world.Tenant.AddMemberAccountAsync(world.A.Unit, world.A.Member.Id);

        using var anonymous = app.CreateClient();
        using var memberClient = await app.ClientForAsync(member);
        using var secretaryClient = await app.ClientForAsync(secretary);
        var operations = new ApiOperations(await anonymous.GetJsonAsync("/openapi/v1.json"));
        // Deletions (a unit dissolved, a record entry removed) go last, so that the other operations find A's rows in place.
        var all = operations.All().OrderBy(o => o.Method == "DELETE").ThenBy(o => o.Path, StringComparer.Ordinal).ToList();
        all.Count.ShouldBeGreaterThanOrEqualTo(100, "the OpenAPI enumeration found too few operations to mean anything");

        // The names, ID numbers and ids no caller of this run may receive (less what A's own rows share with them: the
        // other tenant's people are built alike and carry the same ID numbers as this one's).
        var secrets = world.B.Secrets.Concat(otherTenant.A.Secrets).Concat(otherTenant.B.Secrets).Append(otherTenant.Tenant.Root.Name)
            .Append(otherTenant.Tenant.Root.Id.ToString()).Except(world.A.Secrets).Distinct().ToList();
        var names = secrets.Where(s => !Guid.TryParse(s, out _)).ToList();

        // Not vacuous: the secretary does see A, and the detector finds A's name in that answer.
        using (var own = await secretaryClient.GetAsync($"/api/v1/org-units/{world.A.Unit.Id}"))
        {
            own.StatusCode.ShouldBe(HttpStatusCode.OK);
            Leaks.Find(await own.Content.ReadAsStringAsync(), world.A.Names).ShouldContain(world.A.Unit.Name);
        }

        // The roll-ups and weak links of the tenant are built by a job, or by the first look at a dashboard, for every unit
        // at once (B's included): built here first, so that what the run changes of B is what its requests did.
        using (var admin = await app.ClientForAsync(world.Tenant.Admin))
        {
            await admin.GetJsonAsync($"/api/v1/org-units/{world.Tenant.Root.Id}/dashboard");
        }

        var before = (B: await RowFingerprint.OfAsync(app, world.Tenant.TenantId, world.B), Other: await RowFingerprint.OfTenantAsync(app, otherTenant.Tenant.TenantId));
        before.B.Count.ShouldBeGreaterThan(20);
        before.Other.Count.ShouldBeGreaterThan(40);

        var cases = new FuzzCases(operations, world, otherTenant);
        // A body over Input:MaxBodyBytes is refused 413 before anyone is signed in, and reveals nothing.
        var maxBody = app.Services.GetRequiredService<IOptions<InputOptions>>().Value.MaxBodyBytes;
        var outcomes = new ConcurrentBag<Outcome>();
        var clock = Stopwatch.StartNew();
        var callers = new (string Name, HttpClient Client)[] { ("anonymous", anonymous), ("member", memberClient), ("secretary", secretaryClient) };
        foreach (var (name, client) in callers)
        {
            var requests = all.SelectMany(cases.For);
            await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (request, ct) =>
            {
                using var message = request.ToMessage();
                int status;
                string body;
                try
                {
                    using var response = await client.SendAsync(message, ct);
                    body = await response.Content.ReadAsStringAsync(ct);
                    status = (int)response.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
                {
                    // Reported with the rest: the request could not be sent or answered at all.
                    (status, body) = (0, e.GetType().Name + ": " + e.Message);
                }
                // Names may be in no answer at all; ids not in a successful one (a refusal may repeat the id it was sent).
                var leaks = Leaks.Find(body, status is >= 200 and < 300 ? secrets : names);
                outcomes.Add(new Outcome(name, request, status, body.Length > 300 ? body[..300] + "…" : body, leaks));
            });
            output.WriteLine($"{name}: {outcomes.Count(o => o.Caller == name)} requests, {clock.Elapsed.TotalSeconds:F0} s so far");
        }

        var after = (B: await RowFingerprint.OfAsync(app, world.Tenant.TenantId, world.B), Other: await RowFingerprint.OfTenantAsync(app, otherTenant.Tenant.TenantId));

        // ---- the counts ----
        var list = outcomes.ToList();
        output.WriteLine($"Fuzz on {TestDatabase.Provider}: {all.Count} operations, {list.Count} requests in {clock.Elapsed.TotalSeconds:F0} s");
        foreach (var group in list.GroupBy(o => o.Caller))
        {
            output.WriteLine($"  {group.Key,-10} {group.Count(),6} sent: 2xx {Class(group, 2),5}  3xx {Class(group, 3),4}  4xx {Class(group, 4),6}  5xx {Class(group, 5),3}  leaks {group.Count(o => o.Leaks.Count > 0)}");
        }
        foreach (var group in list.GroupBy(o => o.Request.Family).OrderBy(g => g.Key))
        {
            output.WriteLine($"  {group.Key,-18} {group.Count(),6} sent: 2xx {Class(group, 2),5}  4xx {Class(group, 4),6}  5xx {Class(group, 5),3}");
        }
        var fiveHundreds = list.Where(o => o.Status >= 500).ToList();
        var leaked = list.Where(o => o.Leaks.Count > 0).ToList();
        output.WriteLine($"  5xx: {fiveHundreds.Count}, leaks: {leaked.Count}");

        // Every operation got every family that fits it from every caller.
        var families = list.GroupBy(o => (o.Caller, o.Request.Op.ToString())).ToDictionary(g => g.Key, g => g.Select(o => o.Request.Family).ToHashSet());
        var uncovered = (from c in callers
                         from op in all
                         from f in cases.FamiliesOf(op)
                         where !(families.TryGetValue((c.Name, op.ToString()), out var got) && got.Contains(f))
                         select $"{c.Name} {op} {f}").ToList();

        // ---- what must not happen ----
        var failures = new List<string>();
        failures.AddRange(fiveHundreds.Select(o => $"5xx: {o.Caller} {o.Request} → {o.Status} {o.Body}"));
        failures.AddRange(list.Where(o => o.Status == 0).Select(o => $"no answer: {o.Caller} {o.Request} → {o.Body}"));
        failures.AddRange(leaked.Select(o => $"leak: {o.Caller} {o.Request} → {o.Status} carries {string.Join(", ", o.Leaks)}"));
        failures.AddRange(list.Where(o => o.Caller == "anonymous" && !IsAnonymous(o.Request.Op) && o.Request.Reaches && o.Status is not (401 or 0)
                && !(o.Status == 413 && Encoding.UTF8.GetByteCount(o.Request.Body ?? "") > maxBody))
            .Select(o => $"not 401 without a token: {o.Request} → {o.Status} {o.Body}"));
        failures.AddRange(list.Where(o => o.Caller != "anonymous" && !IsAnonymous(o.Request.Op) && o.Status == 401)
            .Select(o => $"signed out midway: {o.Caller} {o.Request} → 401"));
        failures.AddRange(uncovered.Select(u => "family not sent: " + u));
        failures.AddRange(RowFingerprint.Diff(before.B, after.B).Select(d => "branch B's rows changed: " + d));
        failures.AddRange(RowFingerprint.Diff(before.Other, after.Other).Select(d => "the other tenant's rows changed: " + d));
        // Nor does any row of this tenant name a row of the other (a foreign id taken into a body).
        failures.AddRange((await RowFingerprint.OfAsync(app, world.Tenant.TenantId, otherTenant.A))
            .Concat(await RowFingerprint.OfAsync(app, world.Tenant.TenantId, otherTenant.B)).Select(r => "names the other tenant: " + r));
        failures.ShouldBeEmpty($"{failures.Count} findings:\n" + string.Join("\n", failures.Take(300)));

        // The fuzz reached the handlers: A's callers had requests taken, and refused for their content.
        list.Count(o => o.Caller == "secretary" && o.Status is >= 200 and < 300).ShouldBeGreaterThan(100);
        list.Count(o => o.Caller == "secretary" && o.Status == 400).ShouldBeGreaterThan(1000);
    }

    private static int Class(IEnumerable<Outcome> outcomes, int hundreds) => outcomes.Count(o => o.Status / 100 == hundreds);

    private static bool IsAnonymous(ApiOperation op) => Anonymous.Contains(op.Path);
}
