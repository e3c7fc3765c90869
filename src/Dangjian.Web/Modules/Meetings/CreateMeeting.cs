using System.ComponentModel.DataAnnotations;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Input;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings;

public sealed record CreateMeetingRequest(Guid? OrgUnitId, string? Type, [MaxLength(200)] string? Topic, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt,
    string? Mode, [MaxLength(200)] string? Place, [MaxLength(400), HttpUrl] string? OnlineLink, Guid? FirstTopicId = null);

/// <summary>Plans a meeting of a unit; the caller hosts it.</summary>
public sealed class CreateMeeting(AppDbContext db, OrgAccess access, CurrentUser user, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<MeetingOptions> options, FirstTopics.FirstTopicsService firstTopics, IStringLocalizer<SharedResource> L, IStringLocalizer<MeetingsText> T,
    InputCheck inputCheck)
{
    public async Task<Result<Meeting>> HandleAsync(CreateMeetingRequest r, CancellationToken ct)
    {
        if (inputCheck.Check(r) is { } badText) return badText;
        if (r.OrgUnitId is not { } unitId) return Error.Validation("orgUnitId", L["Validation.Required", "orgUnitId"]);
        var unit = await access.LoadAsync(unitId, Permission.ManageMeetings, ct);
        if (!unit.IsSuccess) return unit.Error!;
        var invalid = new FieldErrors();
        if (!Enum.TryParse<MeetingType>(r.Type, out var type) || !Enum.IsDefined(type))
            invalid.Add(Error.Validation("type", L["Validation.OneOf", "type", string.Join("|", Enum.GetNames<MeetingType>())]));
        var mode = MeetingMode.Onsite;
        if (r.Mode is not null && (!Enum.TryParse(r.Mode, out mode) || !Enum.IsDefined(mode)))
            invalid.Add(Error.Validation("mode", L["Validation.OneOf", "mode", string.Join("|", Enum.GetNames<MeetingMode>())]));
        var topic = r.Topic?.Trim();
        if (string.IsNullOrEmpty(topic)) invalid.Add(Error.Validation("topic", L["Validation.Required", "topic"]));
        else if (topic.Length > 200) invalid.Add(Error.Validation("topic", L["Validation.TooLong", "topic", 200]));
        if (r.StartsAt is null) invalid.Add(Error.Validation("startsAt", L["Validation.Required", "startsAt"]));
        if (r.EndsAt is null) invalid.Add(Error.Validation("endsAt", L["Validation.Required", "endsAt"]));
        else if (r.StartsAt is { } s && r.EndsAt <= s) invalid.Add(Error.Validation("endsAt", T["Meeting.EndsBeforeStart"]));
        if (r.Place?.Trim().Length > 200) invalid.Add(Error.Validation("place", L["Validation.TooLong", "place", 200]));
        if (r.OnlineLink?.Trim().Length > 400) invalid.Add(Error.Validation("onlineLink", L["Validation.TooLong", "onlineLink", 400]));
        if (r.FirstTopicId is { } topicId && await firstTopics.ForMeetingAsync(topicId, unit.Value!.Path, ct) is null)
            invalid.Add(Error.Validation("firstTopicId", T["FirstTopic.NotFound"]));
        if (invalid.ToError() is { } error) return error;

        var now = clock.GetUtcNow();
        var meeting = new Meeting
        {
            Id = Guid.CreateVersion7(now), OrgUnitId = unitId, OrgPath = unit.Value!.Path, Type = type, Topic = topic!,
            // Stored as UTC instants (PostgreSQL's timestamptz takes no other offset); shown in China time.
            StartsAt = r.StartsAt!.Value.ToUniversalTime(), EndsAt = r.EndsAt!.Value.ToUniversalTime(), Mode = mode, Place = Clean(r.Place), OnlineLink = Clean(r.OnlineLink), HostUserId = user.UserId,
            HostName = string.IsNullOrEmpty(user.DisplayName) ? user.UserName : user.DisplayName, Status = MeetingStatus.Planned,
            PreApproval = PreApprovalRules.Initial(type, options.Value), FirstTopicId = r.FirstTopicId,
            SignInSecret = SignInCode.NewSecret(), CreatedAt = now,
        };
        if (meeting.HostName.Length > 100) meeting.HostName = meeting.HostName[..100];
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
