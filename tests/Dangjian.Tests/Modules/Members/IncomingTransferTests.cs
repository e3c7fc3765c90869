using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Members.Transfers;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;

namespace Dangjian.Tests.Modules.Members;

/// <summary>
/// 转入: a letter from outside the tenant is registered by the receiving branch; the person goes on the roll only when
/// the branch accepts (第二十五条). Today is 2026-11-22 (China time) unless a test moves the clock.
/// </summary>
public sealed class IncomingTransferTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Url = "/api/v1/incoming-transfers";

    private sealed record World(TestTenant Tenant, OrgUnit Branch, OrgUnit Other, TestUser SecretaryUser, HttpClient Secretary, HttpClient Admin);

    private async Task<World> WorldAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var branch = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var other = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var secretary = await tenant.AddUserAsync(branch, AppRole.BranchSecretary);
        return new World(tenant, branch, other, secretary, await app.ClientForAsync(secretary), await app.ClientForAsync(tenant.Admin));
    }

    /// <summary>A valid 公民身份号码 born on 1985-06-15, told apart by its sequence number.</summary>
    private static string IdNumber(int sequence)
    {
        var first17 = $"11010519850615{sequence:000}";
        return first17 + IdNumberRules.CheckChar(first17);
    }

    /// <summary>A letter issued on 2026-11-10, valid until 2026-12-10, for a full member; change any field by name.</summary>
    private static Dictionary<string, object?> Letter(Guid unitId, string idNumber, params (string Field, object? Value)[] changes)
    {
        var letter = new Dictionary<string, object?>
        {
            ["orgUnitId"] = unitId, ["letterNumber"] = "京组转〔2026〕118号", ["issuedBy"] = "中共北京市某区某局机关委员会",
            ["issuedOn"] = "2026-11-10", ["validUntil"] = "2026-12-10", ["name"] = "王转入", ["idNumber"] = idNumber, ["category"] = "Full",
            ["joinedOn"] = "2012-07-01", ["fullMemberOn"] = "2013-07-01", ["duesPaidUntil"] = "2026-10", ["mobile"] = "13900001111",
        };
        foreach (var (field, value) in changes) letter[field] = value;
        return letter;
    }

    private static async Task<Guid> RegisterAsync(HttpClient client, Dictionary<string, object?> letter)
    {
        using var r = await client.PostAsJsonAsync(Url, letter);
        return (await r.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
    }

    private async Task<Member?> MemberByIdNumberAsync(Guid tenantId, string idNumber)
    {
        await using var scope = app.Scope(tenantId);
        var hash = scope.ServiceProvider.GetRequiredService<Web.Platform.Privacy.PersonalDataProtector>().Hash(idNumber);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Members.AsNoTracking().SingleOrDefaultAsync(m => m.IdNumberHash == hash);
    }

    // ---------------------------------------------------------------- registration

    [Fact]
    public async Task Register_EmptyLetter_BadRequestNamingEveryFieldInChinese()
    {
        var w = await WorldAsync();
        using var r = await w.Secretary.PostAsJsonAsync(Url, new { orgUnitId = w.Branch.Id });
        var errors = (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
        var expected = new Dictionary<string, string>
        {
            ["letterNumber"] = "介绍信编号", ["issuedBy"] = "开具介绍信的党组织", ["issuedOn"] = "开具日期", ["validUntil"] = "有效期至",
            ["name"] = "姓名", ["idNumber"] = "公民身份号码", ["category"] = "人员类别", ["joinedOn"] = "加入党组织日期",
        };
        errors.Select(e => e.Key).Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal));
        foreach (var (field, label) in expected) errors[field]![0]!.GetValue<string>().ShouldContain(label);
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.IncomingTransfers.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData("idNumber", "110105198506150010", "校验位")]
    [InlineData("idNumber", "11010519850615001", "18 位")]
    [InlineData("category", "Activist", "预备党员或正式党员")]
    [InlineData("category", "4", "预备党员或正式党员")]
    [InlineData("issuedOn", "2026-11-23", "开具日期不能晚于今天")]
    [InlineData("validUntil", "2026-11-09", "有效期至不能早于开具日期")]
    [InlineData("validUntil", "2027-02-09", "90 天")]
    [InlineData("fullMemberOn", null, "转为正式党员日期")]
    [InlineData("fullMemberOn", "2011-07-01", "不能早于加入党组织日期")]
    [InlineData("duesPaidUntil", "2026/10", "党费交至")]
    [InlineData("mobile", "2390000111", "手机号码")]
    [InlineData("letterNumber", "  ", "介绍信编号")]
    public async Task Register_OneBadField_BadRequestNamingThatField(string field, string? value, string fragment)
    {
        var w = await WorldAsync();
        using var r = await w.Secretary.PostAsJsonAsync(Url, Letter(w.Branch.Id, IdNumber(1), (field, value)));
        var errors = (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe([field]);
        errors[field]![0]!.GetValue<string>().ShouldContain(fragment);
    }

    [Fact]
    public async Task Register_ProbationaryWithFullMemberDate_Refused()
    {
        var w = await WorldAsync();
        using var r = await w.Secretary.PostAsJsonAsync(Url, Letter(w.Branch.Id, IdNumber(1), ("category", "Probationary")));
        (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!["fullMemberOn"]![0]!.GetValue<string>().ShouldContain("预备党员");
        await RegisterAsync(w.Secretary, Letter(w.Branch.Id, IdNumber(1), ("category", "probationary"), ("fullMemberOn", null)));
    }

    [Fact]
    public async Task Register_ToPartyCommittee_RefusedAsNotABranch()
    {
        var w = await WorldAsync();
        using var r = await w.Admin.PostAsJsonAsync(Url, Letter(w.Tenant.Root.Id, IdNumber(1)));
        (await r.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.Str("code").ShouldBe("TRANSFER_TO_BRANCH");
    }

    [Fact]
    public async Task Register_SecondPendingLetterForSameId_Conflict()
    {
        var w = await WorldAsync();
        await RegisterAsync(w.Secretary, Letter(w.Branch.Id, IdNumber(1)));
        using var again = await w.Admin.PostAsJsonAsync(Url, Letter(w.Other.Id, IdNumber(1), ("letterNumber", "京组转〔2026〕119号")));
        (await again.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!.Str("code").ShouldBe("INCOMING_PENDING");
    }

    [Fact]
    public async Task Register_StoresIdEncryptedAndShowsItMasked_NotOnRollBeforeAcceptance()
    {
        var w = await WorldAsync();
        var id = IdNumber(7);
        var letterId = await RegisterAsync(w.Secretary, Letter(w.Branch.Id, id));

        using (var got = await w.Secretary.GetAsync($"{Url}/{letterId}"))
        {
            var text = await got.Content.ReadAsStringAsync();
            var body = (await got.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
            body.Str("idNumberMasked").ShouldBe(IdNumberRules.Mask(id));
            body.Str("status").ShouldBe("Pending");
            body.Str("duesPaidUntil").ShouldBe("2026-10");
            text.ShouldNotContain(id);
            text.ShouldNotContain("13900001111");
        }
        var stored = await app.InTenantAsync(w.Tenant.TenantId, db => db.IncomingTransfers.AsNoTracking().SingleAsync(t => t.Id == letterId));
        stored.IdNumberEncrypted.ShouldNotContain(id);
        stored.IdNumberHash.ShouldNotBe(id);
        stored.IdNumberHash.Length.ShouldBe(64);
        stored.MobileEncrypted!.ShouldNotContain("13900001111");

        // 第二十五条: not on the roll until the branch accepts.
        (await w.Secretary.GetJsonAsync($"/api/v1/members?orgUnitId={w.Branch.Id}"))["total"]!.GetValue<int>().ShouldBe(0);
        (await MemberByIdNumberAsync(w.Tenant.TenantId, id)).ShouldBeNull();
    }

    // ---------------------------------------------------------------- acceptance

    [Fact]
    public async Task Accept_ValidLetter_MemberOnBranchRollWithMaskedIdAuditedAndSlip()
    {
        var w = await WorldAsync();
        var id = IdNumber(8);
        var letterId = await RegisterAsync(w.Secretary, Letter(w.Branch.Id, id));

        using var accepted = await w.Secretary.PostAsync($"{Url}/{letterId}/accept", null);
        var body = (await accepted.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        body.Str("status").ShouldBe("Accepted");
        body["returning"]!.GetValue<bool>().ShouldBeFalse();
        var memberId = body.Id("memberId");

        using var list = await w.Secretary.GetAsync($"/api/v1/members?orgUnitId={w.Branch.Id}");
        var listText = await list.Content.ReadAsStringAsync();
        var items = (await list.ShouldHaveStatusAsync(HttpStatusCode.OK))!["items"]!.AsArray();
        items.Select(i => i!.Id()).ShouldBe([memberId]);
        items[0]!.Str("name").ShouldBe("王转入");
        items[0]!.Str("idNumberMasked").ShouldBe("1101**********" + id[^4..]);
        listText.ShouldNotContain(id);

        var member = (await MemberByIdNumberAsync(w.Tenant.TenantId, id))!;
        member.Id.ShouldBe(memberId);
        (member.OrgUnitId, member.OrgPath, member.Status, member.Category).ShouldBe((w.Branch.Id, w.Branch.Path, MembershipStatus.Normal, MemberCategory.Full));
        // Birth date and sex from the number: born 1985-06-15, sequence 008 is even, so female.
        (member.JoinedOn, member.FullMemberOn, member.BirthDate, member.Gender)
            .ShouldBe((new DateOnly(2012, 7, 1), new DateOnly(2013, 7, 1), new DateOnly(1985, 6, 15), Gender.Female));
        member.DuesSettledUntil.ShouldBe(new DateOnly(2026, 10, 1));
        member.IdNumberEncrypted!.ShouldNotContain(id);

        // The letter's decision and the new record are in the audit log; the acceptance is on the ledger.
        await app.InTenantAsync(w.Tenant.TenantId, async db =>
        {
            var audit = await db.AuditEntries.Where(a => a.EntityId == letterId.ToString() || a.EntityId == memberId.ToString())
                .Select(a => new { a.EntityType, a.Action, a.After }).ToListAsync();
            audit.ShouldContain(a => a.EntityType == "IncomingTransfer" && a.Action == "Modified" && a.After!.Contains("Accepted"));
            audit.ShouldContain(a => a.EntityType == "Member" && a.Action == "Added");
            (await db.LedgerEntries.CountAsync(e => e.Kind == "member.transfer.incoming.accepted" && e.SubjectId == letterId.ToString())).ShouldBe(1);
        });

        // Accepted once only.
        using var twice = await w.Secretary.PostAsync($"{Url}/{letterId}/accept", null);
        (await twice.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!.Str("code").ShouldBe("TRANSFER_DECIDED");
    }

    [Fact]
    public async Task Accept_ProbationaryWithoutMobileOrDues_CreatedAsProbationary()
    {
        var w = await WorldAsync();
        var id = IdNumber(9);
        var letterId = await RegisterAsync(w.Secretary, Letter(w.Branch.Id, id,
            ("category", "Probationary"), ("joinedOn", "2026-05-20"), ("fullMemberOn", null), ("duesPaidUntil", null), ("mobile", null)));
        using (var accepted = await w.Secretary.PostAsync($"{Url}/{letterId}/accept", null))
        {
            await accepted.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        var member = (await MemberByIdNumberAsync(w.Tenant.TenantId, id))!;
        (member.Category, member.JoinedOn, member.FullMemberOn, member.DuesSettledUntil, member.MobileEncrypted)
            .ShouldBe((MemberCategory.Probationary, new DateOnly(2026, 5, 20), (DateOnly?)null, (DateOnly?)null, (string?)null));
    }

    [Theory]
    [InlineData("2026-11-22", true)]   // valid until today: still acceptable
    [InlineData("2026-11-21", false)]  // valid until yesterday: expired
    public async Task Accept_AroundValidUntil_TodayAcceptedYesterdayRefusedNamingArticle(string validUntil, bool acceptable)
    {
        var w = await WorldAsync();
        var id = IdNumber(10);
        var letterId = await RegisterAsync(w.Secretary, Letter(w.Branch.Id, id, ("issuedOn", "2026-10-25"), ("validUntil", validUntil)));
        var listed = await w.Secretary.GetJsonAsync($"{Url}?orgUnitId={w.Branch.Id}&status=Pending");
        listed["items"]![0]!["expired"]!.GetValue<bool>().ShouldBe(!acceptable);

        using var r = await w.Secretary.PostAsync($"{Url}/{letterId}/accept", null);
        if (acceptable)
        {
            await r.ShouldHaveStatusAsync(HttpStatusCode.OK);
            (await MemberByIdNumberAsync(w.Tenant.TenantId, id)).ShouldNotBeNull();
            return;
        }
        var problem = (await r.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!;
        problem.Str("code").ShouldBe("TRANSFER_LETTER_EXPIRED");
        problem.Str("article").ShouldBe("《中国共产党党员教育管理工作条例》第二十五条");
        problem.Str("detail").ShouldContain("重新开具");
        (await MemberByIdNumberAsync(w.Tenant.TenantId, id)).ShouldBeNull();
        (await w.Secretary.GetJsonAsync($"{Url}/{letterId}")).Str("status").ShouldBe("Pending");
    }

    [Fact]
    public async Task Accept_AfterMidnightChinaTimeButSameUtcDay_LetterOfYesterdayExpired()
    {
        var w = await WorldAsync();
        var letterId = await RegisterAsync(w.Secretary, Letter(w.Branch.Id, IdNumber(11), ("validUntil", "2026-11-22")));
        var start = app.Clock.GetUtcNow();
        // 2026-11-22 16:30 UTC is 2026-11-23 00:30 in China: the letter ran out at midnight Beijing time.
        app.Clock.Set(new DateTimeOffset(2026, 11, 22, 16, 30, 0, TimeSpan.Zero));
        try
        {
            using var secretary = await app.ClientForAsync(w.SecretaryUser);
            using var r = await secretary.PostAsync($"{Url}/{letterId}/accept", null);
            (await r.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.Str("code").ShouldBe("TRANSFER_LETTER_EXPIRED");
        }
        finally
        {
            app.Clock.Set(start);
        }
    }

    [Fact]
    public async Task Reject_WithoutReason_BadRequestAndStillPending_ThenWithReasonRejected()
    {
        var w = await WorldAsync();
        var letterId = await RegisterAsync(w.Secretary, Letter(w.Branch.Id, IdNumber(12)));
        using (var noReason = await w.Secretary.PostAsJsonAsync($"{Url}/{letterId}/reject", new { reason = "  " }))
        {
            (await noReason.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!["reason"]![0]!.GetValue<string>().ShouldContain("理由");
        }
        (await w.Secretary.GetJsonAsync($"{Url}/{letterId}")).Str("status").ShouldBe("Pending");

        using (var rejected = await w.Secretary.PostAsJsonAsync($"{Url}/{letterId}/reject", new { reason = "该同志未在我单位就业" }))
        {
            (await rejected.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("status").ShouldBe("Rejected");
        }
        var letter = await w.Secretary.GetJsonAsync($"{Url}/{letterId}");
        (letter.Str("status"), letter.Str("decisionNote"), letter.Str("decidedOn")).ShouldBe(("Rejected", "该同志未在我单位就业", "2026-11-22"));
        using var late = await w.Secretary.PostAsync($"{Url}/{letterId}/accept", null);
        (await late.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!.Str("code").ShouldBe("TRANSFER_DECIDED");
        (await MemberByIdNumberAsync(w.Tenant.TenantId, IdNumber(12))).ShouldBeNull();
    }

    // ---------------------------------------------------------------- the same person again

    [Fact]
    public async Task Accept_PersonWhoTransferredOut_SameRecordReactivatedOnNewBranchWithHistory()
    {
        var w = await WorldAsync();
        var id = IdNumber(13);
        using (var created = await w.Admin.PostAsJsonAsync("/api/v1/members",
                   new { orgUnitId = w.Other.Id, name = "王转入", idNumber = id, category = "Probationary", joinedOn = "2012-07-01" }))
        {
            await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
        var before = (await MemberByIdNumberAsync(w.Tenant.TenantId, id))!;
        using (var issued = await w.Admin.PostAsJsonAsync($"/api/v1/members/{before.Id}/transfers", new { kind = "Outgoing", destination = "中共北京市某区某局机关委员会" }))
        {
            var outgoing = (await issued.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
            using var slip = await w.Admin.PostAsync($"/api/v1/transfers/{outgoing}/return-slip", null);
            await slip.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        (await MemberByIdNumberAsync(w.Tenant.TenantId, id))!.Status.ShouldBe(MembershipStatus.TransferredOut);

        var letterId = await RegisterAsync(w.Secretary, Letter(w.Branch.Id, id));
        using var accepted = await w.Secretary.PostAsync($"{Url}/{letterId}/accept", null);
        var body = (await accepted.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
        body.Id("memberId").ShouldBe(before.Id);
        body["returning"]!.GetValue<bool>().ShouldBeTrue();

        var after = (await MemberByIdNumberAsync(w.Tenant.TenantId, id))!;
        (after.Id, after.OrgUnitId, after.OrgPath, after.Status, after.Category).ShouldBe(
            (before.Id, w.Branch.Id, w.Branch.Path, MembershipStatus.Normal, MemberCategory.Full));
        after.CreatedAt.ShouldBe(before.CreatedAt);
        await app.InTenantAsync(w.Tenant.TenantId, async db =>
        {
            // History kept: the old transfer out, and the audit entry of the change with what the record said before.
            (await db.MemberTransfers.CountAsync(t => t.MemberId == before.Id && t.Status == TransferStatus.Accepted)).ShouldBe(1);
            var changes = await db.AuditEntries.Where(a => a.EntityType == "Member" && a.EntityId == before.Id.ToString() && a.Action == "Modified")
                .Select(a => a.Before).ToListAsync();
            changes.ShouldContain(b => b!.Contains("TransferredOut") && b.Contains(w.Other.Id.ToString()));
        });
    }

    [Theory]
    [InlineData(MembershipStatus.Normal)]
    [InlineData(MembershipStatus.Suspended)]
    [InlineData(MembershipStatus.Left)]
    [InlineData(MembershipStatus.Deceased)]
    public async Task Accept_IdOnRollNotTransferredOut_ConflictAndNothingChanged(MembershipStatus status)
    {
        var w = await WorldAsync();
        var id = IdNumber(14);
        var letterId = await RegisterAsync(w.Secretary, Letter(w.Branch.Id, id));
        // The same number put on another branch's roll after the letter was registered.
        using (var created = await w.Admin.PostAsJsonAsync("/api/v1/members",
                   new { orgUnitId = w.Other.Id, name = "王某", idNumber = id, category = "Full", joinedOn = "2012-07-01" }))
        {
            await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
        var existing = (await MemberByIdNumberAsync(w.Tenant.TenantId, id))!;
        await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.Where(m => m.Id == existing.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status)));

        using var r = await w.Secretary.PostAsync($"{Url}/{letterId}/accept", null);
        var problem = (await r.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!;
        problem.Str("code").ShouldBe("INCOMING_ALREADY_ON_ROLL");
        problem.Str("title").ShouldContain("已在本单位党员信息库中");
        var unchanged = (await MemberByIdNumberAsync(w.Tenant.TenantId, id))!;
        (unchanged.OrgUnitId, unchanged.Status, unchanged.Name).ShouldBe((w.Other.Id, status, "王某"));
        (await w.Secretary.GetJsonAsync($"{Url}/{letterId}")).Str("status").ShouldBe("Pending");
    }

    [Fact]
    public async Task Register_IdOfMemberOnRoll_Conflict()
    {
        var w = await WorldAsync();
        using (var created = await w.Admin.PostAsJsonAsync("/api/v1/members",
                   new { orgUnitId = w.Other.Id, name = "王某", idNumber = IdNumber(15), category = "Full", joinedOn = "2012-07-01" }))
        {
            await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
        using var r = await w.Secretary.PostAsJsonAsync(Url, Letter(w.Branch.Id, IdNumber(15)));
        (await r.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!.Str("code").ShouldBe("INCOMING_ALREADY_ON_ROLL");
    }

    // ---------------------------------------------------------------- dues

    [Fact]
    public async Task Accept_DuesPaidUntilJuly_MonthsUpToJulyNeitherBilledNorArrears()
    {
        var w = await WorldAsync();
        var letterId = await RegisterAsync(w.Secretary, Letter(w.Branch.Id, IdNumber(16), ("duesPaidUntil", "2026-07")));
        Guid memberId;
        using (var accepted = await w.Secretary.PostAsync($"{Url}/{letterId}/accept", null))
        {
            memberId = (await accepted.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Id("memberId");
        }
        var control = (await w.Tenant.AddMembersAsync(w.Branch, 1))[0];
        foreach (var id in new[] { memberId, control.Id })
        {
            using var r = await w.Secretary.PostAsJsonAsync($"/api/v1/members/{id}/dues/bases",
                new { effectiveMonth = "2026-01", category = "Serving", baseFen = 300_000 });
            await r.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }

        // Up to last month (October): the control has ten unpaid months; the arrival only August–October.
        var report = await w.Secretary.GetJsonAsync($"/api/v1/dues/arrears?orgUnitId={w.Branch.Id}");
        var byId = report["items"]!.AsArray().ToDictionary(i => i!.Id("memberId"), i => i!);
        byId[control.Id]["months"]!.GetValue<int>().ShouldBe(10);
        (byId[memberId]["months"]!.GetValue<int>(), byId[memberId].Str("since")).ShouldBe((3, "2026-08"));

        var bills = await w.Secretary.GetJsonAsync($"/api/v1/members/{memberId}/dues?year=2026");
        bills.Str("settledElsewhereUntil").ShouldBe("2026-07");
        var statuses = bills["bills"]!.AsArray().Select(b => b!.Str("status")).ToList();
        statuses.Take(7).ShouldAllBe(s => s == "settledElsewhere");
        statuses.Skip(7).Take(4).ShouldAllBe(s => s == "unpaid");  // August–November
        bills["bills"]![6]!["amountFen"]!.GetValue<long>().ShouldBe(0);
        var page = await w.Secretary.GetStringAsync($"/members/{memberId}/dues?year=2026");
        page.ShouldContain("党费已在原党组织交至 2026-07");
        page.ShouldContain("已在原组织交纳");

        // A month paid at the former organisation cannot be paid again here.
        using var paid = await w.Secretary.PostAsJsonAsync($"/api/v1/members/{memberId}/dues/payments",
            new { month = "2026-07", amountFen = 1_500, paidOn = "2026-11-22", method = "Self" });
        var refused = (await paid.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!;
        (refused.Str("code"), refused.Str("article")).ShouldBe(("DUES_SETTLED_ELSEWHERE", "《关于中国共产党党费收缴、使用和管理的规定》第九条"));
        refused.Str("title").ShouldContain("党费交至 2026-07");

        // The collection counts the arrival as due from August only: January has one bill (the control's), August two.
        var collection = await w.Secretary.GetJsonAsync($"/api/v1/dues/collection?orgUnitId={w.Branch.Id}&year=2026");
        var months = collection["months"]!.AsArray();
        (months[0]!["dueCount"]!.GetValue<int>(), months[7]!["dueCount"]!.GetValue<int>()).ShouldBe((1, 2));
    }

    // ---------------------------------------------------------------- scope

    [Fact]
    public async Task OtherBranchAndViewOnlyRoles_NeitherSeeNorDecide()
    {
        var w = await WorldAsync();
        var letterId = await RegisterAsync(w.Secretary, Letter(w.Branch.Id, IdNumber(17)));

        using (var sibling = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Other, AppRole.BranchSecretary)))
        {
            (await sibling.GetAsync($"{Url}/{letterId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await sibling.PostAsync($"{Url}/{letterId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await sibling.PostAsJsonAsync($"{Url}/{letterId}/reject", new { reason = "越权" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await sibling.GetAsync($"{Url}?orgUnitId={w.Branch.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await sibling.GetJsonAsync($"{Url}?orgUnitId={w.Other.Id}"))["total"]!.GetValue<int>().ShouldBe(0);
            (await sibling.PostAsJsonAsync(Url, Letter(w.Branch.Id, IdNumber(18)))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        // A role that may look but not manage: sees the letter, may not decide it.
        using (var observer = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Branch, AppRole.Observer)))
        {
            (await observer.GetJsonAsync($"{Url}/{letterId}")).Str("name").ShouldBe("王转入");
            (await observer.PostAsync($"{Url}/{letterId}/accept", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await observer.PostAsJsonAsync($"{Url}/{letterId}/reject", new { reason = "越权" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        // The committee above sees its branches' letters; a role held on the committee alone does not.
        (await w.Admin.GetJsonAsync($"{Url}?orgUnitId={w.Tenant.Root.Id}"))["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([letterId]);
        using (var ownUnit = await app.ClientForAsync(await w.Tenant.AddUserAsync(w.Tenant.Root, AppRole.OrganizationCommissioner, DataScope.OwnUnit)))
        {
            (await ownUnit.GetJsonAsync($"{Url}?orgUnitId={w.Tenant.Root.Id}"))["total"]!.GetValue<int>().ShouldBe(0);
            (await ownUnit.GetAsync($"{Url}/{letterId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        (await w.Secretary.GetJsonAsync($"{Url}/{letterId}")).Str("status").ShouldBe("Pending");
    }

    [Fact]
    public async Task MoveBranch_PendingLetterFollowsIt()
    {
        var w = await WorldAsync();
        var general = await w.Tenant.AddUnitAsync(w.Tenant.Root, OrgUnitKind.GeneralBranch);
        var letterId = await RegisterAsync(w.Secretary, Letter(w.Branch.Id, IdNumber(20)));
        using (var moved = await w.Admin.PostAsJsonAsync($"/api/v1/org-units/{w.Branch.Id}/move", new { newParentId = general.Id }))
        {
            await moved.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        (await w.Admin.GetJsonAsync($"{Url}?orgUnitId={general.Id}"))["items"]!.AsArray().Select(i => i!.Id()).ShouldBe([letterId]);
        using (var generalSecretary = await app.ClientForAsync(await w.Tenant.AddUserAsync(general, AppRole.BranchSecretary)))
        {
            (await generalSecretary.GetJsonAsync($"{Url}/{letterId}")).Str("status").ShouldBe("Pending");
        }
        using var accepted = await w.Secretary.PostAsync($"{Url}/{letterId}/accept", null);
        var memberId = (await accepted.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Id("memberId");
        var member = await app.InTenantAsync(w.Tenant.TenantId, db => db.Members.AsNoTracking().SingleAsync(m => m.Id == memberId));
        member.OrgPath.ShouldStartWith(general.Path);
    }

    [Fact]
    public async Task List_BadStatus_BadRequestNamingStatus()
    {
        var w = await WorldAsync();
        using var r = await w.Secretary.GetAsync($"{Url}?orgUnitId={w.Branch.Id}&status=Done");
        (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!["status"]![0]!.GetValue<string>().ShouldContain("办理状态");
    }

    // ---------------------------------------------------------------- pages

    [Fact]
    public async Task Pages_RegisterFormThenAccept_ListShowsMaskedIdAndSlipNamesReceivingBranch()
    {
        var w = await WorldAsync();
        var id = IdNumber(19);
        var page = $"/transfers/incoming?unit={w.Branch.Id}";
        using (var posted = await w.Secretary.PostFormAsync(page, "register-incoming", new()
               {
                   ["Input.OrgUnitId"] = w.Branch.Id.ToString(), ["Input.LetterNumber"] = "沪组转〔2026〕7号", ["Input.IssuedBy"] = "中共上海市某公司委员会",
                   ["Input.IssuedOn"] = "2026-11-15", ["Input.ValidUntil"] = "2026-12-15", ["Input.Name"] = "李转入", ["Input.IdNumber"] = id,
                   ["Input.Category"] = "Full", ["Input.JoinedOn"] = "2015-06-30", ["Input.FullMemberOn"] = "2016-06-30", ["Input.DuesPaidUntil"] = "2026-10",
                   ["Input.Mobile"] = "",
               }))
        {
            posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        }
        var html = await w.Secretary.GetStringAsync(page);
        html.ShouldContain("沪组转〔2026〕7号");
        html.ShouldContain(IdNumberRules.Mask(id));
        html.ShouldNotContain(id);
        var letterId = (await w.Secretary.GetJsonAsync($"{Url}?orgUnitId={w.Branch.Id}"))["items"]![0]!.Id();

        using (var accepted = await w.Secretary.PostFormAsync(page, $"accept-{letterId}", new()))
        {
            accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await accepted.Content.ReadAsStringAsync());
            accepted.Headers.Location!.ToString().ShouldEndWith($"/transfers/incoming/{letterId}/slip");
        }
        var slip = await w.Secretary.GetStringAsync($"/transfers/incoming/{letterId}/slip");
        slip.ShouldContain("党员组织关系介绍信回执");
        slip.ShouldContain("中共上海市某公司委员会");
        slip.ShouldContain("沪组转〔2026〕7号");
        slip.ShouldContain("李转入");
        slip.ShouldContain(w.Branch.Name);
        slip.ShouldContain("2026-11-22");
    }

    [Fact]
    public async Task Pages_RegisterFormWithBadId_ShowsTheFieldMessage()
    {
        var w = await WorldAsync();
        using var posted = await w.Secretary.PostFormAsync($"/transfers/incoming?unit={w.Branch.Id}", "register-incoming", new()
        {
            ["Input.OrgUnitId"] = w.Branch.Id.ToString(), ["Input.LetterNumber"] = "沪组转〔2026〕8号", ["Input.IssuedBy"] = "中共上海市某公司委员会",
            ["Input.IssuedOn"] = "2026-11-15", ["Input.ValidUntil"] = "2026-12-15", ["Input.Name"] = "李转入", ["Input.IdNumber"] = "110105198506150010",
            ["Input.Category"] = "Full", ["Input.JoinedOn"] = "2015-06-30", ["Input.FullMemberOn"] = "2016-06-30",
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await posted.Content.ReadAsStringAsync()).ShouldContain("公民身份号码校验位不正确");
        (await app.InTenantAsync(w.Tenant.TenantId, db => db.IncomingTransfers.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task TransfersPage_LinksToIncomingTab()
    {
        var w = await WorldAsync();
        var html = await w.Secretary.GetStringAsync($"/transfers?unit={w.Branch.Id}");
        html.ShouldContain($"/transfers/incoming?unit={w.Branch.Id}");
        html.ShouldContain("转入");
    }
}
