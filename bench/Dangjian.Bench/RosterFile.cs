using System.Globalization;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Seeding;

namespace Dangjian.Bench;

/// <summary>
/// A roster workbook in the import template's columns (<see cref="MemberColumns.Headers"/>), written with the app's own
/// <see cref="XlsxWriter"/>: believable people whose 公民身份号码 are valid (GB 11643 check character), unique and
/// consistent with their sex and birth date; every row passes the import's checks. Deterministic for a given seed.
/// </summary>
public static class RosterFile
{
    private static readonly string[] AreaCodes =
    [
        "110105", "120101", "130102", "210102", "310115", "320105", "330102", "350203", "370203", "420102", "430104",
        "440304", "500103", "510104", "610104",
    ];

    private static readonly (double Below, string Name)[] Categories =
    [
        (0.80, "正式党员"), (0.86, "预备党员"), (0.90, "发展对象"), (0.95, "入党积极分子"), (1.00, "入党申请人"),
    ];

    public static byte[] Build(int rows, DateOnly today, int seed = 20261122)
    {
        using var output = new MemoryStream();
        XlsxWriter.Write(output, "党员名册", MemberColumns.Headers, Rows(rows, today, new Random(seed)));
        return output.ToArray();
    }

    private static IEnumerable<IReadOnlyList<object?>> Rows(int count, DateOnly today, Random r)
    {
        var ids = new HashSet<string>(count);
        var oldest = new DateOnly(1950, 1, 1);
        var youngest = today.AddYears(-20);
        for (var n = 0; n < count; n++)
        {
            var male = r.NextDouble() < 0.68;
            var birth = oldest.AddDays(r.Next(0, youngest.DayNumber - oldest.DayNumber));
            string id;
            do
            {
                var first17 = AreaCodes[r.Next(AreaCodes.Length)] + D(birth).Replace("-", "", StringComparison.Ordinal)
                              + r.Next(0, 100).ToString("00", CultureInfo.InvariantCulture) + (male ? 2 * r.Next(5) + 1 : 2 * r.Next(5));
                id = first17 + IdNumberRules.CheckChar(first17);
            } while (!ids.Add(id));

            var roll = r.NextDouble();
            var category = Categories.First(c => roll < c.Below).Name;
            string? joined = null, full = null;
            if (category == "正式党员")
            {
                // Joined at 18 or later, at least a year and a day ago, so the full-membership date is not in the future.
                var from = birth.AddYears(18);
                var to = today.AddYears(-1).AddDays(-1);
                var j = from.AddDays(r.Next(0, Math.Max(1, to.DayNumber - from.DayNumber)));
                joined = D(j);
                full = D(j.AddYears(1));
            }
            else if (category == "预备党员")
            {
                joined = D(today.AddDays(-r.Next(20, 360)));
            }

            var retired = today.Year - birth.Year >= 60;
            var mobile = "1" + "3578"[r.Next(4)] + r.Next(0, 1_000_000_000).ToString("000000000", CultureInfo.InvariantCulture);
            yield return
            [
                ChineseNames.Person(r, male), male ? "男" : "女", ChineseNames.Pick(r, ChineseNames.Ethnicities), id, D(birth),
                ChineseNames.Pick(r, ChineseNames.Education), category, null, joined, full,
                retired ? "离退休人员" : ChineseNames.Pick(r, ChineseNames.JobPosts), mobile, null, "正常", "否", "否", null,
            ];
        }
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
