using Dangjian.Web.Data;
using Dangjian.Web.Platform.Audit;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Import;
using Dangjian.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members.Import;

/// <summary>
/// Roster import (.xlsx) through the shared upload → preview → apply workflow. Rows are matched by ID number, so
/// importing the same file again changes nothing; a person registered in another unit is reported, not moved.
/// </summary>
public sealed class ImportMembers(ImportServices s, PersonalDataProtector protector, Platform.CodeTables.CodeTableService codeTables,
    IStringLocalizer<MembersText> T)
    : ImportWorkflow<ImportMembers.Plan, ImportSummary>(s)
{
    public const string UploadKind = ImportUpload.DefaultKind;

    /// <summary>Rows written per batch: the change tracker is cleared between batches, all in one transaction.</summary>
    private const int BatchSize = 2000;

    public sealed record Plan(List<RosterRow> Creates, List<(RosterRow Row, Member Existing)> Updates, int Unchanged) : IImportPlan
    {
        public int ToCreate => Creates.Count;
        public int ToUpdate => Updates.Count;
    }

    protected override string Kind => UploadKind;
    protected override Permission Permission => Permission.ManageMembers;
    protected override IReadOnlyList<string> RequiredColumns => RosterParser.Required;

    protected override string ColumnOf(string header) => MemberColumns.Columns.ColumnOf(header);

    protected override string Label(string column) => MemberColumns.Columns.Label(column, T);

    /// <summary>A blank roster in the reader's language; the code-table values of the example are the tables' own (Chinese).</summary>
    public static byte[] Template(IStringLocalizer<MembersText> T) => Template(T["Member.Roster"], MemberColumns.Columns.Headers(T),
    [
        T["Roster.Example.Name"].Value, T["Roster.Gender.Female"].Value, MemberColumns.Texts.InChinese("Roster.Example.Ethnicity"),
        "11010519491231002X", "1949-12-31", MemberColumns.Texts.InChinese("Roster.Example.Education"), T.CategoryName(MemberCategory.Full),
        "", "1975-07-01", "1976-07-01", MemberColumns.Texts.InChinese("Roster.Example.JobPost"), "13800000000", "",
        T["Roster.Status.Normal"].Value, T.YesNo(false), T.YesNo(false), "",
    ]);

    protected override ImportSummary Summarize(ImportSummary counts, Plan? plan) => counts;

    protected override async Task<Plan> PlanAsync(ImportSheet sheet, OrgUnit target, List<ImportError> errors, CancellationToken ct)
    {
        var db = S.Db;
        var units = await db.OrgUnits.AsNoTracking().InSubtree(target.Path).ToListAsync(ct);
        var manageable = units.Where(u => S.User.Can(Permission.ManageMembers, u.Path)).ToList();
        var unitsByName = manageable.ToLookup(u => u.Name);
        var relative = OrgNamePaths.Relative(target, units);
        var unitsByPath = manageable.Where(u => u.Id != target.Id).ToDictionary(u => relative[u.Id]);
        var today = S.Clock.Today();
        var codes = await codeTables.LoadActiveAsync(ct);
        var valid = new List<RosterRow>();
        var seen = new Dictionary<string, int>();
        foreach (var (rowNumber, cells) in sheet.Rows)
        {
            var row = RosterParser.Parse(rowNumber, cells, sheet, target, unitsByName, today, errors, T, unitsByPath, codes);
            if (row is null) continue;
            if (seen.TryGetValue(row.IdNumber, out var first))
            {
                errors.Add(new ImportError(rowNumber, T.Header("IdNumber"), T["Roster.DuplicateId", first]));
                continue;
            }
            seen[row.IdNumber] = rowNumber;
            valid.Add(row);
        }

        var existing = await MemberLookup.ByIdNumbersAsync(db, protector, valid.Select(r => r.IdNumber), ct);
        var creates = new List<RosterRow>();
        var updates = new List<(RosterRow, Member)>();
        var unchanged = 0;
        foreach (var row in valid)
        {
            if (!existing.TryGetValue(row.IdNumber, out var m))
            {
                creates.Add(row);
            }
            else if (m.OrgUnitId != row.Unit.Id)
            {
                errors.Add(new ImportError(row.Row, T.Header("Unit"), T["Roster.RegisteredElsewhere"]));
            }
            else if (Differs(row, m))
            {
                updates.Add((row, m));
            }
            else
            {
                unchanged++;
            }
        }
        return new Plan(creates, updates, unchanged);
    }

    protected override async Task<(int Created, int Updated)> WriteAsync(Plan plan, DateTimeOffset now, CancellationToken ct)
    {
        var db = S.Db;
        var memberType = db.Model.FindEntityType(typeof(Member))!;
        // New people: written in prepared batches without the change tracker (ADR 0010), each with the audit entry
        // SaveChanges would have written, inside the workflow's transaction.
        foreach (var chunk in plan.Creates.Chunk(BatchSize))
        {
            var members = chunk.Select(row => NewMember(row, now)).ToList();
            var audit = members.Select(m => AuditWriter.Added(memberType, m, m.TenantId, m.OrgPath, S.User, now)).ToList();
            await BulkInsert.InsertAsync(db, members, ct);
            await BulkInsert.InsertAsync(db, audit, ct);
        }
        foreach (var chunk in plan.Updates.Chunk(BatchSize))
        {
            foreach (var (row, existing) in chunk)
            {
                db.Members.Attach(existing);
                Copy(row, existing);
                existing.UpdatedAt = now;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return (plan.Creates.Count, plan.Updates.Count);
    }

    private Member NewMember(RosterRow r, DateTimeOffset now)
    {
        var m = new Member
        {
            Id = Guid.CreateVersion7(now), TenantId = S.Db.CurrentTenantId, OrgUnitId = r.Unit.Id, OrgPath = r.Unit.Path, Name = r.Name, CreatedAt = now,
            IdNumberEncrypted = protector.Encrypt(r.IdNumber), IdNumberHash = protector.Hash(r.IdNumber), IdNumberMasked = IdNumberRules.Mask(r.IdNumber),
        };
        Copy(r, m);
        return m;
    }

    private void Copy(RosterRow r, Member m)
    {
        m.Name = r.Name;
        m.Gender = r.Gender;
        m.BirthDate = r.BirthDate;
        m.Category = r.Category;
        m.Ethnicity = r.Ethnicity;
        m.Education = r.Education;
        m.JoinedOn = r.JoinedOn;
        m.FullMemberOn = r.FullMemberOn;
        m.JobPost = r.JobPost;
        if (protector.Decrypt(m.MobileEncrypted) != r.Mobile) m.MobileEncrypted = protector.Encrypt(r.Mobile);
        m.Telephone = r.Telephone;
        m.Status = r.Status;
        m.IsMobile = r.IsMobile;
        m.MobileDestination = r.MobileDestination;
    }

    private bool Differs(RosterRow r, Member m) =>
        m.Name != r.Name || m.Category != r.Category || m.Ethnicity != r.Ethnicity || m.Education != r.Education
        || m.JoinedOn != r.JoinedOn || m.FullMemberOn != r.FullMemberOn || m.JobPost != r.JobPost || m.Telephone != r.Telephone
        || m.Status != r.Status || m.IsMobile != r.IsMobile || m.MobileDestination != r.MobileDestination
        || protector.Decrypt(m.MobileEncrypted) != r.Mobile;
}
