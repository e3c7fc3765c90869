using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Paging;
using Dangjian.Web.Platform.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Members.Certificates;

/// <summary>/api/v1/members/{id}/certificates and /api/v1/certificates: 党员证明信. A route table of named handlers.</summary>
internal static class CertificatesApi
{
    private static readonly ResourceManager Texts = new(typeof(CertificatesApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var member = app.MapGroup("/api/v1/members/{id:guid}/certificates").WithTags("Certificates").RequireAuthorization();
        member.MapPost("/", Issue).Describe(Texts, "IssueCertificate");
        member.MapGet("/", ForMember).Describe(Texts, "ListMemberCertificates");

        var g = app.MapGroup("/api/v1/certificates").WithTags("Certificates").RequireAuthorization();
        g.MapGet("/", ForUnit).Describe(Texts, "ListCertificates");
        g.MapGet("/{certificateId:guid}", Get).Describe(Texts, "GetCertificate");
        g.MapPost("/{certificateId:guid}/cancel", Cancel).Describe(Texts, "CancelCertificate");
        g.MapGet("/{certificateId:guid}/certificate.pdf", Pdf).Describe(Texts, "GetCertificatePdf")
            .Produces<byte[]>(StatusCodes.Status200OK, PdfFile.ContentType);
    }

    private static async Task<Results<Created<CertificateDto>, ApiProblem>> Issue(Guid id, IssueCertificateRequest body, IssueCertificate h,
        ListCertificates list, CancellationToken ct)
    {
        var issued = await h.HandleAsync(id, body, ct);
        if (!issued.IsSuccess) return new ApiProblem(issued.Error!);
        return ApiReply.Created(await list.GetAsync(issued.Value!.Id, ct), c => $"/api/v1/certificates/{c.Id}");
    }

    private static async Task<Results<Ok<Page<CertificateDto>>, ApiProblem>> ForMember(Guid id, int? page, int? pageSize, ListCertificates h,
        CancellationToken ct) =>
        ApiReply.Ok(await h.ForMemberAsync(id, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Ok<Page<CertificateDto>>, ApiProblem>> ForUnit(Guid? orgUnitId, string? status, int? page, int? pageSize,
        ListCertificates h, CancellationToken ct) =>
        ApiReply.Ok(await h.ForUnitAsync(orgUnitId, status, PageRequest.Of(page, pageSize), ct));

    private static async Task<Results<Ok<CertificateDto>, ApiProblem>> Get(Guid certificateId, ListCertificates h, CancellationToken ct) =>
        ApiReply.Ok(await h.GetAsync(certificateId, ct));

    private static async Task<Results<Ok<CertificateDto>, ApiProblem>> Cancel(Guid certificateId, CancelCertificate h, ListCertificates list,
        CancellationToken ct)
    {
        var cancelled = await h.HandleAsync(certificateId, ct);
        if (!cancelled.IsSuccess) return new ApiProblem(cancelled.Error!);
        return ApiReply.Ok(await list.GetAsync(certificateId, ct));
    }

    private static async Task<Results<PdfFile, ApiProblem>> Pdf(Guid certificateId, CertificatePdf h, CancellationToken ct) =>
        ApiReply.Written(await h.HandleAsync(certificateId, ct));
}
