using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Import;
using Dangjian.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Modules.Dues.Import;

/// <summary>
/// A valid row of the preview: the member it matched, the base from the month on, and the monthly dues it gives
/// (DuesRules). <c>action</c>: create | update (the month already has a different base: a correction) | unchanged.
/// </summary>
public sealed record DuesBaseImportRow(
    int Row, Guid MemberId, string Name, string IdNumberMasked, string Month, DuesCategory Category, long BaseFen, long? GrossFen,
    long? IncomeTaxFen, long? SocialInsuranceFen, bool SocialInsuranceDeducted, long MonthlyFen, string Rate, string Rule, string Action);

/// <summary>The import's counts and errors, and the valid rows (the first <see cref="ImportDuesBases.ShownRows"/>).</summary>
public sealed record DuesBaseImportSummary(ImportSummary Import, IReadOnlyList<DuesBaseImportRow> Rows);

/// <summary>
/// Dues bases from a payroll workbook, through the shared upload → preview → apply workflow. People are matched by
/// the keyed hash of their ID number among the party members the caller manages under the import's unit; a row
/// becomes the base from its month on (第十条). The same member and month twice is a correction when the figures
/// differ and nothing at all when they are the same, so importing a file again changes nothing.
/// </summary>
public sealed class ImportDuesBases(ImportServices s, PersonalDataProtector protector, IOptionsSnapshot<DuesOptions> options, IStringLocalizer<DuesText> T)
    : ImportWorkflow<ImportDuesBases.Plan, DuesBaseImportSummary>(s)
{
    public const string UploadKind = "dues-bases";
    public const int ShownRows = 500;

    public const string Create = "create";
    public const string Update = "update";
    public const string Unchanged = "unchanged";

    public sealed record Planned(DuesBaseLine Line, Member Member, DuesBase? Existing, string Action);

    public sealed record Plan(List<Planned> Rows) : IImportPlan
    {
        public int ToCreate => Rows.Count(r => r.Action == Create);
        public int ToUpdate => Rows.Count(r => r.Action == Update);
        int IImportPlan.Unchanged => Rows.Count(r => r.Action == ImportDuesBases.Unchanged);
    }

    protected override string Kind => UploadKind;
    protected override Permission Permission => Permission.ManageMembers;
    protected override IReadOnlyList<string> RequiredColumns => DuesBaseSheet.Required;

    protected override string ColumnOf(string header) => DuesBaseSheet.Columns.ColumnOf(header);

    protected override string Label(string column) => DuesBaseSheet.Columns.Label(column, T);

    /// <summary>A blank payroll sheet in the reader's language, with one example row.</summary>
    public static byte[] Template(IStringLocalizer<DuesText> T) => Template(T["DuesImport.Sheet"], DuesBaseSheet.Columns.Headers(T),
        [T["DuesImport.Example.Name"].Value, "11010519491231002X", "2026-01", T["DuesImport.Method.Serving"].Value, null, "8500.00", "215.00", "1320.00",
            T["DuesImport.Example.Note"].Value]);

    protected override async Task<Plan> PlanAsync(ImportSheet sheet, OrgUnit unit, List<ImportError> errors, CancellationToken ct)
    {
        var o = options.Value;
        var today = S.Clock.Today();
        var lines = new List<DuesBaseLine>();
        foreach (var (row, cells) in sheet.Rows)
        {
            if (DuesBaseSheet.Parse(row, cells, sheet, today, o, T, errors) is { } line) lines.Add(line);
        }

        var found = await MemberLookup.ByIdNumbersAsync(S.Db, protector, lines.Select(l => l.IdNumber), ct);
        var matched = new List<(DuesBaseLine Line, Member Member)>();
        var seen = new Dictionary<(Guid, DateOnly), int>();
        foreach (var line in lines)
        {
            // Someone outside the unit's subtree, or outside what the caller manages, is reported as not found there.
            if (!found.TryGetValue(line.IdNumber, out var m) || !OrgPaths.IsWithin(m.OrgPath, unit.Path) || !S.User.Can(Permission.ManageMembers, m.OrgPath))
            {
                errors.Add(new ImportError(line.Row, Label(DuesBaseSheet.IdNumber), T["DuesImport.NotInUnit", unit.Name]));
            }
            else if (m.Name != line.Name)
            {
                errors.Add(new ImportError(line.Row, Label(DuesBaseSheet.Name), T["DuesImport.NameMismatch", m.Name]));
            }
            else if (!Member.IsPartyMember(m.Category))
            {
                errors.Add(new ImportError(line.Row, Label(DuesBaseSheet.IdNumber), T["Dues.NotPartyMember"]));
            }
            else if (seen.TryGetValue((m.Id, line.Month), out var first))
            {
                errors.Add(new ImportError(line.Row, Label(DuesBaseSheet.StartMonth), T["DuesImport.DuplicateMonth", first]));
            }
            else
            {
                seen[(m.Id, line.Month)] = line.Row;
                matched.Add((line, m));
            }
        }

        var existing = new Dictionary<(Guid, DateOnly), DuesBase>();
        foreach (var chunk in matched.Select(x => x.Member.Id).Distinct().Chunk(500))
        {
            foreach (var b in await S.Db.DuesBases.AsNoTracking().Where(b => chunk.Contains(b.MemberId)).ToListAsync(ct))
            {
                existing[(b.MemberId, b.EffectiveMonth)] = b;
            }
        }
        return new Plan(matched.Select(x =>
        {
            var old = existing.GetValueOrDefault((x.Member.Id, x.Line.Month));
            var action = old is null ? Create
                : old.Category == x.Line.Category && old.BaseFen == x.Line.BaseFen && old.Note == x.Line.Note ? Unchanged
                : Update;
            return new Planned(x.Line, x.Member, old, action);
        }).ToList());
    }

    protected override async Task<(int Created, int Updated)> WriteAsync(Plan plan, DateTimeOffset now, CancellationToken ct)
    {
        var db = S.Db;
        int created = 0, updated = 0;
        foreach (var chunk in plan.Rows.Where(r => r.Action != Unchanged).Chunk(2000))
        {
            foreach (var (line, member, old, action) in chunk)
            {
                var row = old ?? new DuesBase
                {
                    Id = Guid.CreateVersion7(now), MemberId = member.Id, OrgUnitId = member.OrgUnitId, EffectiveMonth = line.Month, CreatedAt = now,
                };
                if (action == Create)
                {
                    db.DuesBases.Add(row);
                    created++;
                }
                else
                {
                    db.DuesBases.Attach(row);
                    row.UpdatedAt = now;
                    updated++;
                }
                row.Category = line.Category;
                row.BaseFen = line.BaseFen;
                row.Note = line.Note;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return (created, updated);
    }

    protected override DuesBaseImportSummary Summarize(ImportSummary counts, Plan? plan)
    {
        var o = options.Value;
        var rows = (plan?.Rows ?? []).Take(ShownRows).Select(p =>
        {
            var quote = DuesRules.Calculate(p.Line.Category, p.Line.BaseFen, o);
            return new DuesBaseImportRow(p.Line.Row, p.Member.Id, p.Member.Name, IdNumberRules.Mask(p.Line.IdNumber), DuesMonth.Format(p.Line.Month),
                p.Line.Category, p.Line.BaseFen, p.Line.GrossFen, p.Line.IncomeTaxFen, p.Line.SocialInsuranceFen, p.Line.SocialInsuranceDeducted,
                quote.AmountFen, quote.Rate, quote.Rule, p.Action);
        }).ToList();
        return new DuesBaseImportSummary(counts, rows);
    }
}
