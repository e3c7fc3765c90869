using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Members.Contact;
using Dangjian.Web.Modules.Members.Mobile;
using Dangjian.Web.Modules.Members.Records;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding;

/// <summary>
/// The demo tenant's registry beyond the roll: posts and rewards on some records, a few 流动党员 (one of them late with
/// the yearly report) and a few members nobody has heard from for eight months, so the out-of-contact list and its
/// follow-up are there to see. Deterministic.
/// </summary>
internal static class RegistryDemo
{
    private static readonly string[] Destinations = ["广东省深圳市", "上海市浦东新区", "浙江省杭州市", "江苏省苏州市", "四川省成都市"];

    public static async Task SeedAsync(AppDbContext db, PersonalDataProtector protector, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        // Shuffled by a fixed mix of the birth date (ids are random; names sorted would all share a surname), so the same people every time.
        var picked = (await db.Members.AsNoTracking().Where(m => m.Category == MemberCategory.Full && m.Status == MembershipStatus.Normal)
                .Select(m => new { m.Id, m.BirthDate, m.Name }).ToListAsync(ct))
            .Where(m => m.BirthDate > today.AddYears(-55)) // posts held, work away from home: people of working age
            .OrderBy(m => ActivitySeeder.Mix(m.BirthDate?.DayNumber ?? 0, 0, 31)).ThenBy(m => m.Name, StringComparer.Ordinal).Take(60).Select(m => m.Id).ToList();
        var party = (await db.Members.Where(m => picked.Contains(m.Id)).ToListAsync(ct)).OrderBy(m => picked.IndexOf(m.Id)).ToList();
        if (party.Count < 30) return;

        for (var i = 0; i < 20; i++)
        {
            var m = party[i];
            db.MemberRecordEntries.Add(new MemberRecordEntry
            {
                Id = Guid.CreateVersion7(now), MemberId = m.Id, OrgUnitId = m.OrgUnitId, Kind = RecordKind.Post,
                Title = i % 3 == 0 ? "党小组长" : i % 3 == 1 ? "车间主任" : "班组长", Organisation = m.WorkUnitAndPost,
                StartedOn = Max(today.AddYears(-1 - i % 5).AddDays(-i * 11), m.BirthDate?.AddYears(22)), CreatedAt = now,
            });
            if (i % 4 == 0 && m.JoinedOn < new DateOnly(today.Year - 1, 7, 1)) // an award of last July, to members by then
            {
                db.MemberRecordEntries.Add(new MemberRecordEntry
                {
                    Id = Guid.CreateVersion7(now), MemberId = m.Id, OrgUnitId = m.OrgUnitId, Kind = RecordKind.RewardPunishment, Category = "奖励",
                    Title = "优秀共产党员", Organisation = "集团党委", StartedOn = new DateOnly(today.Year - 1, 7, 1), CreatedAt = now,
                });
            }
        }

        for (var i = 0; i < Destinations.Length; i++)
        {
            var m = party[20 + i];
            var left = today.AddMonths(-(3 + i * 4));
            var reg = new MobileRegistration
            {
                Id = Guid.CreateVersion7(now), MemberId = m.Id, OrgUnitId = m.OrgUnitId, MemberName = m.Name, Destination = Destinations[i],
                DestinationOrganisation = i % 2 == 0 ? Destinations[i][..3] + "流动党员党支部" : null,
                ContactEncrypted = protector.Encrypt($"139{(20261122 + i * 7919) % 100_000_000:00000000}"),
                CertificateNumber = $"LD{today.Year}{i + 1:000}", LeftOn = left, CreatedAt = now,
            };
            db.MobileRegistrations.Add(reg);
            m.IsMobile = true;
            m.MobileDestination = reg.Destination;
            // The last one has been away 19 months and reported once, 14 months ago: overdue.
            if (i >= 2)
            {
                db.MobileReports.Add(new MobileReport
                {
                    Id = Guid.CreateVersion7(now), RegistrationId = reg.Id, MemberId = m.Id, OrgUnitId = m.OrgUnitId,
                    ReportedOn = i == Destinations.Length - 1 ? today.AddMonths(-14) : left.AddMonths(2), Method = ReportMethod.Phone,
                    Content = "在外务工期间按时参加流入地党组织活动", CreatedAt = now,
                });
            }
        }

        // Four members last heard from eight months ago; one of them followed up without success.
        var silent = party.Skip(30).Take(4).ToList();
        foreach (var m in silent) m.CreatedAt = now.AddMonths(-8);
        await db.SaveChangesAsync(ct);
        db.ContactFollowUps.Add(new ContactFollowUp
        {
            Id = Guid.CreateVersion7(now), MemberId = silent[0].Id, OrgUnitId = silent[0].OrgUnitId, On = today.AddDays(-10), Method = ContactMethod.Phone,
            Reached = false, ReasonCode = "外出务工经商", Note = "原手机号已停机，已请其家属转告联系支部", CreatedAt = now, CreatedByName = "系统管理员",
        });
        await db.SaveChangesAsync(ct);
        await ContactStatus.RefreshAsync(db, today, 6, silent.Select(m => m.Id).ToList(), ct);
        var first = await db.Members.FirstAsync(m => m.Id == silent[0].Id, ct);
        first.OutOfContactReason = "外出务工经商";
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A post is held from 22 at the earliest (after school), whatever the spread of start dates gives.</summary>
    private static DateOnly Max(DateOnly date, DateOnly? earliest) => earliest is { } e && e > date ? e : date;
}
