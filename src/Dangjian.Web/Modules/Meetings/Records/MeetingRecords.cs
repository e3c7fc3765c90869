using System.Security.Cryptography;
using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings.Records;

public sealed record RecordRequest([MultiLine, MaxLength(20000)] string? Minutes, [MaxLength(100)] string? Recorder);

public sealed record ResolutionRequest([MaxLength(200)] string? Title, int? VotersEntitled, int? VotersPresent, int? VotesYes, int? VotesNo, int? VotesAbstain);

public sealed record AmendmentRequest([MultiLine, MaxLength(4000)] string? Text);

public sealed record ResolutionDto(Guid Id, string Title, int Entitled, int Present, int Yes, int No, int Abstain, bool Passed);

public sealed record AttachmentDto(Guid Id, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt);

public sealed record AmendmentDto(Guid Id, string Text, string By, DateTimeOffset At);

public sealed record RecordDto(Guid MeetingId, string Minutes, string Recorder, bool Locked, DateTimeOffset? LockedAt, string? LockedBy,
    IReadOnlyList<ResolutionDto> Resolutions, IReadOnlyList<AttachmentDto> Attachments, IReadOnlyList<AmendmentDto> Amendments);

/// <summary>
/// 记实: minutes, resolutions with their votes, attachments with their hash; written by the host or the unit's
/// organisers, read by whoever may see the meeting. Once locked, only amendments are added.
/// </summary>
public sealed class MeetingRecords(AppDbContext db, GetMeeting meetings, CurrentUser user, TimeProvider clock, IStringLocalizer<SharedResource> L, IStringLocalizer<MeetingsText> T,
    InputCheck inputCheck)
{
    public const int MaxAttachmentBytes = 20 * 1024 * 1024;

    public async Task<Result<RecordDto>> GetAsync(Guid meetingId, CancellationToken ct)
    {
        var loaded = await meetings.LoadAsync(meetingId, ct);
        return loaded.IsSuccess ? await ToDtoAsync(meetingId, ct) : loaded.Error!;
    }

    public async Task<Result<RecordDto>> SaveAsync(Guid meetingId, RecordRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var (m, record, error) = await WritableAsync(meetingId, ct);
        if (error is not null) return error;
        if (r.Minutes?.Length > 20000) return Error.Validation("minutes", L["Validation.TooLong", "minutes", 20000]);
        if (r.Recorder?.Trim().Length > 100) return Error.Validation("recorder", L["Validation.TooLong", "recorder", 100]);
        record!.Minutes = r.Minutes ?? "";
        record.Recorder = r.Recorder?.Trim() ?? "";
        record.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(m!.Id, ct);
    }

    public async Task<Result<ResolutionDto>> AddResolutionAsync(Guid meetingId, ResolutionRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var (m, _, error) = await WritableAsync(meetingId, ct);
        if (error is not null) return error;
        var title = r.Title?.Trim();
        if (string.IsNullOrEmpty(title)) return Error.Validation("title", L["Validation.Required", "title"]);
        if (title.Length > 200) return Error.Validation("title", L["Validation.TooLong", "title", 200]);
        var (entitled, present, yes, no, abstain) = (r.VotersEntitled ?? 0, r.VotersPresent ?? 0, r.VotesYes ?? 0, r.VotesNo ?? 0, r.VotesAbstain ?? 0);
        if (MeetingVoteRules.Check(m!.Type, entitled, present, yes, no, abstain, T) is { } refusal) return refusal;
        var row = new MeetingResolution
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), MeetingId = meetingId, Title = title, Entitled = entitled, Present = present, Yes = yes, No = no,
            Abstain = abstain, Passed = MeetingVoteRules.Passes(entitled, yes), CreatedAt = clock.GetUtcNow(),
        };
        db.MeetingResolutions.Add(row);
        await db.SaveChangesAsync(ct);
        return ToDto(row);
    }

    public async Task<Result<AttachmentDto>> AttachAsync(Guid meetingId, string? fileName, string? contentType, byte[]? content, CancellationToken ct)
    {
        var (_, _, error) = await WritableAsync(meetingId, ct);
        if (error is not null) return error;
        if (content is null) return Error.Validation("file", L["Dev.Material.TooLarge", MaxAttachmentBytes / 1024 / 1024]);
        if (content.Length == 0) return Error.Validation("file", L["Dev.Material.Empty"]);
        var now = clock.GetUtcNow();
        var name = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? "attachment" : fileName.Trim());
        var row = new MeetingAttachment
        {
            Id = Guid.CreateVersion7(now), MeetingId = meetingId, FileName = name.Length > 200 ? name[..200] : name,
            ContentType = string.IsNullOrWhiteSpace(contentType) || contentType.Length > 100 ? "application/octet-stream" : contentType,
            Size = content.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Content = content, UploadedBy = Me(), UploadedAt = now,
        };
        db.MeetingAttachments.Add(row);
        await db.SaveChangesAsync(ct);
        return ToDto(row);
    }

    public async Task<Result<MeetingAttachment>> DownloadAsync(Guid meetingId, Guid attachmentId, CancellationToken ct)
    {
        var loaded = await meetings.LoadAsync(meetingId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var a = await db.MeetingAttachments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == attachmentId && x.MeetingId == meetingId, ct);
        return a is null ? Error.NotFound(T["Meeting.AttachmentNotFound"]) : a;
    }

    public async Task<Result<RecordDto>> LockAsync(Guid meetingId, CancellationToken ct)
    {
        var (m, record, error) = await WritableAsync(meetingId, ct);
        if (error is not null) return error;
        record!.Locked = true;
        record.LockedAt = clock.GetUtcNow();
        record.LockedBy = Me();
        await db.SaveChangesAsync(ct);
        return await ToDtoAsync(m!.Id, ct);
    }

    public async Task<Result<AmendmentDto>> AmendAsync(Guid meetingId, AmendmentRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        var loaded = await meetings.LoadAsync(meetingId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        if (!CanWrite(loaded.Value!)) return Error.Forbidden(T["Meeting.HostDecides"]);
        if (!await db.MeetingRecords.AnyAsync(x => x.MeetingId == meetingId && x.Locked, ct)) return Error.Conflict("RECORD_NOT_LOCKED", T["Meeting.RecordNotLocked"]);
        var text = r.Text?.Trim();
        if (string.IsNullOrEmpty(text)) return Error.Validation("text", L["Validation.Required", "text"]);
        if (text.Length > 4000) return Error.Validation("text", L["Validation.TooLong", "text", 4000]);
        var row = new MeetingAmendment { Id = Guid.CreateVersion7(clock.GetUtcNow()), MeetingId = meetingId, Text = text, By = Me(), At = clock.GetUtcNow() };
        db.MeetingAmendments.Add(row);
        await db.SaveChangesAsync(ct);
        return new AmendmentDto(row.Id, row.Text, row.By, row.At);
    }

    private bool CanWrite(Meeting m) => m.HostUserId == user.UserId || user.Can(Permission.ManageMeetings, m.OrgPath);

    /// <summary>The meeting and its record (created on first write), if the caller may write and it is not locked.</summary>
    private async Task<(Meeting? Meeting, MeetingRecord? Record, Error? Error)> WritableAsync(Guid meetingId, CancellationToken ct)
    {
        var loaded = await meetings.LoadAsync(meetingId, ct);
        if (!loaded.IsSuccess) return (null, null, loaded.Error);
        if (!CanWrite(loaded.Value!)) return (null, null, Error.Forbidden(T["Meeting.HostDecides"]));
        var record = await db.MeetingRecords.FirstOrDefaultAsync(x => x.MeetingId == meetingId, ct);
        if (record is null)
        {
            record = new MeetingRecord { Id = Guid.CreateVersion7(clock.GetUtcNow()), MeetingId = meetingId, UpdatedAt = clock.GetUtcNow() };
            db.MeetingRecords.Add(record);
        }
        if (record.Locked) return (null, null, Error.Conflict("RECORD_LOCKED", T["Meeting.RecordLocked"]));
        return (loaded.Value, record, null);
    }

    private async Task<RecordDto> ToDtoAsync(Guid meetingId, CancellationToken ct)
    {
        var record = await db.MeetingRecords.AsNoTracking().FirstOrDefaultAsync(x => x.MeetingId == meetingId, ct);
        var resolutions = await db.MeetingResolutions.AsNoTracking().Where(x => x.MeetingId == meetingId).OrderBy(x => x.CreatedAt).ToListAsync(ct);
        var attachments = await db.MeetingAttachments.AsNoTracking().Where(x => x.MeetingId == meetingId).OrderBy(x => x.UploadedAt)
            .Select(a => new AttachmentDto(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedBy, a.UploadedAt)).ToListAsync(ct);
        var amendments = await db.MeetingAmendments.AsNoTracking().Where(x => x.MeetingId == meetingId).OrderBy(x => x.At)
            .Select(a => new AmendmentDto(a.Id, a.Text, a.By, a.At)).ToListAsync(ct);
        return new RecordDto(meetingId, record?.Minutes ?? "", record?.Recorder ?? "", record?.Locked ?? false, record?.LockedAt, record?.LockedBy,
            resolutions.Select(ToDto).ToList(), attachments, amendments);
    }

    private static ResolutionDto ToDto(MeetingResolution r) => new(r.Id, r.Title, r.Entitled, r.Present, r.Yes, r.No, r.Abstain, r.Passed);

    private static AttachmentDto ToDto(MeetingAttachment a) => new(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedBy, a.UploadedAt);

    private string Me()
    {
        var by = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName;
        return by.Length > 100 ? by[..100] : by;
    }
}
