using System.Globalization;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Import;
using Dangjian.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Study.Import;

/// <summary>A valid row of the preview: the member matched and what applying does (create | update: the month is replaced | unchanged).</summary>
public sealed record ExternalHoursImportRow(int Row, Guid MemberId, string Name, ExternalStudySource Source, string Month, int Points, double Hours, string Action);

public sealed record ExternalHoursImportSummary(ImportSummary Import, IReadOnlyList<ExternalHoursImportRow> Rows);

/// <summary>
/// A unit's monthly 学习强国 / 国资e学 workbook through the shared upload → preview → apply workflow. Members are found by
/// the keyed hash of the ID number, or by the mobile number among the unit's members, and must be in the unit's
/// subtree under the caller's ManageEducation. One row per member, platform and month: importing a month again
/// replaces it, so hours are never added twice.
/// </summary>
public sealed class ImportExternalHours(ImportServices s, PersonalDataProtector protector, IStringLocalizer<StudyText> T)
    : ImportWorkflow<ImportExternalHours.Plan, ExternalHoursImportSummary>(s)
{
    public const string UploadKind = "education-external-hours";
    public const int ShownRows = 500;
    public const string Create = "create";
    public const string Update = "update";
    public const string Unchanged = "unchanged";

    public sealed record Planned(ExternalHoursLine Line, Member Member, ExternalStudyHours? Existing, string Action);

    public sealed record Plan(List<Planned> Rows) : IImportPlan
    {
        public int ToCreate => Rows.Count(r => r.Action == Create);
        public int ToUpdate => Rows.Count(r => r.Action == Update);
        int IImportPlan.Unchanged => Rows.Count(r => r.Action == ImportExternalHours.Unchanged);
    }

    protected override string Kind => UploadKind;
    protected override Permission Permission => Permission.ManageEducation;
    protected override IReadOnlyList<string> RequiredColumns => ExternalHoursSheet.Required;
    protected override string ColumnOf(string header) => ExternalHoursSheet.Columns.ColumnOf(header);
    protected override string Label(string column) => ExternalHoursSheet.Columns.Label(column, T);

    /// <summary>A blank sheet in the reader's language, with one example row.</summary>
    public static byte[] Template(IStringLocalizer<StudyText> T, DateOnly today) => Template(T["ExternalImport.Sheet"], ExternalHoursSheet.Columns.Headers(T),
        [T["ExternalImport.Example.Name"].Value, "11010519491231002X", "13800000000", new DateOnly(today.Year, today.Month, 1).AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture),
            T["ExternalImport.Source.XuexiQiangguo"].Value, 1200, 4.5]);

    protected override async Task<Plan> PlanAsync(ImportSheet sheet, OrgUnit unit, List<ImportError> errors, CancellationToken ct)
    {
        var today = S.Clock.Today();
        var lines = new List<ExternalHoursLine>();
        foreach (var (row, cells) in sheet.Rows)
        {
            if (ExternalHoursSheet.Parse(row, cells, sheet, today, T, errors) is { } line) lines.Add(line);
        }

        var byId = await MemberLookup.ByIdNumbersAsync(S.Db, protector, lines.Where(l => l.IdNumber is not null).Select(l => l.IdNumber!), ct);
        // Mobiles are stored encrypted: they are matched among the unit's own members only, read once.
        var byMobile = new Dictionary<string, Member>();
        if (lines.Any(l => l.IdNumber is null))
        {
            foreach (var m in await S.Db.Members.AsNoTracking().InSubtree(unit.Path).Where(m => m.MobileEncrypted != null).ToListAsync(ct))
            {
                if (ExternalHoursSheet.NormalizeMobile(protector.Decrypt(m.MobileEncrypted)) is { } mobile) byMobile.TryAdd(mobile, m);
            }
        }

        var matched = new List<(ExternalHoursLine Line, Member Member)>();
        var seen = new Dictionary<(Guid, ExternalStudySource, DateOnly), int>();
        foreach (var line in lines)
        {
            var column = line.IdNumber is not null ? ExternalHoursSheet.IdNumber : ExternalHoursSheet.Mobile;
            var m = line.IdNumber is not null ? byId.GetValueOrDefault(line.IdNumber) : byMobile.GetValueOrDefault(line.Mobile!);
            // Someone outside the unit's subtree, or outside what the caller manages, is reported as not found there.
            if (m is null || !OrgPaths.IsWithin(m.OrgPath, unit.Path) || !S.User.Can(Permission.ManageEducation, m.OrgPath))
                errors.Add(new ImportError(line.Row, Label(column), T["ExternalImport.NotInUnit", unit.Name]));
            else if (m.Name != line.Name) errors.Add(new ImportError(line.Row, Label(ExternalHoursSheet.Name), T["ExternalImport.NameMismatch", m.Name]));
            else if (seen.TryGetValue((m.Id, line.Source, line.Month), out var first))
                errors.Add(new ImportError(line.Row, Label(ExternalHoursSheet.Month), T["ExternalImport.Duplicate", first]));
            else
            {
                seen[(m.Id, line.Source, line.Month)] = line.Row;
                matched.Add((line, m));
            }
        }

        var existing = new Dictionary<(Guid, ExternalStudySource, DateOnly), ExternalStudyHours>();
        foreach (var chunk in matched.Select(x => x.Member.Id).Distinct().Chunk(500))
        {
            foreach (var e in await S.Db.ExternalStudyHours.AsNoTracking().Where(e => chunk.Contains(e.MemberId)).ToListAsync(ct))
                existing[(e.MemberId, e.Source, e.Month)] = e;
        }
        return new Plan(matched.Select(x =>
        {
            var old = existing.GetValueOrDefault((x.Member.Id, x.Line.Source, x.Line.Month));
            var action = old is null ? Create : old.Points == x.Line.Points && old.HoursTenths == x.Line.HoursTenths ? Unchanged : Update;
            return new Planned(x.Line, x.Member, old, action);
        }).ToList());
    }

    protected override async Task<(int Created, int Updated)> WriteAsync(Plan plan, DateTimeOffset now, CancellationToken ct)
    {
        var db = S.Db;
        var by = string.IsNullOrEmpty(S.User.DisplayName) ? S.User.UserName : S.User.DisplayName;
        by = by.Length > 100 ? by[..100] : by;
        int created = 0, updated = 0;
        foreach (var chunk in plan.Rows.Where(r => r.Action != Unchanged).Chunk(2000))
        {
            foreach (var (line, member, old, action) in chunk)
            {
                var row = old ?? new ExternalStudyHours { Id = Guid.CreateVersion7(now), MemberId = member.Id, Source = line.Source, Month = line.Month };
                if (action == Create)
                {
                    db.ExternalStudyHours.Add(row);
                    created++;
                }
                else
                {
                    db.ExternalStudyHours.Attach(row);
                    updated++;
                }
                // The month is replaced, never added to.
                row.Points = line.Points;
                row.HoursTenths = line.HoursTenths;
                row.ImportedAt = now;
                row.ImportedBy = by;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return (created, updated);
    }

    protected override ExternalHoursImportSummary Summarize(ImportSummary counts, Plan? plan) => new(counts,
        (plan?.Rows ?? []).Take(ShownRows).Select(p => new ExternalHoursImportRow(p.Line.Row, p.Member.Id, p.Member.Name, p.Line.Source,
            p.Line.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), p.Line.Points, p.Line.HoursTenths / 10.0, p.Action)).ToList());
}
