using System.Security.Cryptography;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Development.Materials;

public sealed record MaterialDto(Guid Id, int Step, string Code, string Name, string FileName, long Size, string Sha256, string UploadedBy,
    DateTimeOffset UploadedAt);

public sealed record ChecklistItemDto(int Step, string Code, string Name, bool Required, string Template, bool Present);

/// <summary>Files of a case: uploaded by those who manage the person, read by those who may see the case.</summary>
public sealed class CaseMaterials(AppDbContext db, CaseAccess access, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<DevelopmentText> T)
{
    public const int MaxBytes = 10 * 1024 * 1024;

    public async Task<Result<MaterialDto>> UploadAsync(Guid caseId, int? step, string? code, string? fileName, string? contentType, byte[]? content,
        CancellationToken ct)
    {
        var loaded = await access.LoadAsync(caseId, Permission.ManageMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var invalid = new FieldErrors();
        var definition = step is { } s ? MaterialChecklist.Find(s, code) : null;
        if (step is null) invalid.Add(Error.Validation("step", L["Validation.Required", "step"]));
        else if (definition is null) invalid.Add(Error.Validation("code", T["Dev.Material.UnknownCode", step.Value]));
        if (content is null) invalid.Add(Error.Validation("file", T["Dev.Material.TooLarge", MaxBytes / 1024 / 1024]));
        else if (content.Length == 0) invalid.Add(Error.Validation("file", T["Dev.Material.Empty"]));
        if (invalid.ToError() is { } error) return error;

        var now = clock.GetUtcNow();
        var name = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? T.MaterialName(definition!.Code) : fileName.Trim());
        var material = new DevelopmentMaterial
        {
            Id = Guid.CreateVersion7(now), CaseId = caseId, Step = step!.Value, Code = definition!.Code, FileName = name.Length > 200 ? name[..200] : name,
            ContentType = string.IsNullOrWhiteSpace(contentType) || contentType.Length > 100 ? "application/octet-stream" : contentType,
            Size = content!.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Content = content, UploadedAt = now,
            UploadedBy = Trim(string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName),
        };
        db.DevelopmentMaterials.Add(material);
        await db.SaveChangesAsync(ct);
        return ToDto(material);
    }

    public async Task<Result<DevelopmentMaterial>> DownloadAsync(Guid caseId, Guid materialId, CancellationToken ct)
    {
        var loaded = await access.LoadAsync(caseId, Permission.ViewMembers, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var m = await db.DevelopmentMaterials.AsNoTracking().FirstOrDefaultAsync(x => x.Id == materialId && x.CaseId == caseId, ct);
        return m is null ? Error.NotFound(T["Dev.Material.NotFound"]) : m;
    }

    public async Task<IReadOnlyList<MaterialDto>> ListAsync(Guid caseId, CancellationToken ct) =>
        (await db.DevelopmentMaterials.AsNoTracking().Where(m => m.CaseId == caseId)
            .Select(m => new { m.Id, m.Step, m.Code, m.FileName, m.Size, m.Sha256, m.UploadedBy, m.UploadedAt }).ToListAsync(ct))
        .OrderBy(m => m.Step).ThenBy(m => m.UploadedAt)
        .Select(m => new MaterialDto(m.Id, m.Step, m.Code, Name(m.Step, m.Code), m.FileName, m.Size, m.Sha256,
            m.UploadedBy, m.UploadedAt)).ToList();

    /// <summary>Codes of the files on the case for <paramref name="step"/>.</summary>
    public async Task<IReadOnlyCollection<string>> PresentAsync(Guid caseId, int step, CancellationToken ct) =>
        await db.DevelopmentMaterials.Where(m => m.CaseId == caseId && m.Step == step).Select(m => m.Code).Distinct().ToListAsync(ct);

    private MaterialDto ToDto(DevelopmentMaterial m) =>
        new(m.Id, m.Step, m.Code, Name(m.Step, m.Code), m.FileName, m.Size, m.Sha256, m.UploadedBy, m.UploadedAt);

    // A file under a code the checklist no longer has keeps its code as its name.
    private string Name(int step, string code) => MaterialChecklist.Find(step, code) is not null ? T.MaterialName(code) : code;

    private static string Trim(string s) => s.Length > 100 ? s[..100] : s;
}
