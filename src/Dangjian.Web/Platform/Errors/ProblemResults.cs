namespace Dangjian.Web.Platform.Errors;

/// <summary>Turns business errors into RFC 7807 responses for the API.</summary>
public static class ProblemResults
{
    public static IResult ToProblem(this Error error)
    {
        if (error.FieldErrors is { Count: > 0 })
        {
            return TypedResults.ValidationProblem(
                error.FieldErrors.ToDictionary(kv => kv.Key, kv => kv.Value),
                detail: error.Message,
                title: error.Message,
                extensions: Extensions(error));
        }

        return TypedResults.Problem(
            title: error.Message,
            detail: error.Article is null ? error.Message : $"{error.Message}（{error.Article}）",
            statusCode: error.Status,
            extensions: Extensions(error));
    }

    private static Dictionary<string, object?> Extensions(Error error)
    {
        var ext = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Article is not null) ext["article"] = error.Article;
        return ext;
    }
}
