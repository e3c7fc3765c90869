namespace Dangjian.Web.Platform.Paging;

/// <summary>One page of a server-side paged list.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    /// <summary>The last page number taken: beyond it the rows skipped would not fit an int (a negative OFFSET on PostgreSQL).</summary>
    public const int MaxPage = int.MaxValue / MaxPageSize;

    public static PageRequest Of(int? page, int? pageSize) =>
        new(Math.Clamp(page ?? 1, 1, MaxPage), Math.Clamp(pageSize ?? 20, 1, MaxPageSize));

    public int Skip => (Page - 1) * PageSize;
}
