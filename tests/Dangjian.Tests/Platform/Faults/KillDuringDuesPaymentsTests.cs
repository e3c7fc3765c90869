using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Xunit.Abstractions;

namespace Dangjian.Tests.Platform.Faults;

/// <summary>
/// Issue 15, faults: a branch's dues recorded by its administrator, many payments in flight at once (there is no batch
/// endpoint: a batch is many POST …/dues/payments together), and the server killed with SIGKILL in the middle. After
/// a restart on the same database every payment that was answered 201 is stored once, with its audit entry and its
/// "dues.paid" ledger entry; no payment lacks either, no ledger entry lacks its payment; the chain verifies; a payment
/// whose answer never came is wholly there or wholly absent, and sending it again records it once (201) or is refused
/// as already paid (409), never twice.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class KillDuringDuesPaymentsTests(FaultFixture app, ITestOutputHelper output) : IClassFixture<FaultFixture>
{
    private const int Members = 100;

    /// <summary>Payments of the batch not sent before the kill that are sent after the restart (the others stay unsent).</summary>
    private const int SentLater = 20;
    private static readonly int[] MonthOffsets = [-3, -2, -1, 0, 1, 2, 3];

    private sealed record Payment(Guid MemberId, string Month);

    [Fact]
    public async Task KillDuringPayments_RestartEveryAnsweredPaymentOnceWithItsLedgerAndAudit_ResendNeverDuplicates()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var members = await tenant.AddMembersAsync(branch, Members);
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            var now = app.Clock.GetUtcNow();
            db.DuesBases.AddRange(members.Select(m => new DuesBase
            {
                Id = Guid.CreateVersion7(now), MemberId = m.Id, OrgUnitId = branch.Id, EffectiveMonth = new DateOnly(2020, 1, 1),
                Category = DuesCategory.Serving, BaseFen = 300_000, CreatedAt = now,
            }));
            await db.SaveChangesAsync();
        });

        // The server runs on the real clock: paid today (China time), for the months around it that the rules allow.
        var today = TimeProvider.System.Today();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var paidOn = ChinaTime.Format(today);
        var payments = members.SelectMany(m => MonthOffsets.Select(o => new Payment(m.Id, DuesMonth.Format(thisMonth.AddMonths(o)))))
            .OrderBy(_ => Random.Shared.Next()).ToList();
        // ¥3,000 a month: 0.5 % (第二条) = ¥15; ¥20 is paid.
        Task<HttpResponseMessage> Pay(HttpClient client, Payment p) =>
            client.PostAsJsonAsync($"/api/v1/members/{p.MemberId}/dues/payments", new { month = p.Month, amountFen = 2_000, paidOn });

        await using var server = app.NewProcess();
        await FaultFixture.PrintLogOnFailureAsync(server, output, async () =>
        {
            await server.StartAsync();
            output.WriteLine($"[{clock.Elapsed.TotalSeconds:F1} s] data prepared, app process started");
            var sent = await app.KillMidBurstAndRestartAsync(server, output, "payments", payments.Count, parallel: 24,
                await app.MintTokenAsync(tenant.Admin.Id), (client, i) => Pay(client, payments[i]));
            var stored = await StoredAsync(tenant.TenantId);
            output.WriteLine($"[{clock.Elapsed.TotalSeconds:F1} s] after the restart: {stored.Payments.Count} payments, {stored.LedgerMonths.Count} dues.paid ledger entries, " +
                             $"{stored.AuditedIds.Count} audit entries");
            foreach (var answered in sent.Where(s => s.Fate == Fate.Answered))
            {
                var id = JsonNode.Parse(answered.Body)!.Id();
                stored.Payments.Count(p => p.Id == id).ShouldBe(1, $"answered payment {id}");
            }
            ShouldBeWhole(stored);
            foreach (var never in sent.Where(s => s.Fate == Fate.NotSent))
            {
                stored.Payments.ShouldNotContain(p => p.MemberId == payments[never.Index].MemberId && p.Month == payments[never.Index].Month);
            }
            var verified = await app.VerifyLedgerAsync(tenant.TenantId);
            (verified.Valid, verified.Entries).ShouldBe((true, (long)stored.Payments.Count), verified.Reason);

            // The unanswered ones again, as a client that never heard back retries, and some of those never sent; a payment
            // already stored is refused as paid, any other is recorded.
            var unanswered = sent.Where(s => s.Fate == Fate.Unanswered).Select(s => payments[s.Index]).ToList();
            var presentBefore = unanswered.Count(p => stored.Payments.Any(x => x.MemberId == p.MemberId && x.Month == p.Month));
            output.WriteLine($"[{clock.Elapsed.TotalSeconds:F1} s] of {unanswered.Count} unanswered payments, {presentBefore} had been stored");
            var rest = sent.Where(s => s.Fate == Fate.Unanswered).Concat(sent.Where(s => s.Fate == Fate.NotSent).Take(SentLater))
                .Select(s => payments[s.Index]).ToList();
            Sent[] resent;
            using (var client = server.CreateClient(await app.MintTokenAsync(tenant.Admin.Id)))
            {
                resent = await RequestBurst.SendAllAsync(rest.Count, parallel: 8, i => Pay(client, rest[i]));
            }
            output.WriteLine($"[{clock.Elapsed.TotalSeconds:F1} s] sent again after the restart: {RequestBurst.Describe(resent)}");
            for (var i = 0; i < rest.Count; i++)
            {
                var wasStored = stored.Payments.Any(x => x.MemberId == rest[i].MemberId && x.Month == rest[i].Month);
                resent[i].Status.ShouldBe(wasStored ? 409 : 201, resent[i].Body);
                if (wasStored) JsonNode.Parse(resent[i].Body)!.Str("code").ShouldBe("DUES_MONTH_PAID");
            }

            var final = await StoredAsync(tenant.TenantId);
            var expected = sent.Where(s => s.Fate == Fate.Answered).Select(s => payments[s.Index]).Concat(rest).ToList();
            final.Payments.Select(p => (p.MemberId, p.Month)).ShouldBe(expected.Select(p => (p.MemberId, p.Month)), ignoreOrder: true);
            ShouldBeWhole(final);
            var after = await app.VerifyLedgerAsync(tenant.TenantId);
            (after.Valid, after.Entries).ShouldBe((true, (long)expected.Count), after.Reason);
            if (!TestDatabase.IsPostgres) (await app.IntegrityCheckAsync()).ShouldBe("ok");
        });
    }

    private sealed record StoredPayment(Guid Id, Guid MemberId, string Month);

    private sealed record Stored(List<StoredPayment> Payments, List<(Guid MemberId, string Month)> LedgerMonths, List<string> AuditedIds);

    /// <summary>Each payment, with its ledger entry and its audit entry: none without the others, none twice.</summary>
    private static void ShouldBeWhole(Stored s)
    {
        s.Payments.GroupBy(p => (p.MemberId, p.Month)).ShouldAllBe(g => g.Count() == 1);
        s.LedgerMonths.ShouldBe(s.Payments.Select(p => (p.MemberId, p.Month)), ignoreOrder: true);
        s.AuditedIds.ShouldBe(s.Payments.Select(p => p.Id.ToString()), ignoreOrder: true);
    }

    private Task<Stored> StoredAsync(Guid tenantId) => app.InTenantAsync(tenantId, async db =>
    {
        var payments = (await db.DuesPayments.AsNoTracking().Select(p => new { p.Id, p.MemberId, p.Month }).ToListAsync())
            .Select(p => new StoredPayment(p.Id, p.MemberId, DuesMonth.Format(p.Month))).ToList();
        var ledger = (await db.LedgerEntries.AsNoTracking().Where(e => e.Kind == "dues.paid").Select(e => e.Payload).ToListAsync())
            .Select(payload => JsonNode.Parse(payload)!).Select(j => (j["MemberId"]!.GetValue<Guid>(), j["Month"]!.GetValue<string>())).ToList();
        var audited = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(DuesPayment) && a.Action == "Added")
            .Select(a => a.EntityId).ToListAsync();
        return new Stored(payments, ledger, audited);
    });
}
