namespace Dangjian.Web.Platform.Api;

/// <summary>The answer to a creation that returns only the new row's id.</summary>
public sealed record CreatedId(Guid Id);
