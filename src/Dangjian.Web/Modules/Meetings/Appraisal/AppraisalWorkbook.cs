using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Meetings.Appraisal;

/// <summary>
/// The results of one appraisal as .xlsx, for the branch's file and the report above: per member the votes, the masses'
/// and organisation's scores, the weighted score, the proposal and the grade confirmed. Names only; the host and the
/// unit's organisers, as for closing it.
/// </summary>
public sealed class AppraisalWorkbook(DemocraticAppraisal appraisal, GetMeeting meetings, CurrentUser user, IStringLocalizer<MeetingsText> T)
{
    public async Task<Result<(string FileName, byte[] Content)>> HandleAsync(Guid meetingId, CancellationToken ct)
    {
        var loaded = await meetings.LoadAsync(meetingId, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var m = loaded.Value!;
        if (m.Type != MeetingType.DemocraticAppraisal) return Error.Conflict("APPRAISAL_WRONG_TYPE", T["Appraisal.WrongType"]);
        if (m.HostUserId != user.UserId && !user.Can(Permission.ManageMeetings, m.OrgPath)) return Error.Forbidden(T["Meeting.HostDecides"]);
        var tally = await appraisal.TallyAsync(m, ct);
        string Grade(AppraisalGrade? g) => g is { } x ? T["AppraisalGrade." + x] : "";
        var headers = new[]
        {
            T["Appraisal.Col.Name"].Value, T["Appraisal.SelfAppraised"], T["Appraisal.Voters"], T["AppraisalGrade.Excellent"], T["AppraisalGrade.Qualified"],
            T["AppraisalGrade.BasicallyQualified"], T["AppraisalGrade.Unqualified"], T["Appraisal.Masses"], T["Appraisal.Organisation"], T["Appraisal.Score"],
            T["Appraisal.Proposed"], T["Appraisal.Decided"],
        };
        var rows = tally.Members.Select(t => (IReadOnlyList<object?>)
        [
            t.Name, t.SelfAppraised ? T["Appraisal.Yes"].Value : T["Appraisal.No"].Value, t.Voters, t.Excellent, t.Qualified, t.BasicallyQualified, t.Unqualified,
            t.Masses, t.Organisation, t.Score, Grade(t.Proposed), Grade(t.Decided),
        ]).ToList();
        using var output = new MemoryStream();
        XlsxWriter.Write(output, T["Appraisal.SheetName"], headers, rows);
        return ($"{T["Appraisal.FileName"]}-{m.Topic}.xlsx", output.ToArray());
    }
}
