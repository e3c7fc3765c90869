using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Paging;
using Dangjian.Web.Platform.Pdf;

namespace Dangjian.Web.Modules.Members.Certificates;

/// <summary>/api/v1/members/{id}/certificates and /api/v1/certificates: 党员证明信.</summary>
internal static class CertificatesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var member = app.MapGroup("/api/v1/members/{id:guid}/certificates").WithTags("Certificates").RequireAuthorization();
        member.MapPost("/", async Task<IResult> (Guid id, IssueCertificateRequest body, IssueCertificate h, ListCertificates list, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(id, body, ct);
            return r.IsSuccess
                ? TypedResults.Created($"/api/v1/certificates/{r.Value!.Id}", (await list.GetAsync(r.Value.Id, ct)).Value)
                : r.Error!.ToProblem();
        });
        member.MapGet("/", async Task<IResult> (Guid id, int? page, int? pageSize, ListCertificates h, CancellationToken ct) =>
            Reply(await h.ForMemberAsync(id, PageRequest.Of(page, pageSize), ct)));

        var g = app.MapGroup("/api/v1/certificates").WithTags("Certificates").RequireAuthorization();
        g.MapGet("/", async Task<IResult> (Guid? orgUnitId, string? status, int? page, int? pageSize, ListCertificates h, CancellationToken ct) =>
            Reply(await h.ForUnitAsync(orgUnitId, status, PageRequest.Of(page, pageSize), ct)));
        g.MapGet("/{certificateId:guid}", async Task<IResult> (Guid certificateId, ListCertificates h, CancellationToken ct) =>
            Reply(await h.GetAsync(certificateId, ct)));
        g.MapPost("/{certificateId:guid}/cancel", async Task<IResult> (Guid certificateId, CancelCertificate h, ListCertificates list, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(certificateId, ct);
            return r.IsSuccess ? TypedResults.Ok((await list.GetAsync(certificateId, ct)).Value) : r.Error!.ToProblem();
        });
        g.MapGet("/{certificateId:guid}/certificate.pdf", async Task<IResult> (Guid certificateId, CertificatePdf h, CancellationToken ct) =>
        {
            var r = await h.HandleAsync(certificateId, ct);
            return r.IsSuccess ? r.Value! : r.Error!.ToProblem();
        }).Produces(StatusCodes.Status200OK, contentType: PdfFile.ContentType);
    }

    private static IResult Reply<T>(Result<T> r) => r.IsSuccess ? TypedResults.Ok(r.Value) : r.Error!.ToProblem();
}
