using System.Text.Json;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members.Import;

public sealed record ImportSummary(
    Guid Id, string FileName, int TotalRows, int ValidRows, int InvalidRows, int ToCreate, int ToUpdate, int Unchanged,
    IReadOnlyList<string> MissingColumns, IReadOnlyList<ImportError> Errors, bool Applied, int Created, int Updated);

/// <summary>
/// Roster import (.xlsx): upload → preview (every row checked, nothing written) → apply. Applying writes all valid
/// rows in one transaction and reports the rest, or — all-or-nothing — writes nothing while any row is invalid.
/// Rows are matched by ID number, so importing the same file again changes nothing.
/// </summary>
public sealed class ImportMembers(AppDbContext db, OrgAccess access, CurrentUser user, PersonalDataProtector protector,
    Platform.CodeTables.CodeTableService codeTables, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public const int MaxBytes = 20 * 1024 * 1024;
    private const int ShownErrors = 200;

    private sealed record Plan(ImportUpload Upload, int TotalRows, IReadOnlyList<string> Missing, List<ImportError> Errors,
        List<RosterRow> Creates, List<(RosterRow Row, Member Existing)> Updates, int Unchanged);

    public async Task<Result<ImportSummary>> UploadAsync(Guid? orgUnitId, string fileName, byte[] content, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ManageMembers, ct);
        if (!unit.IsSuccess) return unit.Error!;
        if (content.Length == 0) return Error.Validation("file", L["Import.EmptyFile"]);
        if (content.Length > MaxBytes) return Error.Validation("file", L["Import.TooLarge", MaxBytes / 1024 / 1024]);

        var now = clock.GetUtcNow();
        await db.ImportUploads.Where(u => u.CreatedAt < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        var upload = new ImportUpload
        {
            Id = Guid.CreateVersion7(now), UserId = user.UserId, OrgUnitId = unitId, FileName = Path.GetFileName(fileName), Content = content, CreatedAt = now,
        };
        var plan = await PlanAsync(upload, unit.Value!, ct);
        if (!plan.IsSuccess) return plan.Error!;
        db.ImportUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        return Summary(plan.Value!, applied: false, 0, 0);
    }

    public async Task<Result<ImportSummary>> ApplyAsync(Guid id, bool allOrNothing, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (upload, unit) = loaded.Value;
        if (upload.AppliedAt is not null) return Error.Conflict("IMPORT_APPLIED", L["Import.AlreadyApplied"]);
        var planned = await PlanAsync(upload, unit, ct);
        if (!planned.IsSuccess) return planned.Error!;
        var plan = planned.Value!;
        if (plan.Missing.Count > 0) return Error.Validation("file", L["Import.MissingColumns", string.Join("、", plan.Missing)]);
        if (allOrNothing && plan.Errors.Count > 0)
        {
            return Error.Rule("IMPORT_HAS_ERRORS", L["Import.AllOrNothingRefused", plan.Errors.Select(e => e.Row).Distinct().Count()], L["Import.Basis"]);
        }

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in plan.Creates.Chunk(2000))
        {
            foreach (var row in chunk) db.Members.Add(NewMember(row, now));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        foreach (var (row, existing) in plan.Updates)
        {
            db.Members.Attach(existing);
            Copy(row, existing);
            existing.UpdatedAt = now;
        }
        var tracked = db.ImportUploads.Attach(upload).Entity;
        tracked.AppliedAt = now;
        var summary = Summary(plan, applied: true, plan.Creates.Count, plan.Updates.Count);
        tracked.ResultJson = JsonSerializer.Serialize(summary with { Errors = [] });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return summary;
    }

    public async Task<Result<ImportSummary>> PreviewAsync(Guid id, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (upload, unit) = loaded.Value;
        if (upload.AppliedAt is not null && upload.ResultJson is not null)
        {
            return JsonSerializer.Deserialize<ImportSummary>(upload.ResultJson)!;
        }
        var planned = await PlanAsync(upload, unit, ct);
        return planned.IsSuccess ? Summary(planned.Value!, applied: false, 0, 0) : planned.Error!;
    }

    public async Task<Result<(string FileName, byte[] Content)>> ErrorWorkbookAsync(Guid id, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (upload, unit) = loaded.Value;
        var planned = await PlanAsync(upload, unit, ct);
        if (!planned.IsSuccess) return planned.Error!;
        var byRow = planned.Value!.Errors.GroupBy(e => e.Row).ToDictionary(g => g.Key, g => g.ToList());

        using var input = new MemoryStream(upload.Content);
        var rows = XlsxReader.ReadRows(input).ToList();
        var header = rows.Count > 0 ? rows[0].Cells : [];
        using var output = new MemoryStream();
        XlsxWriter.Write(output, L["Import.ErrorSheet"],
            [L["Import.RowNumber"], L["Import.Column"], L["Import.Reason"], .. header.Select(h => h ?? "")],
            rows.Skip(1).Where(r => byRow.ContainsKey(r.RowNumber)).Select(r => (IReadOnlyList<object?>)
            [
                r.RowNumber, string.Join("；", byRow[r.RowNumber].Select(e => e.Column).Distinct()),
                string.Join("；", byRow[r.RowNumber].Select(e => e.Reason)), .. r.Cells,
            ]));
        return ($"{Path.GetFileNameWithoutExtension(upload.FileName)}-错误报告.xlsx", output.ToArray());
    }

    public static byte[] Template()
    {
        using var output = new MemoryStream();
        XlsxWriter.Write(output, "党员名册", MemberColumns.Headers,
        [
            ["李红", "女", "汉族", "11010519491231002X", "1949-12-31", "大学本科", "正式党员", "", "1975-07-01", "1976-07-01",
                "离退休人员", "13800000000", "", "正常", "否", "否", ""],
        ]);
        return output.ToArray();
    }

    private async Task<Result<(ImportUpload Upload, OrgUnit Unit)>> LoadAsync(Guid id, CancellationToken ct)
    {
        var upload = await db.ImportUploads.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.UserId == user.UserId, ct);
        if (upload is null) return Error.NotFound(L["Import.NotFound"]);
        var unit = await access.LoadAsync(upload.OrgUnitId, Permission.ManageMembers, ct);
        if (!unit.IsSuccess) return unit.Error!;
        return (upload, unit.Value!);
    }

    private async Task<Result<Plan>> PlanAsync(ImportUpload upload, OrgUnit target, CancellationToken ct)
    {
        List<(int RowNumber, string?[] Cells)> rows;
        try
        {
            using var input = new MemoryStream(upload.Content);
            rows = XlsxReader.ReadRows(input).ToList();
        }
        catch (XlsxReader.InvalidWorkbookException ex)
        {
            return Error.Validation("file", ex.Message);
        }
        if (rows.Count == 0) return Error.Validation("file", L["Import.EmptyFile"]);

        var (columns, missing) = RosterParser.Headers(rows[0].Cells);
        var errors = new List<ImportError>();
        var data = rows.Skip(1).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (missing.Count > 0) return new Plan(upload, data.Count, missing, errors, [], [], 0);

        var units = await db.OrgUnits.AsNoTracking().InSubtree(target.Path).ToListAsync(ct);
        var manageable = units.Where(u => user.Can(Permission.ManageMembers, u.Path)).ToList();
        var unitsByName = manageable.ToLookup(u => u.Name);
        var relative = OrgNamePaths.Relative(target, units);
        var unitsByPath = manageable.Where(u => u.Id != target.Id).ToDictionary(u => relative[u.Id]);
        var today = clock.Today();
        var codes = await codeTables.LoadActiveAsync(ct);
        var valid = new List<RosterRow>();
        var seen = new Dictionary<string, int>();
        foreach (var (rowNumber, cells) in data)
        {
            var row = RosterParser.Parse(rowNumber, cells, columns, target, unitsByName, today, errors, unitsByPath, codes);
            if (row is null) continue;
            if (seen.TryGetValue(row.IdNumber, out var first))
            {
                errors.Add(new ImportError(rowNumber, "公民身份号码", $"与第 {first} 行的公民身份号码重复"));
                continue;
            }
            seen[row.IdNumber] = rowNumber;
            valid.Add(row);
        }

        // Existing records, matched by the keyed hash of the ID number.
        var hashes = valid.ToDictionary(r => protector.Hash(r.IdNumber));
        var existing = new Dictionary<string, Member>();
        foreach (var chunk in hashes.Keys.Chunk(500))
        {
            foreach (var m in await db.Members.AsNoTracking().Where(m => chunk.Contains(m.IdNumberHash)).ToListAsync(ct))
            {
                existing[m.IdNumberHash!] = m;
            }
        }

        var creates = new List<RosterRow>();
        var updates = new List<(RosterRow, Member)>();
        var unchanged = 0;
        foreach (var (hash, row) in hashes)
        {
            if (!existing.TryGetValue(hash, out var m))
            {
                creates.Add(row);
            }
            else if (m.OrgUnitId != row.Unit.Id)
            {
                errors.Add(new ImportError(row.Row, "所在党支部", "该人员已在其他组织登记，组织关系须通过组织关系转接办理"));
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
        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new Plan(upload, data.Count, missing, errors, creates, updates, unchanged);
    }

    private ImportSummary Summary(Plan p, bool applied, int created, int updated)
    {
        var invalidRows = p.Errors.Select(e => e.Row).Distinct().Count();
        return new ImportSummary(p.Upload.Id, p.Upload.FileName, p.TotalRows, p.TotalRows - invalidRows, invalidRows, p.Creates.Count,
            p.Updates.Count, p.Unchanged, p.Missing, p.Errors.Take(ShownErrors).ToList(), applied, created, updated);
    }

    private Member NewMember(RosterRow r, DateTimeOffset now)
    {
        var m = new Member
        {
            Id = Guid.CreateVersion7(now), OrgUnitId = r.Unit.Id, OrgPath = r.Unit.Path, Name = r.Name, CreatedAt = now,
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
