using Dangjian.Web.Platform.Auth.Login;
using Microsoft.Extensions.Configuration;

namespace Dangjian.Tests.Security.SignIn;

/// <summary>Failed sign-ins held back per name and address, per name everywhere, with backoff; names with or without an account alike.</summary>
public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider clock = new();

    private LoginThrottle Throttle(params (string Key, string Value)[] settings) =>
        new(clock, new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    private static void Fail(LoginThrottle t, string name, string address, int times)
    {
        for (var i = 0; i < times; i++) t.Failed(name, address);
    }

    [Fact]
    public void FourFailures_NotHeld_TheFifthHoldsThatAddressOnly()
    {
        var t = Throttle();
        Fail(t, "admin", "10.0.0.1", 4);
        t.IsHeld("admin", "10.0.0.1").ShouldBeFalse();
        t.Failed("admin", "10.0.0.1").ShouldBeTrue("the fifth failure starts a hold");
        t.IsHeld("admin", "10.0.0.1").ShouldBeTrue();
        t.IsHeld("ADMIN ", "10.0.0.1").ShouldBeTrue("names compare as the account's normalised name");
        t.IsHeld("admin", "10.0.0.2").ShouldBeFalse("the person's own device elsewhere still signs in");
        t.IsHeld("other", "10.0.0.1").ShouldBeFalse();
    }

    [Fact]
    public void Hold_LastsFifteenMinutes_ThenDoublesOnTheNextHold()
    {
        var t = Throttle();
        Fail(t, "admin", "10.0.0.1", 5);
        clock.Advance(TimeSpan.FromMinutes(14));
        t.IsHeld("admin", "10.0.0.1").ShouldBeTrue();
        clock.Advance(TimeSpan.FromMinutes(1));
        t.IsHeld("admin", "10.0.0.1").ShouldBeFalse();

        Fail(t, "admin", "10.0.0.1", 5);
        clock.Advance(TimeSpan.FromMinutes(29));
        t.IsHeld("admin", "10.0.0.1").ShouldBeTrue("the second hold is 30 minutes");
        clock.Advance(TimeSpan.FromMinutes(1));
        t.IsHeld("admin", "10.0.0.1").ShouldBeFalse();
    }

    [Fact]
    public void ManyAddresses_HoldTheNameEverywhere_AtTheAccountThreshold()
    {
        var t = Throttle(("Auth:Lockout:AccountAttempts", "12"));
        for (var i = 0; i < 11; i++) t.Failed("admin", "10.0.1." + i);
        t.IsHeld("admin", "10.9.9.9").ShouldBeFalse("11 failures from 11 addresses");
        t.Failed("admin", "10.0.1.99");
        t.IsHeld("admin", "10.9.9.9").ShouldBeTrue("the 12th holds the name from every address");
    }

    [Fact]
    public void AccountWindow_Expires_FailuresSpreadOverTimeDoNotAddUp()
    {
        var t = Throttle(("Auth:Lockout:AccountAttempts", "3"));
        t.Failed("admin", "10.0.0.1");
        t.Failed("admin", "10.0.0.2");
        clock.Advance(TimeSpan.FromMinutes(16));
        t.Failed("admin", "10.0.0.3");
        t.IsHeld("admin", "10.0.0.4").ShouldBeFalse();
    }

    [Fact]
    public void Success_StartsTheAddressCountAgain()
    {
        var t = Throttle();
        Fail(t, "admin", "10.0.0.1", 4);
        t.Succeeded("admin", "10.0.0.1");
        Fail(t, "admin", "10.0.0.1", 4);
        t.IsHeld("admin", "10.0.0.1").ShouldBeFalse();
    }

    [Fact]
    public void Clear_EndsEveryHoldOfTheName()
    {
        var t = Throttle(("Auth:Lockout:AccountAttempts", "6"));
        Fail(t, "admin", "10.0.0.1", 5);
        t.Failed("admin", "10.0.0.2");
        t.IsHeld("admin", "10.0.0.3").ShouldBeTrue();
        t.Clear("Admin");
        t.IsHeld("admin", "10.0.0.1").ShouldBeFalse();
        t.IsHeld("admin", "10.0.0.3").ShouldBeFalse();
    }
}
