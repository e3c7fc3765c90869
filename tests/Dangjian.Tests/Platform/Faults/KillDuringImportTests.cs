using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Dangjian.Tests.Security;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Export;
using Xunit.Abstractions;

namespace Dangjian.Tests.Platform.Faults;

/// <summary>
/// Issue 15, faults: a roster of many thousand people uploaded over HTTP, its apply started, and the server killed with
/// SIGKILL while apply's transaction is writing the people (seen from outside: SQLite's write-ahead log, PostgreSQL's
/// tables growing) and before it has answered. After a restart on the same database the import is all there or not at
/// all — never a part: no person without their audit entry, nothing else of the tenant changed — the ledger verifies,
/// SQLite's integrity check passes, and the upload can still be applied, giving everyone.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class KillDuringImportTests(FaultFixture app, ITestOutputHelper output) : IClassFixture<FaultFixture>
{
    /// <summary>Rows of the first try; doubled when apply was through before the kill could catch it.</summary>
    private const int FirstRows = 6_000;

    private const int Tries = 3;

    /// <summary>
    /// What apply writes per row (a person and their audit entry, with indexes), as measured: about 3,100 bytes of
    /// SQLite's write-ahead log and 2,000 of PostgreSQL's two tables. The kill waits for a random part of it (5–75 %), so
    /// that runs kill at different points of the transaction.
    /// </summary>
    private static int BytesPerRow => TestDatabase.IsPostgres ? 2_000 : 3_100;

    [Fact]
    public async Task KillWhileApplyWrites_Restart_AllOrNothingAuditMatchesLedgerVerifiesUploadStillApplies()
    {
        var tenant = await TestTenant.CreateAsync(app);
        await using var server = app.NewProcess();
        await FaultFixture.PrintLogOnFailureAsync(server, output, async () =>
        {
            for (var attempt = 1; ; attempt++)
            {
                attempt.ShouldBeLessThanOrEqualTo(Tries, "apply was never caught writing: every try answered before the kill");
                var rows = FirstRows << (attempt - 1);
                if (!server.IsRunning) await server.StartAsync();
                if (await TryAsync(server, tenant, attempt, rows)) return;
            }
        });
    }

    /// <summary>One try: false when apply answered before the kill (nothing proven; the caller tries a bigger roster).</summary>
    private async Task<bool> TryAsync(AppProcess server, TestTenant tenant, int attempt, int rows)
    {
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var secretary = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        Guid importId;
        var clock = Stopwatch.StartNew();
        using (var client = server.CreateClient(await app.MintTokenAsync(secretary.Id)))
        {
            using var content = new ByteArrayContent(Roster(rows, attempt));
            content.Headers.ContentType = new MediaTypeHeaderValue(XlsxWriter.ContentType);
            using var uploaded = await client.PostAsync($"/api/v1/members/imports?orgUnitId={branch.Id}&fileName=roster.xlsx", content);
            var preview = (await uploaded.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
            (preview["toCreate"]!.GetValue<int>(), preview["invalidRows"]!.GetValue<int>()).ShouldBe((rows, 0));
            importId = preview.Id();
        }
        var uploadTime = clock.Elapsed;

        var before = await RowFingerprint.OfTenantAsync(app, tenant.TenantId);
        var baseline = await app.StartWatchingWritesAsync("Members", "AuditEntries");
        var applier = server.CreateClient(await app.MintTokenAsync(secretary.Id));
        app.LetGoOfTheFile();
        clock.Restart();
        var apply = applier.PostAsync($"/api/v1/members/imports/{importId}/apply", null);
        var killAt = (long)(rows * BytesPerRow * (0.05 + Random.Shared.NextDouble() * 0.7));
        long written = 0;
        while (!apply.IsCompleted && (written = await app.WrittenBytesAsync("Members", "AuditEntries") - baseline) < killAt)
        {
            await Task.Delay(10);
        }
        var seenWriting = clock.Elapsed;
        if (!apply.IsCompleted) server.KillHard();
        var answered = await apply.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null);
        applier.Dispose();
        if (answered is not null)
        {
            output.WriteLine($"{TestDatabase.Provider}, try {attempt}: {rows} rows; apply answered {(int)answered.StatusCode} after " +
                             $"{clock.Elapsed.TotalSeconds:F1} s, before the kill ({written:N0} bytes seen written)");
            answered.Dispose();
            return false;
        }
        server.LastExitCode.ShouldBe(137, "killed by SIGKILL");
        output.WriteLine($"{TestDatabase.Provider}, try {attempt}: {rows} rows uploaded in {uploadTime.TotalSeconds:F1} s; killed " +
                         $"{seenWriting.TotalSeconds:F1} s into apply, with {written:N0} bytes of its transaction written (waited for {killAt:N0}) and no answer");
        // The restarted app is the first to open the database after the crash; SQLite's file passes its integrity check.
        await server.StartAsync();
        if (!TestDatabase.IsPostgres) (await app.IntegrityCheckAsync()).ShouldBe("ok");
        var found = await MembersAsync(tenant.TenantId, branch);
        output.WriteLine($"after the restart: {found.Members.Count} people in the branch, {found.Audited.Count} audit entries for them");
        found.Members.Count.ShouldBeOneOf(0, rows);
        found.Audited.ShouldBe(found.Members, ignoreOrder: true);
        if (found.Members.Count == 0)
        {
            // Not a part, not a trace: the tenant is as it was before apply, the upload not claimed.
            RowFingerprint.Diff(before, await RowFingerprint.OfTenantAsync(app, tenant.TenantId)).ShouldBeEmpty();
        }
        (await app.VerifyLedgerAsync(tenant.TenantId)).Valid.ShouldBeTrue();

        using (var client = server.CreateClient(await app.MintTokenAsync(secretary.Id)))
        {
            var whole = await app.StartWatchingWritesAsync("Members", "AuditEntries");
            clock.Restart();
            using var again = await client.PostAsync($"/api/v1/members/imports/{importId}/apply", null);
            if (found.Members.Count == 0)
            {
                (await again.ShouldHaveStatusAsync(HttpStatusCode.OK))!["created"]!.GetValue<int>().ShouldBe(rows);
                whole = await app.WrittenBytesAsync("Members", "AuditEntries") - whole;
                output.WriteLine($"applied again after the restart: {rows} created in {clock.Elapsed.TotalSeconds:F1} s, " +
                                 $"{whole:N0} bytes written ({whole / rows:N0} a row)");
            }
            else
            {
                (await again.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!.Str("code").ShouldBe("IMPORT_APPLIED");
                (await client.GetJsonAsync($"/api/v1/members/imports/{importId}"))["created"]!.GetValue<int>().ShouldBe(rows);
            }
        }

        var final = await MembersAsync(tenant.TenantId, branch);
        final.Members.Count.ShouldBe(rows);
        final.Audited.ShouldBe(final.Members, ignoreOrder: true);
        (await app.VerifyLedgerAsync(tenant.TenantId)).Valid.ShouldBeTrue();
        if (!TestDatabase.IsPostgres) (await app.IntegrityCheckAsync()).ShouldBe("ok");
        return true;
    }

    /// <summary>The ids of the branch's people and of the people the audit log says were added there.</summary>
    private Task<(List<string> Members, List<string> Audited)> MembersAsync(Guid tenantId, OrgUnit branch) => app.InTenantAsync(tenantId, async db =>
    {
        var members = (await db.Members.AsNoTracking().Where(m => m.OrgUnitId == branch.Id).Select(m => m.Id).ToListAsync()).Select(id => id.ToString()).ToList();
        var audited = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Member) && a.Action == "Added" && a.OrgPath == branch.Path).Select(a => a.EntityId).ToListAsync();
        return (members, audited);
    });

    /// <summary>
    /// A roster of <paramref name="rows"/> 入党积极分子 with valid, distinct ID numbers (each try its own birth dates, so
    /// no one is already registered by an earlier try), written with the app's own <see cref="XlsxWriter"/>.
    /// </summary>
    private static byte[] Roster(int rows, int attempt)
    {
        var first = new DateOnly(1960, 1, 1).AddDays(attempt * 200);
        using var stream = new MemoryStream();
        XlsxWriter.Write(stream, "党员名册", ["姓名", "公民身份号码", "人员类别"], Enumerable.Range(0, rows).Select(i => (IReadOnlyList<object?>)
        [
            $"积极分子{attempt}-{i:D5}", TestIdNumbers.Of("110101", first.AddDays(i / 999).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), i % 999 + 1),
            "入党积极分子",
        ]));
        return stream.ToArray();
    }
}
