using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Development;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Meetings.FirstTopics;
using Dangjian.Web.Modules.Members.Certificates;
using Dangjian.Web.Modules.Members.Transfers;
using Dangjian.Web.Modules.Members.Transfers.Incoming;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.CodeTables;
using Dangjian.Web.Platform.Privacy;
using Dangjian.Web.Seeding;
using RouteAttribute = Microsoft.AspNetCore.Components.RouteAttribute;

namespace Dangjian.Tests.Architecture;

/// <summary>
/// The English UI speaks English: every routable page of the app, rendered for the demo tenant's administrator with the
/// English culture, shows no Chinese except data (names of units, people, topics… as stored) and the names of
/// regulations with their articles (《…》第…条), which are cited as written.
/// </summary>
public sealed partial class EnglishPagesTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>Pages whose route parameter the demo data cannot fill, and why.</summary>
    private static readonly Dictionary<string, string> Unfillable = new()
    {
        ["/dues/base-import/{Id:guid}"] = "an upload exists only after a user sends a workbook (kept a day, per user); the demo seeds none",
        ["/education/exams/bank/import/{Id:guid}"] = "an upload exists only after a user sends a workbook (kept a day, per user); the demo seeds none",
        ["/members/import/{Id:guid}"] = "an upload exists only after a user sends a workbook (kept a day, per user); the demo seeds none",
        ["/certificates/{Id:guid}"] = "the demo tenant issues no 党员证明 (certificate)",
        ["/first-topics/{Id:guid}"] = "the demo tenant holds no 第一议题 batch",
        ["/meetings/{Id:guid}/appraisal"] = "the demo tenant holds no 民主评议党员 meeting",
        ["/transfers/incoming/{Id:guid}/slip"] = "the demo tenant registers no incoming transfer",
        ["/transfers/{Id:guid}/letter"] = "the demo tenant starts no transfer",
    };

    [Fact]
    public async Task EveryPage_InEnglish_ShowsNoChineseButData()
    {
        var (tenant, _) = await TestTenant.SeedAsync(app, 300);
        await using (var scope = app.Scope(tenant.TenantId))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await RegistryDemo.SeedAsync(db, scope.ServiceProvider.GetRequiredService<PersonalDataProtector>(), app.Clock);
            await DevelopmentDemo.SeedAsync(db, app.Clock);
            await MeetingsDemo.SeedAsync(db, app.Clock);
            await DuesDemo.SeedAsync(db, app.Clock, new DuesOptions());
            await Dangjian.Web.Seeding.Education.EducationDemo.SeedAsync(db, app.Clock, default);
            await Dangjian.Web.Seeding.Assessment.AssessmentDemo.SeedAsync(scope.ServiceProvider, db, app.Clock, default);
        }
        var ids = await app.InTenantAsync(tenant.TenantId, IdsAsync);
        var data = await app.InTenantAsync(tenant.TenantId, DataValuesAsync);
        using var admin = await app.ClientForAsync(tenant.Admin);
        admin.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");

        var failures = new List<string>();
        foreach (var template in Routes())
        {
            if (Unfillable.ContainsKey(template)) continue;
            var url = Fill(template, ids);
            if (url is null)
            {
                failures.Add($"{template}: no id in the demo data to fill it");
                continue;
            }
            using var response = await admin.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{url}: {(int)response.StatusCode}");
                continue;
            }
            var fragments = ChineseIn(Text(html), data);
            if (fragments.Count > 0) failures.Add($"{url}: {string.Join(" | ", fragments.Take(25))}");
        }
        failures.ShouldBeEmpty(string.Join("\n", failures));
    }

    private static IEnumerable<string> Routes() =>
        typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => r.Template))
            .Distinct().Order(StringComparer.Ordinal);

    private static string? Fill(string template, IReadOnlyDictionary<string, Guid?> ids)
    {
        if (!template.Contains('{', StringComparison.Ordinal)) return template;
        if (template == "/admin/code-tables/{Table}") return "/admin/code-tables/" + CodeTableCatalog.All[0].Key;
        var kind = template.Split('/', StringSplitOptions.RemoveEmptyEntries) switch
        {
            ["meetings", _, "appraisal"] => "appraisal",
            ["transfers", "incoming", ..] => "incoming",
            ["education", "exams", "attempts", _] => "exam-attempt",
            ["education", "exams", _, "ranking"] => "exam-contest",
            ["education", "exams", "manage", "questions", _] => "exam-question",
            ["education", "exams", "manage", "papers", _] => "exam-paper",
            ["education", "exams", "manage", _] => "exam-manage",
            ["education", "plans", _] => "education-plan",
            ["education", "cases", _] => "education-case",
            ["education", "research", _] => "education-research",
            [var first, ..] => first,
            _ => "",
        };
        return ids.GetValueOrDefault(kind) is { } id ? IdParameter().Replace(template, id.ToString()) : null;
    }

    /// <summary>One real id per kind of page, taken from the demo data.</summary>
    private static async Task<IReadOnlyDictionary<string, Guid?>> IdsAsync(AppDbContext db) => new Dictionary<string, Guid?>
    {
        ["members"] = await db.Set<Dangjian.Web.Modules.Members.Member>().Select(m => (Guid?)m.Id).FirstOrDefaultAsync(),
        ["org"] = await db.OrgUnits.Where(u => u.Kind == OrgUnitKind.Branch).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(),
        ["certificates"] = await db.Set<MemberCertificate>().Select(c => (Guid?)c.Id).FirstOrDefaultAsync(),
        ["development"] = await db.Set<DevelopmentCase>().Select(c => (Guid?)c.Id).FirstOrDefaultAsync(),
        ["first-topics"] = await db.Set<FirstTopic>().Select(t => (Guid?)t.Id).FirstOrDefaultAsync(),
        ["meetings"] = await db.Set<Meeting>().Select(m => (Guid?)m.Id).FirstOrDefaultAsync(),
        ["appraisal"] = await db.Set<Meeting>().Where(m => m.Type == MeetingType.DemocraticAppraisal).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(),
        ["transfers"] = await db.Set<MemberTransfer>().Select(t => (Guid?)t.Id).FirstOrDefaultAsync(),
        ["incoming"] = await db.Set<IncomingTransfer>().Select(t => (Guid?)t.Id).FirstOrDefaultAsync(),
        ["education"] = await db.Set<Dangjian.Web.Modules.Education.Courses.Course>().Select(c => (Guid?)c.Id).FirstOrDefaultAsync(),
        ["exam-attempt"] = await db.Set<Dangjian.Web.Modules.Education.Exams.ExamAttempt>().Select(a => (Guid?)a.Id).FirstOrDefaultAsync(),
        ["exam-contest"] = await db.Set<Dangjian.Web.Modules.Education.Exams.Exam>().Where(e => e.IsContest).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(),
        ["exam-question"] = await db.Set<Dangjian.Web.Modules.Education.Exams.ExamQuestion>().Where(q => q.Options != null).Select(q => (Guid?)q.Id).FirstOrDefaultAsync(),
        ["exam-paper"] = await db.Set<Dangjian.Web.Modules.Education.Exams.ExamPaper>().Select(p => (Guid?)p.Id).FirstOrDefaultAsync(),
        ["exam-manage"] = await db.Set<Dangjian.Web.Modules.Education.Exams.Exam>().OrderBy(e => e.ClosesAt).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(),
        ["education-plan"] = await db.Set<Dangjian.Web.Modules.Education.Plans.StudyPlan>().Select(p => (Guid?)p.Id).FirstOrDefaultAsync(),
        ["education-case"] = await db.Set<Dangjian.Web.Modules.Education.Plans.Cases.CaseLink>().Select(l => (Guid?)l.CourseId).FirstOrDefaultAsync(),
        ["education-research"] = await db.Set<Dangjian.Web.Modules.Education.Plans.Research.ResearchTask>().Select(t => (Guid?)t.Id).FirstOrDefaultAsync(),
    };

    /// <summary>Every string the tenant's rows hold (and the strings inside JSON columns) that contains Chinese: data, not wording.</summary>
    private static async Task<List<string>> DataValuesAsync(AppDbContext db)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        var set = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;
        foreach (var entity in db.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.FindPrimaryKey() is not null && !e.HasSharedClrType))
        {
            var props = entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.PropertyInfo is not null).Select(p => p.PropertyInfo!).ToList();
            if (props.Count == 0) continue;
            var query = (IQueryable<object>)set.MakeGenericMethod(entity.ClrType).Invoke(db, null)!;
            foreach (var row in await query.AsNoTracking().ToListAsync())
            {
                foreach (var p in props)
                {
                    if (p.GetValue(row) is string s) Add(values, s);
                }
            }
        }
        // Code tables (民族, 学历, 单位类型…) are reference data a tenant edits; their default values count as data too.
        foreach (var value in CodeTableCatalog.All.SelectMany(c => c.Defaults)) values.Add(value);
        return values.OrderByDescending(v => v.Length).ToList();
    }

    private static void Add(HashSet<string> values, string s)
    {
        if (Han().IsMatch(s))
        {
            values.Add(s);
            foreach (var line in s.Split('\n')) values.Add(line.Trim());
            // Long free text shown formatted (an article's Markdown: headings, lists, bold) is data in every run of it.
            if (s.Contains('\n')) foreach (var run in HanRun().Matches(s).Select(m => m.Value)) values.Add(run);
        }
        // JSON columns (a step's data) may hold Chinese escaped as \uXXXX: their string leaves are data too.
        if (s.TrimStart() is ['{' or '[', ..])
        {
            try
            {
                using var doc = JsonDocument.Parse(s);
                Leaves(doc.RootElement, values);
            }
            catch (JsonException)
            {
            }
        }
    }

    private static void Leaves(JsonElement e, HashSet<string> values)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String when Han().IsMatch(e.GetString()!): values.Add(e.GetString()!); break;
            case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) Leaves(p.Value, values); break;
            case JsonValueKind.Array: foreach (var i in e.EnumerateArray()) Leaves(i, values); break;
        }
    }

    /// <summary>What a reader sees: the text and the attributes shown as text (title, placeholder, labels), decoded.</summary>
    private static string Text(string html)
    {
        var body = OtherLanguage().Replace(ScriptOrStyle().Replace(html, " "), " ");
        var shown = string.Join(" ", ShownAttribute().Matches(body).Select(m => m.Groups["v"].Value));
        return WebUtility.HtmlDecode(Tag().Replace(body, " ") + " " + shown);
    }

    private static List<string> ChineseIn(string text, List<string> data)
    {
        // Regulations cited by the wording first; or else data first: a value that names a regulation (a question's
        // explanation citing 党章) is data as a whole. The page passes when either reading leaves no Chinese.
        var wordingFirst = Left(RemoveData(Regulation().Replace(text, " "), data));
        return wordingFirst.Count == 0 ? wordingFirst : Left(Regulation().Replace(RemoveData(text, data), " ")) is { Count: 0 } none ? none : wordingFirst;
    }

    private static string RemoveData(string text, List<string> data)
    {
        foreach (var value in data)
        {
            if (value.Length > 0) text = text.Replace(value, " ", StringComparison.Ordinal);
        }
        return text;
    }

    private static List<string> Left(string text) => HanRun().Matches(text).Select(m => m.Value).Distinct().ToList();

    [GeneratedRegex(@"\{\w+:guid\}")]
    private static partial Regex IdParameter();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}][\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\uFF00-\uFFEF\d]*")]
    private static partial Regex HanRun();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    // The language switch names Chinese in Chinese, marked lang="zh-CN" as HTML asks.
    [GeneratedRegex(@"<(a|span)\b[^>]*\blang=""zh[^""]*""[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex OtherLanguage();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\b(?:title|placeholder|aria-label|data-label|alt)=""(?<v>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex ShownAttribute();

    // 《中国共产党发展党员工作细则》第十条, and an article or chapter cited on its own (第十二条, 第三十一条第二款, 第五章).
    [GeneratedRegex(@"《[^》]*》(?:第[一二三四五六七八九十百零〇\d]+条(?:第[一二三四五六七八九十\d]+款)?[、和及]?)*|第[一二三四五六七八九十百零〇\d]+[条章](?:第[一二三四五六七八九十\d]+款)?")]
    private static partial Regex Regulation();
}
