using System.Text.Json;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Import;

/// <summary>One problem of one row: the row number as Excel shows it, the column's header and what to fix.</summary>
public sealed record ImportError(int Row, string Column, string Reason);

/// <summary>
/// What every import's preview and result say: rows read, valid and invalid, what applying does (create, update,
/// nothing), the missing required columns, the first errors, and after applying what was written.
/// </summary>
public sealed record ImportSummary(
    Guid Id, string FileName, int TotalRows, int ValidRows, int InvalidRows, int ToCreate, int ToUpdate, int Unchanged,
    IReadOnlyList<string> MissingColumns, IReadOnlyList<ImportError> Errors, bool Applied, int Created, int Updated);

/// <summary>What applying a plan would do, counted; a module's plan adds the rows themselves.</summary>
public interface IImportPlan
{
    int ToCreate { get; }
    int ToUpdate { get; }
    int Unchanged { get; }
}

/// <summary>The first sheet of an upload: column positions by header, the required headers missing, the non-empty data rows.</summary>
public sealed record ImportSheet(IReadOnlyDictionary<string, int> Columns, IReadOnlyList<string> Missing, IReadOnlyList<(int RowNumber, string?[] Cells)> Rows)
{
    /// <summary>The trimmed text of a column in a row; null when the column is absent or the cell blank.</summary>
    public string? Get(string?[] cells, string column) =>
        Columns.TryGetValue(column, out var i) && i < cells.Length && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i]!.Trim() : null;
}

/// <summary>The services every import needs, in one parameter.</summary>
public sealed class ImportServices(AppDbContext db, OrgAccess access, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> localizer,
    Privacy.PersonalDataProtector protector, Audit.SecurityEvents events, IConfiguration config)
{
    public Privacy.PersonalDataProtector Protector => protector;
    public Audit.SecurityEvents Events => events;

    /// <summary>How long an upload is kept (<c>Import:KeepMinutes</c>, default 120): then it is deleted, applied or not.</summary>
    public TimeSpan Keep => ImportUploadPurgeJob.KeepOf(config);

    public AppDbContext Db => db;
    public OrgAccess Access => access;
    public CurrentUser User => user;
    public TimeProvider Clock => clock;
    public IStringLocalizer<SharedResource> L => localizer;
}

/// <summary>The four steps an import offers to its endpoints and pages.</summary>
public interface IImportWorkflow<TSummary>
{
    Task<Result<TSummary>> UploadAsync(Guid? orgUnitId, string fileName, byte[] content, CancellationToken ct);
    Task<Result<TSummary>> PreviewAsync(Guid id, CancellationToken ct);
    Task<Result<TSummary>> ApplyAsync(Guid id, bool allOrNothing, CancellationToken ct);
    Task<Result<(string FileName, byte[] Content)>> ErrorWorkbookAsync(Guid id, CancellationToken ct);
    Task<Result<Guid>> CancelAsync(Guid id, CancellationToken ct);
}

/// <summary>
/// Upload → preview → apply, shared by the .xlsx imports. The upload is kept (a day) for the caller who made it, under
/// its <see cref="Kind"/>; preview checks every row and writes nothing; applying re-checks the rows and writes the
/// valid ones in one transaction — or, all-or-nothing, nothing while any row is wrong — and an upload is applied at
/// most once. The error workbook lists row, column and reason next to the row's original cells. A module supplies
/// the row checks (<see cref="PlanAsync"/>), the writes (<see cref="WriteAsync"/>) and its summary.
/// </summary>
public abstract class ImportWorkflow<TPlan, TSummary>(ImportServices s) : IImportWorkflow<TSummary>
    where TPlan : class, IImportPlan
{
    private const int ShownErrors = 200;

    /// <summary>Which import an upload belongs to (stored on it).</summary>
    protected abstract string Kind { get; }

    /// <summary>The permission the caller needs on the import's unit (or an ancestor).</summary>
    protected abstract Permission Permission { get; }

    protected abstract IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>The column a header of the sheet stands for: the header itself, unless the import also reads its columns under other names.</summary>
    protected virtual string ColumnOf(string header) => header;

    /// <summary>A column as the user is told about it (a missing one): its name, unless the import names its columns in the user's language.</summary>
    protected virtual string Label(string column) => column;

    protected ImportServices S => s;

    /// <summary>Checks every row, adding the problems to <paramref name="errors"/>; writes nothing.</summary>
    protected abstract Task<TPlan> PlanAsync(ImportSheet sheet, OrgUnit unit, List<ImportError> errors, CancellationToken ct);

    /// <summary>Writes the plan's valid rows inside the workflow's transaction; returns how many were created and updated.</summary>
    protected abstract Task<(int Created, int Updated)> WriteAsync(TPlan plan, DateTimeOffset now, CancellationToken ct);

    /// <summary>The answer of preview and apply; <paramref name="plan"/> is null when required columns are missing.</summary>
    protected abstract TSummary Summarize(ImportSummary counts, TPlan? plan);

    private sealed record Planned(ImportUpload Upload, int TotalRows, IReadOnlyList<string> Missing, List<ImportError> Errors, TPlan? Plan);

    public async Task<Result<TSummary>> UploadAsync(Guid? orgUnitId, string fileName, byte[] content, CancellationToken ct)
    {
        if (orgUnitId is not { } unitId) return Error.Validation("orgUnitId", s.L["Validation.Required", "orgUnitId"]);
        var unit = await s.Access.LoadAsync(unitId, Permission, ct);
        if (!unit.IsSuccess) return unit.Error!;
        if (content.Length == 0) return Error.Validation("file", s.L["Import.EmptyFile"]);
        if (content.Length > ImportWorkflowLimits.MaxBytes) return Error.Validation("file", s.L["Import.TooLarge", ImportWorkflowLimits.MaxMegabytes]);

        var now = s.Clock.GetUtcNow();
        var expired = now - s.Keep;
        await s.Db.ImportUploads.Where(u => u.CreatedAt < expired).ExecuteDeleteAsync(ct);
        var upload = new ImportUpload
        {
            Id = Guid.CreateVersion7(now), UserId = s.User.UserId, OrgUnitId = unitId, Kind = Kind, FileName = Path.GetFileName(fileName),
            // A roster holds ID numbers and mobiles: it is stored encrypted, never as the plain workbook (docs/security.md).
            Content = s.Protector.EncryptBytes(content), CreatedAt = now,
        };
        var planned = await PlanUploadAsync(upload, unit.Value!, ct);
        if (!planned.IsSuccess) return planned.Error!;
        s.Db.ImportUploads.Add(upload);
        await s.Db.SaveChangesAsync(ct);
        return Summary(planned.Value!, applied: false, 0, 0);
    }

    public async Task<Result<TSummary>> PreviewAsync(Guid id, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (upload, unit) = loaded.Value;
        if (upload.AppliedAt is not null && upload.ResultJson is not null) return JsonSerializer.Deserialize<TSummary>(upload.ResultJson)!;
        var planned = await PlanUploadAsync(upload, unit, ct);
        return planned.IsSuccess ? Summary(planned.Value!, applied: false, 0, 0) : planned.Error!;
    }

    public async Task<Result<TSummary>> ApplyAsync(Guid id, bool allOrNothing, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (upload, unit) = loaded.Value;
        if (upload.AppliedAt is not null) return Error.Conflict("IMPORT_APPLIED", s.L["Import.AlreadyApplied"]);
        var planned = await PlanUploadAsync(upload, unit, ct);
        if (!planned.IsSuccess) return planned.Error!;
        var p = planned.Value!;
        if (p.Missing.Count > 0) return Error.Validation("file", s.L["Import.MissingColumns", string.Join("、", p.Missing)]);
        if (allOrNothing && p.Errors.Count > 0)
        {
            return Error.Rule("IMPORT_HAS_ERRORS", s.L["Import.AllOrNothingRefused", p.Errors.Select(e => e.Row).Distinct().Count()], s.L["Import.Basis"]);
        }

        var now = s.Clock.GetUtcNow();
        await using var tx = await s.Db.Database.BeginTransactionAsync(ct);
        // Claim the upload first: a second apply of the same upload waits here for the first and then finds it taken.
        var claimed = await s.Db.ImportUploads.Where(u => u.Id == upload.Id && u.AppliedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.AppliedAt, now), ct);
        if (claimed == 0) return Error.Conflict("IMPORT_APPLIED", s.L["Import.AlreadyApplied"]);
        var (created, updated) = await WriteAsync(p.Plan!, now, ct);
        var summary = Summary(p, applied: true, created, updated);
        var json = JsonSerializer.Serialize(summary);
        // The workbook goes once applied; only its rejected rows stay (encrypted) for the error report, until the upload expires.
        var rejected = s.Protector.EncryptBytes(ErrorWorkbook(upload, p).Content);
        await s.Db.ImportUploads.Where(u => u.Id == upload.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.ResultJson, json).SetProperty(x => x.Content, rejected), ct);
        await tx.CommitAsync(ct);
        return summary;
    }

    public async Task<Result<(string FileName, byte[] Content)>> ErrorWorkbookAsync(Guid id, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (upload, unit) = loaded.Value;
        (string FileName, byte[] Content) workbook;
        if (upload.AppliedAt is not null)
        {
            workbook = (ErrorFileName(upload), s.Protector.DecryptBytes(upload.Content));
        }
        else
        {
            var planned = await PlanUploadAsync(upload, unit, ct);
            if (!planned.IsSuccess) return planned.Error!;
            workbook = ErrorWorkbook(upload, planned.Value!);
        }
        // The rejected rows carry full ID numbers (to be corrected and uploaded again): each download is in the audit log.
        await s.Events.PersonalDataExportedAsync("ImportErrors", upload.Id.ToString(), unit, ct);
        return workbook;
    }

    /// <summary>Deletes an upload (applied or not) and its rejected rows; a preview abandoned is gone at once.</summary>
    public async Task<Result<Guid>> CancelAsync(Guid id, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        await s.Db.ImportUploads.Where(u => u.Id == id).ExecuteDeleteAsync(ct);
        return id;
    }

    private string ErrorFileName(ImportUpload upload) => $"{Path.GetFileNameWithoutExtension(upload.FileName)}-{s.L["Import.ErrorSheet"]}.xlsx";

    private (string FileName, byte[] Content) ErrorWorkbook(ImportUpload upload, Planned planned)
    {
        var byRow = planned.Errors.GroupBy(e => e.Row).ToDictionary(g => g.Key, g => g.ToList());
        using var input = new MemoryStream(Plain(upload));
        var rows = XlsxReader.ReadRows(input).ToList();
        var header = rows.Count > 0 ? rows[0].Cells : [];
        using var output = new MemoryStream();
        XlsxWriter.Write(output, s.L["Import.ErrorSheet"],
            [s.L["Import.RowNumber"], s.L["Import.Column"], s.L["Import.Reason"], .. header.Select(h => h ?? "")],
            rows.Skip(1).Where(r => byRow.ContainsKey(r.RowNumber)).Select(r => (IReadOnlyList<object?>)
            [
                r.RowNumber, string.Join("；", byRow[r.RowNumber].Select(e => e.Column).Distinct()),
                string.Join("；", byRow[r.RowNumber].Select(e => e.Reason)), .. r.Cells,
            ]));
        return (ErrorFileName(upload), output.ToArray());
    }

    /// <summary>The workbook as uploaded: stored encrypted, plain only in memory while it is being read.</summary>
    private byte[] Plain(ImportUpload upload) => s.Protector.DecryptBytes(upload.Content);

    /// <summary>A blank template: the headers and one example row.</summary>
    protected static byte[] Template(string sheetName, IReadOnlyList<string> headers, IReadOnlyList<object?> example)
    {
        using var output = new MemoryStream();
        XlsxWriter.Write(output, sheetName, headers, [example]);
        return output.ToArray();
    }

    private async Task<Result<(ImportUpload Upload, OrgUnit Unit)>> LoadAsync(Guid id, CancellationToken ct)
    {
        // Only the person who uploaded it, and only through the import it was uploaded to.
        var upload = await s.Db.ImportUploads.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id && u.UserId == s.User.UserId && u.Kind == Kind, ct);
        if (upload is null) return Error.NotFound(s.L["Import.NotFound"]);
        var unit = await s.Access.LoadAsync(upload.OrgUnitId, Permission, ct);
        if (!unit.IsSuccess) return unit.Error!;
        return (upload, unit.Value!);
    }

    private async Task<Result<Planned>> PlanUploadAsync(ImportUpload upload, OrgUnit unit, CancellationToken ct)
    {
        List<(int RowNumber, string?[] Cells)> rows;
        try
        {
            using var input = new MemoryStream(Plain(upload));
            rows = XlsxReader.ReadRows(input).ToList();
        }
        catch (XlsxReader.InvalidWorkbookException ex)
        {
            return Error.Validation("file", s.L[ex.NoSheet ? "Import.NoSheet" : "Import.NotAWorkbook"]);
        }
        if (rows.Count == 0) return Error.Validation("file", s.L["Import.EmptyFile"]);

        var columns = new Dictionary<string, int>();
        var header = rows[0].Cells;
        for (var i = 0; i < header.Length; i++)
        {
            var h = header[i]?.Trim();
            if (!string.IsNullOrEmpty(h)) columns.TryAdd(ColumnOf(h), i);
        }
        var missing = RequiredColumns.Where(c => !columns.ContainsKey(c)).Select(Label).ToList();
        var data = rows.Skip(1).Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        var errors = new List<ImportError>();
        if (missing.Count > 0) return new Planned(upload, data.Count, missing, errors, null);

        var plan = await PlanAsync(new ImportSheet(columns, missing, data), unit, errors, ct);
        errors.Sort((a, b) => a.Row.CompareTo(b.Row));
        return new Planned(upload, data.Count, missing, errors, plan);
    }

    private TSummary Summary(Planned p, bool applied, int created, int updated)
    {
        var invalidRows = p.Errors.Select(e => e.Row).Distinct().Count();
        var counts = new ImportSummary(p.Upload.Id, p.Upload.FileName, p.TotalRows, p.TotalRows - invalidRows, invalidRows,
            p.Plan?.ToCreate ?? 0, p.Plan?.ToUpdate ?? 0, p.Plan?.Unchanged ?? 0, p.Missing, p.Errors.Take(ShownErrors).ToList(), applied, created, updated);
        return Summarize(counts, p.Plan);
    }
}
