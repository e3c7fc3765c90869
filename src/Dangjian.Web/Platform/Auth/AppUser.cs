using Dangjian.Web.Platform.Audit;
using Microsoft.AspNetCore.Identity;

namespace Dangjian.Web.Platform.Auth;

/// <summary>An account. Usernames are unique across the installation; the account works inside one tenant.</summary>
public sealed class AppUser : IdentityUser<Guid>, IAudited
{
    public Guid TenantId { get; set; }
    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the password was last set; a reset by an administrator sets it to the start of time, so the person must change it.</summary>
    public DateTimeOffset? PasswordChangedAt { get; set; }
    public List<RoleAssignment> Roles { get; set; } = [];

    Guid IAudited.AuditOrgUnitId => Guid.Empty;
}
