using Dangjian.Web.Platform.Errors;
using Dangjian.Web.Platform.Export;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Modules.Assessment.SecretaryReviews;

/// <summary>The results of a campaign as .xlsx for the reviewing unit's managers: rank, branch, secretary, report, scores, rating.</summary>
public sealed class SecretaryReviewWorkbook(GetSecretaryReviews reads, IStringLocalizer<SecretaryReviewsText> T)
{
    public async Task<Result<(string FileName, byte[] Content)>> HandleAsync(Guid reviewId, CancellationToken ct)
    {
        var got = await reads.GetAsync(reviewId, ct);
        if (!got.IsSuccess) return got.Error!;
        var d = got.Value!;
        if (!d.Manager) return Error.Forbidden(T["Review.ManagersOnly"]);
        var headers = new[]
        {
            T["Col.Rank"].Value, T["Col.Branch"], T["Col.Secretary"], T["Col.Reported"], T["Col.SuperiorScores"], T["Col.SuperiorMean"], T["Col.MemberScores"],
            T["Col.MemberMean"], T["Col.Rating"], T["Col.Band"],
        };
        var rows = d.Secretaries.Select(l => (IReadOnlyList<object?>)
        [
            l.Rank, l.BranchName, l.SecretaryName, l.Reported ? T["Common.Yes"].Value : T["Common.No"].Value, l.SuperiorScores, l.SuperiorMean, l.MemberScores,
            l.MemberMean, l.Rating, l.Band is { } b ? T["Rating." + b].Value : "",
        ]).ToList();
        using var output = new MemoryStream();
        XlsxWriter.Write(output, T["Sheet.Results"], headers, rows);
        return ($"{T["File.Results"]}-{d.Review.Year}-{d.Review.Title}.xlsx", output.ToArray());
    }
}
