using System.Buffers.Binary;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Auth.Passwords;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;

namespace Dangjian.Tests.Platform.Auth;

/// <summary>Auth:Password:HashIterations: the cost of a login's hash, a setting with bounds, stored in every new hash.</summary>
public sealed class PasswordHashCostTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData(null, 100_000)]
    [InlineData("100000", 100_000)]
    [InlineData("20000", 20_000)]
    [InlineData("10000", 10_000)]
    [InlineData("9999", 10_000)]
    [InlineData("0", 10_000)]
    [InlineData("-5", 10_000)]
    [InlineData("2000000", 2_000_000)]
    [InlineData("2000001", 2_000_000)]
    public void HashIterations_IsClampedToItsBounds(string? setting, int expected)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(
            setting is null ? [] : [new KeyValuePair<string, string?>("Auth:Password:HashIterations", setting)]).Build();
        PasswordPolicy.HashIterations(config).ShouldBe(expected);
    }

    [Fact]
    public void TheAppsHasher_WritesTheConfiguredCountIntoEachHash()
    {
        var hasher = app.Services.GetRequiredService<IPasswordHasher<AppUser>>();
        var hash = hasher.HashPassword(new AppUser { UserName = "x" }, "Abc-12345");
        IterationsOf(hash).ShouldBe(100_000);
    }

    [Fact]
    public void AHashWithFewerIterationsThanConfigured_IsAcceptedAndMarkedForRehash()
    {
        var light = new PasswordHasher<AppUser>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 20_000 }));
        var user = new AppUser { UserName = "x" };
        var hash = light.HashPassword(user, "Abc-12345");
        IterationsOf(hash).ShouldBe(20_000);
        var hasher = app.Services.GetRequiredService<IPasswordHasher<AppUser>>();
        hasher.VerifyHashedPassword(user, hash, "Abc-12345").ShouldBe(PasswordVerificationResult.SuccessRehashNeeded);
        hasher.VerifyHashedPassword(user, hash, "Abc-12346").ShouldBe(PasswordVerificationResult.Failed);
    }

    // Identity's version 3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.
    private static int IterationsOf(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        bytes[0].ShouldBe((byte)0x01);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }
}
