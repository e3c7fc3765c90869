using Dangjian.Web.Modules.Meetings;

namespace Dangjian.Tests.Modules.Meetings;

/// <summary>The rotating code: six digits, the same within a window, the previous window still accepted, older ones not.</summary>
public sealed class SignInCodeTests
{
    private static readonly string Secret = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly DateTimeOffset WindowStart = DateTimeOffset.FromUnixTimeSeconds(1_795_000_020); // a multiple of 30

    [Theory]
    [InlineData(0, true)]     // the window's first second
    [InlineData(29, true)]    // its last second
    [InlineData(30, true)]    // the next window: the previous code still accepted
    [InlineData(59, true)]
    [InlineData(60, false)]   // two windows on: expired
    [InlineData(-1, false)]   // a code from the future is not accepted
    public void Verify_CurrentAndPreviousWindowOnly(int secondsLater, bool accepted)
    {
        var code = SignInCode.Of(Secret, WindowStart, 30);
        code.Length.ShouldBe(6);
        code.ShouldAllBe(c => char.IsAsciiDigit(c));
        SignInCode.Verify(Secret, code, WindowStart.AddSeconds(secondsLater), 30).ShouldBe(accepted);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    public void Verify_NotSixDigits_Refused(string? code) => SignInCode.Verify(Secret, code, WindowStart, 30).ShouldBeFalse();

    [Fact]
    public void Of_DependsOnTheSecretAndTheWindow()
    {
        SignInCode.Of(Secret, WindowStart, 30).ShouldBe(SignInCode.Of(Secret, WindowStart.AddSeconds(29), 30));
        var other = SignInCode.NewSecret();
        var windows = Enumerable.Range(0, 20).Select(i => SignInCode.Of(Secret, WindowStart.AddSeconds(30 * i), 30)).ToList();
        windows.Distinct().Count().ShouldBeGreaterThan(15); // codes change from window to window
        Enumerable.Range(0, 20).Count(i => SignInCode.Of(other, WindowStart.AddSeconds(30 * i), 30) == windows[i]).ShouldBeLessThan(3);
        SignInCode.SecondsLeft(WindowStart.AddSeconds(10), 30).ShouldBe(20);
    }
}
