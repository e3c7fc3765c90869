using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dangjian.Web.Platform.Auth.Passwords;

/// <summary>A password an account had (its hash only), so that it is not chosen again (<see cref="PasswordPolicy.History"/>).</summary>
public sealed class PasswordHistory
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public required string PasswordHash { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
}

internal sealed class PasswordHistoryConfiguration : IEntityTypeConfiguration<PasswordHistory>
{
    public void Configure(EntityTypeBuilder<PasswordHistory> e)
    {
        e.ToTable("PasswordHistories");
        e.Property(p => p.PasswordHash).HasMaxLength(400);
        e.HasIndex(p => new { p.UserId, p.ChangedAt });
        e.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
