using System.Resources;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Dangjian.Web.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Members;

/// <summary>/api/v1/members and /api/v1/me/member: the registry and the person's own record. A route table of named handlers.</summary>
internal static class MembersApi
{
    private static readonly ResourceManager Texts = new(typeof(MembersApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1/members").WithTags("Members").RequireAuthorization();
        g.MapGet("/", List).Describe(Texts, "ListMembers");
        g.MapGet("/export", Export).Describe(Texts, "ExportMembers")
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxWriter.ContentType);
        g.MapGet("/statistics", Statistics).Describe(Texts, "GetMemberStatistics");
        g.MapPost("/", Create).Describe(Texts, "CreateMember");
        g.MapGet("/{id:guid}", Get).Describe(Texts, "GetMember");
        g.MapPatch("/{id:guid}", Update).Describe(Texts, "UpdateMember");
        g.MapGet("/{id:guid}/access-log", AccessLog).Describe(Texts, "GetMemberAccessLog");
        app.MapGet("/api/v1/me/member", Mine).Describe(Texts, "GetMyMember").WithTags("Members").RequireAuthorization();
    }

    private static async Task<Results<Ok<Page<MemberListItem>>, ApiProblem>> List([AsParameters] MemberFilter filter, int? page, int? pageSize,
        ListMembers h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(filter, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<FileContentHttpResult, ApiProblem>> Export([AsParameters] MemberFilter filter, bool? reveal, ExportMembers h,
        CancellationToken ct) =>
        ApiReply.File(await h.HandleAsync(filter, reveal == true, ct), f => f.Content, XlsxWriter.ContentType, f => f.FileName);

    private static async Task<Results<Ok<MemberStatisticsDto>, ApiProblem>> Statistics([AsParameters] MemberFilter filter, MemberStatistics h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(filter, ct));

    private static async Task<Results<Created<CreatedMember>, ApiProblem>> Create(CreateMemberRequest body, CreateMember h, CancellationToken ct) =>
        ApiReply.Created(await h.HandleAsync(body, ct), m => $"/api/v1/members/{m.Id}", m => new CreatedMember(m.Id, m.Name, m.IdNumberMasked));

    private static async Task<Results<Ok<MemberDetails>, ApiProblem>> Get(Guid id, bool? reveal, GetMember h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(id, reveal == true, ct));

    private static async Task<Results<Ok<MemberDetails>, ApiProblem>> Update(Guid id, MemberFields body, UpdateMember h, GetMember get,
        CancellationToken ct)
    {
        var updated = await h.HandleAsync(id, body, ct);
        if (!updated.IsSuccess) return new ApiProblem(updated.Error!);
        return ApiReply.Ok(await get.HandleAsync(id, false, ct));
    }

    private static async Task<Results<Ok<Page<MemberAccessLogDto>>, ApiProblem>> AccessLog(Guid id, int? page, ReadAccessLog h, CancellationToken ct) =>
        ApiReply.Ok(await h.HandleAsync(id, PageRequest.Of(page, 50), ct));

    /// <summary>The signed-in person's own record, unmasked: it is theirs.</summary>
    private static async Task<Results<Ok<MemberDetails>, ApiProblem>> Mine(AppDbContext db, CurrentUser user, GetMember get,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var id = await db.Members.Where(m => m.UserId == user.UserId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
        if (id is null) return new ApiProblem(Error.NotFound(L["Member.NoOwnRecord"]));
        return ApiReply.Ok(await get.HandleAsync(id.Value, true, ct));
    }
}

/// <summary>A member just registered: the id, the name and the ID number as lists show it.</summary>
public sealed record CreatedMember(Guid Id, string Name, string? IdNumberMasked);
