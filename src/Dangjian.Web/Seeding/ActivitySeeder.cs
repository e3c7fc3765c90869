using Dangjian.Web.Data;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Meetings.Attendance;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Clock;
using Microsoft.EntityFrameworkCore;

namespace Dangjian.Web.Seeding;

public sealed record ActivityResult(int Meetings, long SignIns, long AttendanceLines, int DuesBases, long DuesPayments);

/// <summary>
/// Years of organisational life and dues for a seeded tenant (benchmarks of the dashboard): for every branch, from the
/// first month of the span up to now (China time), a 主题党日 each month, a 支部党员大会 and a 党课 each quarter (in its
/// second month), and a 支委会 each month where the branch has a committee (its members in office expected); each with
/// its sign-ins and its closed roll (one line per party member who had joined by then). About one branch-month in 40
/// misses its 主题党日 and one quarter in 50 its 大会 and 党课, so the calendar shows red. Every party member gets a dues
/// base from the first month of the span and pays each month, most on time, some late, about 2 % in arrears for
/// their last months. Content is deterministic (a fixed mixing function of branch, member and month); ids are
/// Version 7 GUIDs. Written with <see cref="BulkInsert"/> in batches of about <see cref="BatchRows"/> rows, one
/// transaction per batch, never holding more than a batch in memory.
/// </summary>
internal sealed class ActivitySeeder(AppDbContext db, Guid tenantId, TimeProvider clock, DuesOptions dues, Action<string> log)
{
    private const int BatchRows = 50_000;

    private readonly List<Meeting> meetings = [];
    private readonly List<MeetingSignIn> signIns = [];
    private readonly List<MeetingAttendance> lines = [];
    private readonly List<DuesBase> bases = [];
    private readonly List<DuesPayment> payments = [];
    private int meetingCount, baseCount;
    private long signInCount, lineCount, paymentCount;

    private sealed record Person(Guid Id, Guid OrgUnitId, string OrgPath, MemberCategory Category, DateOnly? JoinedOn, DateOnly? BirthDate, int Index);

    public async Task<ActivityResult> SeedAsync(int years, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var lastMonth = new DateOnly(today.Year, today.Month, 1);
        var firstMonth = lastMonth.AddMonths(1 - 12 * years);
        db.AuditEnabled = false;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        if (db.Database.IsSqlite())
        {
            // Millions of rows go into indexes spread over the whole file: with SQLite's default page cache (2 MB)
            // nearly every insert reads pages back from the OS, and each batch's commit copied and synced every page it
            // touched (rollback journal, synchronous FULL): disk-bound. One connection for the whole seeding, with a
            // 2 GB cache, the journal in memory and no fsync: synthetic data, written once; after a crash, seed again.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2097152", ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = OFF", ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = MEMORY", ct);
        }

        var units = await db.OrgUnits.AsNoTracking().Where(u => u.DissolvedAt == null)
            .Select(u => new { u.Id, u.ParentId, u.Path, u.Kind }).ToListAsync(ct);
        var branchOf = units.Where(u => u.Kind == OrgUnitKind.Branch).ToDictionary(u => u.Id, u => u.Id);
        foreach (var g in units.Where(u => u.Kind == OrgUnitKind.Group && u.ParentId is { } p && branchOf.ContainsKey(p))) branchOf[g.Id] = g.ParentId!.Value;
        var branches = units.Where(u => u.Kind == OrgUnitKind.Branch).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();

        var people = (await db.Members.AsNoTracking()
                .Where(m => (m.Category == MemberCategory.Full || m.Category == MemberCategory.Probationary) && m.Status == MembershipStatus.Normal)
                .OrderBy(m => m.Id).Select(m => new { m.Id, m.OrgUnitId, m.OrgPath, m.Category, m.JoinedOn, m.BirthDate }).ToListAsync(ct))
            .Select((m, i) => new Person(m.Id, m.OrgUnitId, m.OrgPath, m.Category, m.JoinedOn, m.BirthDate, i))
            .Where(m => branchOf.ContainsKey(m.OrgUnitId))
            .ToLookup(m => branchOf[m.OrgUnitId]);

        // The committee in office of each branch: the members of its latest term who are on the roll.
        var latestTerms = (await db.CommitteeTerms.AsNoTracking().Select(t => new { t.Id, t.OrgUnitId, t.Number }).ToListAsync(ct))
            .GroupBy(t => t.OrgUnitId).ToDictionary(g => g.Key, g => g.MaxBy(t => t.Number)!.Id);
        var termIds = latestTerms.Values.ToHashSet();
        var committee = (await db.CommitteeMembers.AsNoTracking().Where(c => c.MemberId != null && c.LeftOn == null)
                .Select(c => new { c.TermId, c.OrgUnitId, MemberId = c.MemberId!.Value }).ToListAsync(ct))
            .Where(c => termIds.Contains(c.TermId)).ToLookup(c => c.OrgUnitId, c => c.MemberId);

        for (var b = 0; b < branches.Count; b++)
        {
            var branch = branches[b];
            var roll = people[branch.Id].ToList();
            var onCommittee = committee[branch.Id].ToHashSet();
            var committeeRoll = roll.Where(p => onCommittee.Contains(p.Id)).ToList();
            for (var month = firstMonth; month <= lastMonth; month = month.AddMonths(1))
            {
                var key = month.Year * 100 + month.Month;
                if (committeeRoll.Count > 0)
                {
                    Meeting(branch.Id, branch.Path, b, MeetingType.CommitteeMeeting, $"{month.Month}月支委会", month.AddDays(4 + b % 5), new TimeOnly(9, 0), committeeRoll, key, now);
                }
                if (Mix(b, key, 1) % 40 != 0)
                {
                    Meeting(branch.Id, branch.Path, b, MeetingType.ThemeDay, $"{month.Month}月主题党日", month.AddDays(9 + b % 10), new TimeOnly(14, 30), roll, key, now);
                }
                if (month.Month % 3 == 2 && Mix(b, key, 2) % 50 != 0)
                {
                    var q = (month.Month + 1) / 3;
                    Meeting(branch.Id, branch.Path, b, MeetingType.BranchGeneralMeeting, $"{month.Year}年第{q}季度支部党员大会", month.AddDays(19), new TimeOnly(14, 30), roll, key, now);
                    Meeting(branch.Id, branch.Path, b, MeetingType.PartyLecture, $"{month.Year}年第{q}季度专题党课", month.AddDays(24), new TimeOnly(14, 30), roll, key, now);
                }
            }
            foreach (var p in roll) Dues(p, firstMonth, lastMonth, today, now);
            if (lines.Count + signIns.Count + payments.Count >= BatchRows) await FlushAsync(ct);
            if ((b + 1) % 500 == 0) log($"activity: {b + 1} of {branches.Count} branches, {lineCount + lines.Count:N0} attendance lines");
        }
        await FlushAsync(ct);
        return new ActivityResult(meetingCount, signInCount, lineCount, baseCount, paymentCount);
    }

    private void Meeting(Guid unitId, string path, int b, MeetingType type, string topic, DateOnly day, TimeOnly time, List<Person> expected, int key, DateTimeOffset now)
    {
        var starts = new DateTimeOffset(day.ToDateTime(time), ChinaTime.Offset).ToUniversalTime();
        if (starts.AddHours(3) > now) return; // not held yet, or its roll not closed yet
        var m = new Meeting
        {
            Id = Guid.CreateVersion7(starts), TenantId = tenantId, OrgUnitId = unitId, OrgPath = path, Type = type, Topic = topic,
            StartsAt = starts, EndsAt = starts.AddHours(2), Mode = MeetingMode.Onsite, Place = "党员活动室", HostName = "党支部书记",
            Status = MeetingStatus.Planned, SignInSecret = Convert.ToBase64String(BitConverter.GetBytes(Mix(b, key, (int)type)).Concat(new byte[24]).ToArray()),
            CreatedAt = starts.AddDays(-7), RollClosedAt = starts.AddHours(3),
            PreApproval = type == MeetingType.BranchGeneralMeeting ? PreApproval.Approved : PreApproval.NotRequired,
        };
        meetings.Add(m);
        // Each branch has its own level of attendance (80–96 %), a little lower in the first year.
        var rate = 0.80 + Mix(b, 0, 7) % 160 / 1000.0 - (key < (now.Year - 1) * 100 ? 0.04 : 0);
        var date = ChinaTime.Date(starts);
        foreach (var p in expected)
        {
            if (p.JoinedOn is { } j && j > date) continue;
            var x = Mix(p.Index, key, (int)type + 11) % 1000 / 1000.0;
            var outcome = x < rate ? (x < rate * 0.06 ? AttendanceOutcome.Late : AttendanceOutcome.Present)
                : x < rate + 0.05 ? AttendanceOutcome.OnLeave : AttendanceOutcome.Absent;
            if (outcome is AttendanceOutcome.Present or AttendanceOutcome.Late)
            {
                signIns.Add(new MeetingSignIn
                {
                    Id = Guid.CreateVersion7(starts), TenantId = tenantId, MeetingId = m.Id, MemberId = p.Id,
                    SignedAt = starts.AddMinutes(outcome == AttendanceOutcome.Late ? 15 : -5), Late = outcome == AttendanceOutcome.Late, Method = SignInMethod.Code,
                });
            }
            lines.Add(new MeetingAttendance
            {
                Id = Guid.CreateVersion7(starts), TenantId = tenantId, MeetingId = m.Id, MemberId = p.Id, OrgPath = p.OrgPath, MeetingType = type,
                StartsAt = starts, Month = AttendanceRules.MonthOf(starts), Outcome = outcome,
            });
        }
    }

    private void Dues(Person p, DateOnly firstMonth, DateOnly lastMonth, DateOnly today, DateTimeOffset now)
    {
        var retired = p.BirthDate is { } born && born.Year < today.Year - 62;
        var baseFen = retired ? 300_000 + (long)(Mix(p.Index, 0, 21) % 500) * 1_000 : 400_000 + (long)(Mix(p.Index, 0, 22) % 1_600) * 1_000;
        var category = retired ? DuesCategory.Retired : DuesCategory.Serving;
        bases.Add(new DuesBase
        {
            Id = Guid.CreateVersion7(now), TenantId = tenantId, MemberId = p.Id, OrgUnitId = p.OrgUnitId, EffectiveMonth = firstMonth, Category = category,
            BaseFen = baseFen, CreatedAt = now,
        });
        List<(DateOnly, DuesCategory, long)> memberBases = [(firstMonth, category, baseFen)];
        // About 2 % stop paying 3–10 months before now: in arrears.
        var arrearsFrom = Mix(p.Index, 0, 23) % 50 == 0 ? lastMonth.AddMonths(-(int)(3 + Mix(p.Index, 0, 24) % 8)) : DateOnly.MaxValue;
        for (var month = firstMonth; month <= lastMonth && month < arrearsFrom; month = month.AddMonths(1))
        {
            if (p.JoinedOn is { } j && new DateOnly(j.Year, j.Month, 1) > month) continue;
            var x = Mix(p.Index, month.Year * 100 + month.Month, 25);
            // Most pay between the 3rd and the 25th; one payment in 20 comes the next month (补交).
            var paidOn = x % 20 == 0 ? month.AddMonths(1).AddDays((int)(x % 9)) : month.AddDays(2 + (int)(x % 23));
            if (paidOn > today) continue;
            payments.Add(new DuesPayment
            {
                Id = Guid.CreateVersion7(now), TenantId = tenantId, MemberId = p.Id, OrgUnitId = p.OrgUnitId, OrgPath = p.OrgPath, Month = month,
                AmountFen = DuesRules.MonthlyAmountFor(month, memberBases, dues), PaidOn = paidOn, Method = DuesPaymentMethod.Self,
                CreatedAt = new DateTimeOffset(paidOn.ToDateTime(new TimeOnly(12, 0)), ChinaTime.Offset).ToUniversalTime(),
            });
        }
    }

    private async Task FlushAsync(CancellationToken ct)
    {
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await BulkInsert.InsertAsync(db, meetings, ct);
            await BulkInsert.InsertAsync(db, signIns, ct);
            await BulkInsert.InsertAsync(db, lines, ct);
            await BulkInsert.InsertAsync(db, bases, ct);
            await BulkInsert.InsertAsync(db, payments, ct);
            await tx.CommitAsync(ct);
        }
        (meetingCount, signInCount, lineCount, baseCount, paymentCount) =
            (meetingCount + meetings.Count, signInCount + signIns.Count, lineCount + lines.Count, baseCount + bases.Count, paymentCount + payments.Count);
        meetings.Clear();
        signIns.Clear();
        lines.Clear();
        bases.Clear();
        payments.Clear();
    }

    /// <summary>A fixed mixing function (SplitMix64's finaliser): the same numbers in every process, unlike HashCode.</summary>
    internal static ulong Mix(int a, int b, int c)
    {
        var z = ((ulong)(uint)a << 32 | (uint)b) * 0x9E3779B97F4A7C15UL + (ulong)(uint)c * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
