using Dangjian.Web.Platform.Tenancy;

namespace Dangjian.Web.Platform.Notifications;

/// <summary>A message in a user's in-app inbox.</summary>
public sealed class Notification : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public string? Link { get; set; }

    /// <summary>Identifies the event so that a job run twice never sends the same notice twice.</summary>
    public required string DedupKey { get; set; }

    public DateTimeOffset? ReadAt { get; set; }
}
