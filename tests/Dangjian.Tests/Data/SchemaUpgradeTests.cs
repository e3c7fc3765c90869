using Dangjian.Web.Modules.Organizations;
using System.Data.Common;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dangjian.Tests.Data;

/// <summary>
/// A database holding data at schema version 1 is upgraded to the newest version: nothing is lost, new columns take
/// their defaults, and the ledger chain written under version 1 still verifies.
/// </summary>
public sealed class SchemaUpgradeTests
{
    [Fact]
    public async Task MigrateAsync_DatabaseWithVersion1Data_UpgradesWithoutLoss()
    {
        await using var database = await TestDatabase.CreateAsync();
        var tenantId = Guid.NewGuid();
        var unitId = Guid.NewGuid();
        var memberId = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 5, 1, 8, 30, 0, TimeSpan.Zero);

        await using (var db = database.NewContext())
        {
            (await SchemaMigrator.MigrateAsync(db, upTo: 1)).ShouldBe([1]);
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync();
            await ExecAsync(conn, """INSERT INTO "Tenants" ("Id", "Name", "CreatedAt") VALUES (@t, '升级测试集团', @at)""", ("@t", Id(tenantId)), ("@at", Instant(at)));
            await ExecAsync(conn, """
                INSERT INTO "OrgUnits" ("Id", "TenantId", "ParentId", "Key", "Path", "Depth", "Name", "Kind", "Setup", "HostUnitType", "SortOrder", "CreatedAt", "DissolvedAt")
                VALUES (@u, @t, NULL, 'abcdefghij', '/abcdefghij/', 0, '升级测试党委', 'PartyCommittee', 'Standalone', '公有经济控制企业', 1, @at, NULL)
                """, ("@u", Id(unitId)), ("@t", Id(tenantId)), ("@at", Instant(at)));
            await ExecAsync(conn, """
                INSERT INTO "Members" ("Id", "TenantId", "OrgUnitId", "OrgPath", "Name", "Gender", "Category", "BirthDate", "JoinedOn", "FullMemberOn", "JobPost", "Education", "Ethnicity", "CreatedAt")
                VALUES (@m, @t, @u, '/abcdefghij/', '李升级', 'Female', 'Full', @birth, @joined, @full, '工勤技能人员', '大学本科', '汉族', @at)
                """, ("@m", Id(memberId)), ("@t", Id(tenantId)), ("@u", Id(unitId)), ("@birth", Day(new DateOnly(1980, 2, 29))),
                ("@joined", Day(new DateOnly(2005, 7, 1))), ("@full", Day(new DateOnly(2006, 7, 1))), ("@at", Instant(at)));

            var previous = LedgerHash.Genesis;
            for (var seq = 1; seq <= 3; seq++)
            {
                var payload = $"{{\"n\":{seq}}}";
                var hash = LedgerHash.Compute(tenantId, seq, at, "org.created", unitId.ToString(), payload, previous);
                await ExecAsync(conn, """
                    INSERT INTO "LedgerEntries" ("TenantId", "Sequence", "At", "Kind", "SubjectId", "Payload", "PreviousHash", "Hash")
                    VALUES (@t, @s, @at, 'org.created', @subject, @payload, @prev, @hash)
                    """, ("@t", Id(tenantId)), ("@s", (long)seq), ("@at", Instant(at)), ("@subject", unitId.ToString()),
                    ("@payload", payload), ("@prev", previous), ("@hash", hash));
                previous = hash;
            }
            await conn.CloseAsync();
        }

        await using (var db = database.NewContext())
        {
            var applied = await SchemaMigrator.MigrateAsync(db);
            applied.ShouldNotBeEmpty();
            applied.ShouldNotContain(1);
        }

        await using (var db = database.NewContext())
        {
            db.Tenant.Set(tenantId);
            var member = await db.Members.SingleAsync(m => m.Id == memberId);
            member.Name.ShouldBe("李升级");
            member.BirthDate.ShouldBe(new DateOnly(1980, 2, 29));
            member.FullMemberOn.ShouldBe(new DateOnly(2006, 7, 1));
            member.Category.ShouldBe(MemberCategory.Full);
            member.Status.ShouldBe(MembershipStatus.Normal);
            member.IsMobile.ShouldBeFalse();
            member.PartyAgeAdjustmentMonths.ShouldBe(0);
            member.IdNumberHash.ShouldBeNull();
            member.DuesSettledUntil.ShouldBeNull();
            (await db.OrgUnits.SingleAsync(u => u.Id == unitId)).Name.ShouldBe("升级测试党委");

            var text = new Microsoft.Extensions.Localization.StringLocalizer<Dangjian.Web.SharedResource>(new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
                Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions()), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
            var verification = await new VerifyLedger(db, [], text).HandleAsync();
            verification.Valid.ShouldBeTrue();
            verification.Entries.ShouldBe(3);
        }
    }

    private static object Id(Guid id) => TestDatabase.IsPostgres ? id : id.ToString().ToUpperInvariant();

    private static object Day(DateOnly d) => TestDatabase.IsPostgres ? d : d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static object Instant(DateTimeOffset at) =>
        TestDatabase.IsPostgres ? at : new DateTimeOffsetToBinaryConverter().ConvertToProvider(at)!;

    private static async Task ExecAsync(DbConnection conn, string sql, params (string Name, object Value)[] parameters)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        (await cmd.ExecuteNonQueryAsync()).ShouldBe(1);
    }
}
