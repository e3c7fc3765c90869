using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dangjian.Web.Modules.Education.Study.Standing;

/// <summary>The learning archive on paper: a member's year as A4. A route table of named handlers.</summary>
internal static class ArchivePdfApi
{
    private static readonly ResourceManager Texts = new(typeof(ArchivePdfApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/v1").WithTags("Education").RequireAuthorization();
        g.MapGet("/education/archive/mine.pdf", Mine).Describe(Texts, "PrintMyLearningArchive")
            .Produces<byte[]>(StatusCodes.Status200OK, PdfFile.ContentType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithDescription("The signed-in member's learning archive of a year on A4 (503 when no Chinese font is installed, ADR 0005).");
        g.MapGet("/members/{id:guid}/education-archive.pdf", Member).Describe(Texts, "PrintMemberLearningArchive")
            .Produces<byte[]>(StatusCodes.Status200OK, PdfFile.ContentType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithDescription("A member's learning archive of a year on A4. Needs ViewMembers on the member's unit or above; the member may print their own.");
    }

    private static async Task<Results<PdfFile, ApiProblem>> Mine(string? year, ArchivePdf h, CancellationToken ct) =>
        ApiReply.Written(await h.MineAsync(year, ct));

    private static async Task<Results<PdfFile, ApiProblem>> Member(Guid id, string? year, ArchivePdf h, CancellationToken ct) =>
        ApiReply.Written(await h.MemberAsync(id, year, ct));
}
