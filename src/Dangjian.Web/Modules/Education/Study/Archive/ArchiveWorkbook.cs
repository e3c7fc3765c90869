using System.Globalization;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Education.Study.Archive;

/// <summary>A unit's learning archive as .xlsx: one row per party member of the subtree, in the overview's order, names only.</summary>
public sealed class ArchiveWorkbook(LearningArchive archive, TimeProvider clock, IStringLocalizer<StudyText> T)
{
    public async Task<Result<(string FileName, byte[] Content)>> HandleAsync(Guid unitId, string? year, CancellationToken ct)
    {
        var loaded = await archive.UnitRowsAsync(unitId, year, ct);
        if (!loaded.IsSuccess) return loaded.Error!;
        var (unit, y, rows) = loaded.Value;
        string[] headers =
        [
            T["Archive.Column.Name"], T["Archive.Column.Unit"], T["Archive.Column.Role"], T["Archive.Column.Course"], T["Archive.Column.Meeting"],
            T["Archive.Column.External"], T["Archive.Column.Total"], T["Archive.Column.Target"], T["Archive.Column.Gap"], T["Archive.Column.Status"],
            T["Archive.Column.Rule"],
        ];
        using var output = new MemoryStream();
        XlsxWriter.Write(output, T["Archive.Sheet"], headers, rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Name, r.OrgUnitName, r.Leader ? T["Archive.Leader"].Value : T["Archive.Member"].Value, r.CourseHours, r.MeetingHours, r.ExternalHours, r.Hours,
            r.TargetHours, r.GapHours, r.BelowTarget ? T["Archive.Below"].Value : T["Archive.Met"].Value, r.Article,
        ]));
        var name = $"{T["Archive.File"]}-{unit.Name}-{y.ToString(CultureInfo.InvariantCulture)}-{ChinaTime.Format(clock.Today())}.xlsx";
        return (name, output.ToArray());
    }
}
