using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Input;
using Dangjian.Web.Platform.Privacy;
using Microsoft.Extensions.Options;

namespace Dangjian.Tests.Security;

/// <summary>
/// Every text a request carries is bounded and free of control characters (issue 21, item 10): committee terms took
/// 1 MB strings and NUL characters. The API refuses them with a 400 naming each field by its JSON path, the pages
/// through the same check in the use cases, and a JSON body over <c>Input:MaxBodyBytes</c> is a 413.
/// </summary>
public sealed class TextLimitTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>A million characters: with the rest of the body still under <c>Input:MaxBodyBytes</c> (1 MiB), so the field itself is refused.</summary>
    private static readonly string Megabyte = new('x', 1_000_000);

    // ---- the rule for one value ----

    [Theory]
    [InlineData(10, false, 10, null, TextProblem.None)]
    [InlineData(10, false, 11, null, TextProblem.TooLong)]
    [InlineData(0, false, 1, null, TextProblem.TooLong)]
    [InlineData(10, false, 0, "a\nb", TextProblem.DisallowedCharacter)]
    [InlineData(10, true, 0, "a\nb", TextProblem.None)]
    [InlineData(10, false, 0, "a\r\nb", TextProblem.DisallowedCharacter)]
    [InlineData(10, true, 0, "a\r\nb", TextProblem.None)]
    [InlineData(10, false, 0, "a\tb", TextProblem.DisallowedCharacter)]
    [InlineData(10, true, 0, "a\tb", TextProblem.None)]
    [InlineData(10, false, 0, "a\0b", TextProblem.DisallowedCharacter)]
    [InlineData(10, true, 0, "a\0b", TextProblem.DisallowedCharacter)]
    [InlineData(10, true, 0, "a\u001Fb", TextProblem.DisallowedCharacter)]
    [InlineData(10, true, 0, "a\u007Fb", TextProblem.DisallowedCharacter)]
    [InlineData(10, true, 0, "a\u0085b", TextProblem.DisallowedCharacter)]
    [InlineData(10, true, 0, "a\u009Fb", TextProblem.DisallowedCharacter)]
    [InlineData(10, false, 0, "a\u00A0b", TextProblem.None)]
    [InlineData(10, false, 0, "a\u0020b~", TextProblem.None)]
    [InlineData(10, false, 0, "张三·李四", TextProblem.None)]
    [InlineData(10, false, 0, "𠀀𠀁", TextProblem.None)]
    public void TextRules_LengthAndCharacters(int limit, bool multiLine, int length, string? text, TextProblem expected) =>
        TextRules.Check(text ?? new string('字', length), limit, multiLine).ShouldBe(expected);

    [Theory]
    [InlineData('\uD800', "b")]
    [InlineData('\uD800', "")]
    [InlineData('\uDC00', "b")]
    public void TextRules_LoneSurrogate_Refused(char surrogate, string after) =>
        // (Built here: an attribute cannot carry a lone surrogate.)
        TextRules.Check("a" + surrogate + after, 10, true).ShouldBe(TextProblem.DisallowedCharacter);

    [Theory]
    [InlineData("https://example.com/", TextProblem.None)]
    [InlineData("", TextProblem.None)]
    [InlineData("javascript:alert(1)", TextProblem.NotHttpUrl)]
    [InlineData("https://example.com/\u0000", TextProblem.DisallowedCharacter)]
    public void TextRules_HttpUrlField(string text, TextProblem expected) => TextRules.Check(text, 400, false, httpUrl: true).ShouldBe(expected);

    // ---- the walk over a request: limits from attributes and settings, fields named as the client wrote them ----

    public sealed record Sample(
        [MaxLength(5)] string? Short, string? Plain, [MultiLine] string? Notes, [MultiLine, StringLength(8)] string? ShortNotes,
        IReadOnlyList<SampleItem>? Items, [MaxLength(3)] IReadOnlyList<string>? Tags, Dictionary<string, string>? Extra, [HttpUrl] string? HomeLink)
    {
        [MaxLength(4)] public string? Code { get; init; }
    }

    public sealed record SampleItem([MaxLength(3)] string? Name, SampleItem? Child);

    public static TheoryData<string, Sample, string?, TextProblem> Walks => new()
    {
        { "all within", new(Short: "12345", Plain: new string('a', 20), Notes: "a\nb", ShortNotes: "12345678", Items: [new("abc", new("xyz", null))], Tags: ["ab"], Extra: new() { ["k"] = "v" }, HomeLink: "https://x.cn/") { Code = "1234" }, null, TextProblem.None },
        { "parameter attribute: limit", new(Short: "123456", null, null, null, null, null, null, null), "short", TextProblem.TooLong },
        { "property attribute: limit", new(null, null, null, null, null, null, null, null) { Code = "12345" }, "code", TextProblem.TooLong },
        { "setting: single line at limit", new(null, Plain: new string('a', 20), null, null, null, null, null, null), null, TextProblem.None },
        { "setting: single line over limit", new(null, Plain: new string('a', 21), null, null, null, null, null, null), "plain", TextProblem.TooLong },
        { "setting: multi-line at limit", new(null, null, Notes: new string('a', 50), null, null, null, null, null), null, TextProblem.None },
        { "setting: multi-line over limit", new(null, null, Notes: new string('a', 51), null, null, null, null, null), "notes", TextProblem.TooLong },
        { "StringLength on a multi-line field", new(null, null, null, ShortNotes: "123456789", null, null, null, null), "shortNotes", TextProblem.TooLong },
        { "line break in a single-line field", new(null, Plain: "a\nb", null, null, null, null, null, null), "plain", TextProblem.DisallowedCharacter },
        { "line break in a multi-line field", new(null, null, Notes: "a\r\nb\tc", null, null, null, null, null), null, TextProblem.None },
        { "NUL in a multi-line field", new(null, null, Notes: "a\0b", null, null, null, null, null), "notes", TextProblem.DisallowedCharacter },
        { "list item", new(null, null, null, null, Items: [new("ok", null), new("ok", null), new("long", null)], null, null, null), "items[2].name", TextProblem.TooLong },
        { "nested object", new(null, null, null, null, Items: [new("ok", new("a\u007Fb", null))], null, null, null), "items[0].child.name", TextProblem.DisallowedCharacter },
        { "list of strings", new(null, null, null, null, null, Tags: ["ab", "abcd"], null, null), "tags[1]", TextProblem.TooLong },
        { "dictionary value", new(null, null, null, null, null, null, Extra: new() { ["key"] = "a\u0085" }, null), "extra[key]", TextProblem.DisallowedCharacter },
        { "dictionary key", new(null, null, null, null, null, null, Extra: new() { [new string('k', 21)] = "v" }, null), "extra[" + new string('k', 21) + "]", TextProblem.TooLong },
        { "link field", new(null, null, null, null, null, null, null, HomeLink: "javascript:alert(1)"), "homeLink", TextProblem.NotHttpUrl },
        { "null list item", new(null, null, null, null, Items: [new("ok", null), null!], null, null, null), "items[1]", TextProblem.NullItem },
        { "null string in a list", new(null, null, null, null, null, Tags: ["ab", null!], null, null), "tags[1]", TextProblem.NullItem },
    };

    public sealed record DatedSample(DateOnly? On, IReadOnlyList<DateTimeOffset>? At, DateTime? Local);

    [Theory]
    [InlineData("1899-12-31", "on")]
    [InlineData("1900-01-01", null)]
    [InlineData("2199-12-31", null)]
    [InlineData("2200-01-01", "on")]
    [InlineData("0001-01-01", "on")]
    [InlineData("9999-12-31", "on")]
    public void InputLimits_DatesOutsideTheCalendar_Refused(string date, string? field)
    {
        var limits = new InputLimits(Options.Create(new InputOptions()), Options.Create(new Microsoft.AspNetCore.Http.Json.JsonOptions()));
        var found = new List<TextViolation>();
        limits.Inspect(new DatedSample(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), null, null), "", limits.Default, found);
        found.Select(f => f.Field).ShouldBe(field is null ? [] : [field]);
        found.ShouldAllBe(f => f.Problem == TextProblem.DateOutOfRange);
    }

    [Fact]
    public void InputLimits_InstantsAndDateTimes_ByTheirYear()
    {
        var limits = new InputLimits(Options.Create(new InputOptions()), Options.Create(new Microsoft.AspNetCore.Http.Json.JsonOptions()));
        var found = new List<TextViolation>();
        limits.Inspect(new DatedSample(null, [new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero), DateTimeOffset.MaxValue], DateTime.MinValue), "", limits.Default, found);
        found.Select(f => (f.Field, f.Problem)).ShouldBe([("at[1]", TextProblem.DateOutOfRange), ("local", TextProblem.DateOutOfRange)]);
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public void InputLimits_WalksTheRequestAsJsonSeesIt(string _, Sample sample, string? field, TextProblem problem)
    {
        var limits = new InputLimits(Options.Create(new InputOptions { MaxTextLength = 20, MaxMultiLineLength = 50 }),
            Options.Create(new Microsoft.AspNetCore.Http.Json.JsonOptions()));
        var found = new List<TextViolation>();
        limits.Inspect(sample, "", limits.Default, found);
        if (field is null)
        {
            found.ShouldBeEmpty();
            return;
        }
        found.Select(f => (f.Field, f.Problem)).ShouldBe([(field, problem)]);
    }

    [Fact]
    public void HomeAddress_AtItsLimitInChinese_StillFitsTheEncryptedColumn()
    {
        var protector = app.Services.GetRequiredService<PersonalDataProtector>();
        var column = ColumnLength(typeof(Member), nameof(Member.HomeAddressEncrypted));
        protector.Encrypt(new string('巷', MemberFields.HomeAddressMaxLength))!.Length.ShouldBeLessThanOrEqualTo(column);
        // Characters outside the BMP count two in the limit and take four bytes, so they never do worse.
        protector.Encrypt(string.Concat(Enumerable.Repeat("𠀀", MemberFields.HomeAddressMaxLength / 2)))!.Length.ShouldBeLessThanOrEqualTo(column);
    }

    // ---- the API ----

    [Theory]
    [InlineData("electionMethod", "electionMethod 不能超过 100 个字符")]
    [InlineData("notes", "notes 不能超过 2000 个字符")]
    [InlineData("members[2].name", "members[2].name 不能超过 50 个字符")]
    public async Task CommitteeTerm_MegabyteString_Refused400NamingTheField(string field, string message)
    {
        var (tenant, branch, admin) = await BranchAsync();
        using (admin)
        {
            using var response = await admin.PostAsJsonAsync($"/api/v1/org-units/{branch.Id}/terms", new
            {
                startOn = "2026-11-01", electionMethod = field == "electionMethod" ? Megabyte : "差额选举", notes = field == "notes" ? Megabyte : null,
                members = new object[] { new { name = "张伟", post = "Secretary" }, new { name = "李娜" }, new { name = field == "members[2].name" ? Megabyte : "王磊" } },
            });
            var errors = (await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
            errors.Select(e => e.Key).ShouldBe([field]);
            errors[field]![0]!.GetValue<string>().ShouldBe(message);
            (await app.InTenantAsync(tenant.TenantId, db => db.CommitteeTerms.CountAsync())).ShouldBe(0);
        }
    }

    [Fact]
    public async Task CommitteeTerm_EveryFieldTooLong_OneAnswerNamingEach()
    {
        var (tenant, branch, admin) = await BranchAsync();
        using (admin)
        {
            var tooLong = new string('长', 10_000);
            using var response = await admin.PostAsJsonAsync($"/api/v1/org-units/{branch.Id}/terms", new
            {
                startOn = "2026-11-01", electionMethod = tooLong, notes = tooLong,
                members = new object[] { new { name = "张伟", post = "Secretary" }, new { name = "李娜" }, new { name = tooLong } },
            });
            var errors = (await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
            errors.Select(e => e.Key).ShouldBe(["electionMethod", "notes", "members[2].name"], ignoreOrder: true);
            errors["electionMethod"]![0]!.GetValue<string>().ShouldBe("electionMethod 不能超过 100 个字符");
            errors["notes"]![0]!.GetValue<string>().ShouldBe("notes 不能超过 2000 个字符");
            errors["members[2].name"]![0]!.GetValue<string>().ShouldBe("members[2].name 不能超过 50 个字符");
            (await app.InTenantAsync(tenant.TenantId, db => db.CommitteeTerms.CountAsync())).ShouldBe(0);
        }
    }

    [Fact]
    public async Task CommitteeTerm_AtTheLimits_Taken()
    {
        var (tenant, branch, admin) = await BranchAsync();
        using (admin)
        {
            using var response = await admin.PostAsJsonAsync($"/api/v1/org-units/{branch.Id}/terms", new
            {
                startOn = "2026-11-01", electionMethod = new string('差', 100), notes = string.Join("\n", Enumerable.Repeat(new string('记', 99), 20)),
                members = new object[] { new { name = new string('名', 50), post = "Secretary" } },
            });
            await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
            var stored = await app.InTenantAsync(tenant.TenantId, db => db.CommitteeTerms.Include(t => t.Members).SingleAsync());
            stored.ElectionMethod!.Length.ShouldBe(100);
            stored.Notes!.Length.ShouldBe(1999);
            stored.Members.Single().Name.Length.ShouldBe(50);
        }
    }

    [Theory]
    [InlineData("张\0伟")]
    [InlineData("张伟\u0007")]
    [InlineData("张\n伟")]
    [InlineData("张\u0085伟")]
    public async Task CommitteeTerm_ControlCharacterInAName_Refused400NamingTheField(string name)
    {
        var (tenant, branch, admin) = await BranchAsync();
        using (admin)
        {
            using var response = await admin.PostAsJsonAsync($"/api/v1/org-units/{branch.Id}/terms", new
            {
                startOn = "2026-11-01", members = new object[] { new { name = "李娜", post = "Secretary" }, new { name } },
            });
            var errors = (await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
            errors.Select(e => e.Key).ShouldBe(["members[1].name"]);
            errors["members[1].name"]![0]!.GetValue<string>().ShouldBe("members[1].name 含有不允许的字符（控制字符或无效编码）");
            (await app.InTenantAsync(tenant.TenantId, db => db.CommitteeMembers.CountAsync())).ShouldBe(0);
        }
    }

    [Fact]
    public async Task CommitteeTerm_LineBreaksInNotes_Taken_ButNotNul()
    {
        var (tenant, branch, admin) = await BranchAsync();
        using (admin)
        {
            using var nul = await admin.PostAsJsonAsync($"/api/v1/org-units/{branch.Id}/terms", new { startOn = "2026-11-01", notes = "第一行\0" });
            (await nul.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["notes"]);
            using var lines = await admin.PostAsJsonAsync($"/api/v1/org-units/{branch.Id}/terms", new { startOn = "2026-11-01", notes = "第一行\r\n\t第二行" });
            await lines.ShouldHaveStatusAsync(HttpStatusCode.Created);
            (await app.InTenantAsync(tenant.TenantId, db => db.CommitteeTerms.Select(t => t.Notes).SingleAsync())).ShouldBe("第一行\r\n\t第二行");
        }
    }

    [Fact]
    public async Task AddCommitteeMember_NulInName_Refused400()
    {
        var (tenant, branch, admin) = await BranchAsync();
        using (admin)
        {
            using var created = await admin.PostAsJsonAsync($"/api/v1/org-units/{branch.Id}/terms", new { startOn = "2026-11-01" });
            var termId = (await created.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
            using var response = await admin.PostAsJsonAsync($"/api/v1/org-units/{branch.Id}/terms/{termId}/members", new { name = "王\0磊" });
            (await response.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["name"]);
            (await app.InTenantAsync(tenant.TenantId, db => db.CommitteeMembers.CountAsync())).ShouldBe(0);
        }
    }

    [Fact]
    public async Task QueryString_TooLongOrWithControlCharacters_Refused400NamingTheParameter()
    {
        var (tenant, _, admin) = await BranchAsync();
        using (admin)
        {
            var users = $"/api/v1/users?orgUnitId={tenant.Root.Id}&search=";
            using var tooLong = await admin.GetAsync(users + new string('a', 201));
            (await tooLong.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!["search"].ShouldNotBeNull();
            using var nul = await admin.GetAsync(users + "a%00b");
            (await nul.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!["search"].ShouldNotBeNull();
            using var fine = await admin.GetAsync(users + new string('a', 200));
            await fine.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task JsonBodyOverTheLimit_WithItsLength_413()
    {
        var (_, branch, admin) = await BranchAsync();
        using (admin)
        {
            // Many short names: every field is within its limit, only the body as a whole is too large. (Without a start
            // date, so that were the body read, the use case would refuse it at once.)
            var names = string.Join(",", Enumerable.Repeat("{\"name\":\"张伟\"}", 80_000));
            using var content = new StringContent($"{{\"members\":[{names}]}}", Encoding.UTF8, "application/json");
            content.Headers.ContentLength.ShouldNotBeNull();
            using var response = await admin.PostAsync($"/api/v1/org-units/{branch.Id}/terms", content);
            var problem = (await response.ShouldHaveStatusAsync(HttpStatusCode.RequestEntityTooLarge))!;
            problem.Str("title").ShouldBe("请求内容过大");
        }
    }

    [Fact]
    public async Task JsonBodyOverTheLimit_SentWithoutALength_413()
    {
        var (tenant, branch, admin) = await BranchAsync();
        using (admin)
        {
            var body = new JsonObject
            {
                ["members"] = new JsonArray([.. Enumerable.Range(0, 80_000).Select(_ => (JsonNode)new JsonObject { ["name"] = "张伟" })]),
            };
            using var content = JsonContent.Create(body);
            using var response = await admin.PostAsync($"/api/v1/org-units/{branch.Id}/terms", content);
            await response.ShouldHaveStatusAsync(HttpStatusCode.RequestEntityTooLarge);
            (await app.InTenantAsync(tenant.TenantId, db => db.CommitteeTerms.CountAsync())).ShouldBe(0);
        }
    }

    // ---- the pages: the same check through the use cases they call ----

    [Theory]
    [InlineData("张\u0007伟")]
    [InlineData("张\u0085伟")]
    [InlineData("张\n伟")]
    public async Task CommitteePage_ControlCharacterInAName_RefusedOnThePage_NothingSaved(string name)
    {
        var (tenant, branch, admin) = await BranchAsync();
        using (admin)
        {
            using var refused = await admin.PostFormAsync($"/org/{branch.Id}/committee", "election", new()
            {
                ["Input.StartOn"] = "2026-11-01", ["Input.ElectionMethod"] = "差额选举", ["Input.Names[0]"] = name, ["Input.Posts[0]"] = "Secretary",
            });
            var html = await refused.Content.ReadAsStringAsync();
            refused.StatusCode.ShouldBe(HttpStatusCode.OK, html);
            html.ShouldContain("members[0].name 含有不允许的字符（控制字符或无效编码）");
            (await app.InTenantAsync(tenant.TenantId, db => db.CommitteeTerms.CountAsync())).ShouldBe(0);
        }
    }

    [Fact]
    public async Task CommitteePage_NulInAName_RefusedBeforeThePage_NothingSaved()
    {
        var (tenant, branch, admin) = await BranchAsync();
        using (admin)
        {
            // A form carrying NUL does not get past ASP.NET Core's own antiforgery check (400); it never reaches the page.
            using var refused = await admin.PostFormAsync($"/org/{branch.Id}/committee", "election", new()
            {
                ["Input.StartOn"] = "2026-11-01", ["Input.ElectionMethod"] = "差额选举", ["Input.Names[0]"] = "张\0伟", ["Input.Posts[0]"] = "Secretary",
            });
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await app.InTenantAsync(tenant.TenantId, db => db.CommitteeTerms.CountAsync())).ShouldBe(0);
        }
    }

    [Fact]
    public async Task CommitteePage_ElectionMethodOverItsLimit_Refused_NothingSaved()
    {
        var (tenant, branch, admin) = await BranchAsync();
        using (admin)
        {
            using var refused = await admin.PostFormAsync($"/org/{branch.Id}/committee", "election", new()
            {
                ["Input.StartOn"] = "2026-11-01", ["Input.ElectionMethod"] = new string('差', 101), ["Input.Names[0]"] = "张伟", ["Input.Posts[0]"] = "Secretary",
            });
            (await refused.Content.ReadAsStringAsync()).ShouldContain("electionMethod 不能超过 100 个字符");
            (await app.InTenantAsync(tenant.TenantId, db => db.CommitteeTerms.CountAsync())).ShouldBe(0);
        }
    }

    [Fact]
    public async Task NewMeetingPage_ControlCharacterInTopic_Refused_NothingSaved()
    {
        var (tenant, branch, admin) = await BranchAsync();
        using (admin)
        {
            var start = app.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).AddDays(3);
            using var refused = await admin.PostFormAsync($"/meetings/new?unit={branch.Id}", "meeting-new", new()
            {
                ["Form.Type"] = "ThemeDay", ["Form.Topic"] = "主题党日\u0007", ["Form.Mode"] = "Onsite", ["Form.Place"] = new string('楼', 201),
                ["Form.StartsAt"] = start.ToString("yyyy-MM-dd'T'HH:mm"), ["Form.EndsAt"] = start.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm"),
            });
            var html = await refused.Content.ReadAsStringAsync();
            html.ShouldContain("topic 含有不允许的字符（控制字符或无效编码）");
            html.ShouldContain("place 不能超过 200 个字符");
            (await app.InTenantAsync(tenant.TenantId, db => db.Meetings.CountAsync())).ShouldBe(0);
        }
    }

    private int ColumnLength(Type entity, string property)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Dangjian.Web.Data.AppDbContext>();
        return db.Model.FindEntityType(entity)!.FindProperty(property)!.GetMaxLength()!.Value;
    }

    private async Task<(TestTenant Tenant, OrgUnit Branch, HttpClient Admin)> BranchAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        await tenant.AddMembersAsync(branch, 8);
        return (tenant, branch, await app.ClientForAsync(tenant.Admin));
    }
}
