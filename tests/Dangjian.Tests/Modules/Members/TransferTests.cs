using System.Net;
using System.Net.Http.Json;
using Dangjian.Tests.Infrastructure;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Tests.Modules.Members;

/// <summary>组织关系转接: the person stays with the old branch until the receiving side accepts.</summary>
public sealed class TransferTests(AppFixture app) : IClassFixture<AppFixture>
{
    private async Task<(TestTenant Tenant, OrgUnit From, OrgUnit To, Member Member, HttpClient Sender, HttpClient Receiver)> ArrangeAsync()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var from = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var to = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var member = (await tenant.AddMembersAsync(from, 1))[0];
        var sender = await app.ClientForAsync(await tenant.AddUserAsync(from, AppRole.BranchSecretary));
        var receiver = await app.ClientForAsync(await tenant.AddUserAsync(to, AppRole.BranchSecretary));
        return (tenant, from, to, member, sender, receiver);
    }

    private async Task<Member> ReloadAsync(Guid tenantId, Guid memberId)
    {
        await using var scope = app.Scope(tenantId);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Members.AsNoTracking().SingleAsync(m => m.Id == memberId);
    }

    [Fact]
    public async Task Internal_AcceptedByReceivingBranch_MemberMovesOnlyThen()
    {
        var (tenant, from, to, member, sender, receiver) = await ArrangeAsync();
        using var issued = await sender.PostAsJsonAsync($"/api/v1/members/{member.Id}/transfers",
            new { kind = "Internal", toOrgUnitId = to.Id, duesPaidUntil = "2026-10", reason = "工作调动" });
        var letter = (await issued.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        letter.Str("letterNumber").ShouldBe("党组转〔2026〕001号");
        letter.Str("validUntil").ShouldBe("2026-12-22");
        (await ReloadAsync(tenant.TenantId, member.Id)).OrgUnitId.ShouldBe(from.Id);

        // The sender cannot accept on the receiver's behalf.
        using (var wrongSide = await sender.PostAsync($"/api/v1/transfers/{letter.Id()}/accept", null))
        {
            ((int)wrongSide.StatusCode).ShouldBeOneOf(403, 404);
        }
        using (var accepted = await receiver.PostAsync($"/api/v1/transfers/{letter.Id()}/accept", null))
        {
            await accepted.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        var moved = await ReloadAsync(tenant.TenantId, member.Id);
        moved.OrgUnitId.ShouldBe(to.Id);
        moved.OrgPath.ShouldBe(to.Path);
    }

    [Fact]
    public async Task Second_LetterInTheYear_NumberedNextAndOnlyOnePendingPerMember()
    {
        var (tenant, from, to, member, sender, _) = await ArrangeAsync();
        var other = (await tenant.AddMembersAsync(from, 1))[0];
        using (var first = await sender.PostAsJsonAsync($"/api/v1/members/{member.Id}/transfers", new { kind = "Outgoing", destination = "中共某市某局机关党委" }))
        {
            (await first.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Str("letterNumber").ShouldBe("党组转〔2026〕001号");
        }
        using (var again = await sender.PostAsJsonAsync($"/api/v1/members/{member.Id}/transfers", new { kind = "Internal", toOrgUnitId = to.Id }))
        {
            (await again.ShouldHaveStatusAsync(HttpStatusCode.Conflict))!.Str("code").ShouldBe("TRANSFER_PENDING");
        }
        using var second = await sender.PostAsJsonAsync($"/api/v1/members/{other.Id}/transfers", new { kind = "Internal", toOrgUnitId = to.Id, withinCity = true });
        var letter = (await second.ShouldHaveStatusAsync(HttpStatusCode.Created))!;
        letter.Str("letterNumber").ShouldBe("党组转〔2026〕002号");
        letter.Str("validUntil").ShouldBe("2026-12-02");
    }

    [Fact]
    public async Task Reject_WithoutReason_BadRequestAndStillPending()
    {
        var (_, _, to, member, sender, receiver) = await ArrangeAsync();
        using var issued = await sender.PostAsJsonAsync($"/api/v1/members/{member.Id}/transfers", new { kind = "Internal", toOrgUnitId = to.Id });
        var id = (await issued.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
        using (var refused = await receiver.PostAsJsonAsync($"/api/v1/transfers/{id}/reject", new { note = " " }))
        {
            (await refused.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!["note"].ShouldNotBeNull();
        }
        using (var withReason = await receiver.PostAsJsonAsync($"/api/v1/transfers/{id}/reject", new { note = "该同志未在我单位就业" }))
        {
            (await withReason.ShouldHaveStatusAsync(HttpStatusCode.OK))!.Str("status").ShouldBe("Rejected");
        }
    }

    [Fact]
    public async Task Accept_AfterValidity_RefusedNamingArticleAndFlaggedAsPocketLetter()
    {
        var tenant = await TestTenant.CreateAsync(app);
        var from = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var to = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch);
        var member = (await tenant.AddMembersAsync(from, 1))[0];
        var senderUser = await tenant.AddUserAsync(from, AppRole.BranchSecretary);
        var receiverUser = await tenant.AddUserAsync(to, AppRole.BranchSecretary);
        Guid id;
        using (var sender = await app.ClientForAsync(senderUser))
        using (var issued = await sender.PostAsJsonAsync($"/api/v1/members/{member.Id}/transfers", new { kind = "Internal", toOrgUnitId = to.Id, validDays = 5 }))
        {
            id = (await issued.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
        }

        // Six days later (tokens are issued again: the clock moved past their lifetime).
        app.Clock.Advance(TimeSpan.FromDays(6));
        try
        {
            using var receiver = await app.ClientForAsync(receiverUser);
            using var late = await receiver.PostAsync($"/api/v1/transfers/{id}/accept", null);
            var problem = (await late.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!;
            problem.Str("code").ShouldBe("TRANSFER_LETTER_EXPIRED");
            problem.Str("article").ShouldContain("第二十五条");
            using var sender = await app.ClientForAsync(senderUser);
            var list = await sender.GetJsonAsync($"/api/v1/transfers?orgUnitId={from.Id}");
            list["items"]![0]!["letterExpiredUnused"]!.GetValue<bool>().ShouldBeTrue();
            (await ReloadAsync(tenant.TenantId, member.Id)).OrgUnitId.ShouldBe(from.Id);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-6));
        }
    }

    [Fact]
    public async Task Outgoing_ReturnSlip_MemberKeptAsTransferredOut()
    {
        var (tenant, _, _, member, sender, _) = await ArrangeAsync();
        using var issued = await sender.PostAsJsonAsync($"/api/v1/members/{member.Id}/transfers", new { kind = "Outgoing", destination = "中共某县委组织部" });
        var id = (await issued.ShouldHaveStatusAsync(HttpStatusCode.Created))!.Id();
        (await ReloadAsync(tenant.TenantId, member.Id)).Status.ShouldBe(MembershipStatus.Normal);
        using (var slip = await sender.PostAsync($"/api/v1/transfers/{id}/return-slip", null))
        {
            await slip.ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
        (await ReloadAsync(tenant.TenantId, member.Id)).Status.ShouldBe(MembershipStatus.TransferredOut);
        var verify = await sender.GetAsync("/api/v1/ledger/verify");
        ((int)verify.StatusCode).ShouldBe(403);
    }

    [Fact]
    public async Task Start_ForActivist_RefusedAsNotAMember()
    {
        var (tenant, from, to, _, sender, _) = await ArrangeAsync();
        var activist = (await tenant.AddMembersAsync(from, 1, MemberCategory.Activist))[0];
        using var r = await sender.PostAsJsonAsync($"/api/v1/members/{activist.Id}/transfers", new { kind = "Internal", toOrgUnitId = to.Id });
        (await r.ShouldHaveStatusAsync(HttpStatusCode.UnprocessableEntity))!.Str("code").ShouldBe("TRANSFER_NOT_MEMBER");
    }
}
