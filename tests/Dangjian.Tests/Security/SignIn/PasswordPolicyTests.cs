using Dangjian.Web.Platform.Auth.Passwords;
using Microsoft.Extensions.Configuration;

namespace Dangjian.Tests.Security.SignIn;

/// <summary>The password rule (docs/security.md) with its defaults and boundaries.</summary>
public sealed class PasswordPolicyTests
{
    private static PasswordPolicy Policy(params (string Key, string Value)[] settings) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

    [Theory]
    [InlineData("Abcdef1", "Password.TooShort")]            // 7 characters: one short of 8
    [InlineData("Abcdefg1", "")]                             // 8 characters, 3 classes: the boundary passes
    [InlineData("abcdefg1", "Password.TooFewClasses")]     // lower + digit: 2 classes
    [InlineData("abcdefg-1", "")]                            // lower + other + digit
    [InlineData("ABCDEFG-", "Password.TooFewClasses")]     // upper + other
    [InlineData("密码密码密码Ab1", "")]                       // other (Chinese) + upper + lower + digit
    [InlineData("xx-zhangsan-1", "Password.ContainsUserName")]
    [InlineData("Zhangsan-2026", "Password.ContainsUserName")]  // case does not hide it
    public void Check_DefaultPolicy(string password, string expected)
    {
        var broken = Policy().Check(password, "zhangsan");
        if (expected.Length == 0) broken.ShouldBeEmpty();
        else broken.ShouldContain(expected);
    }

    [Fact]
    public void Check_TooLong_Refused_At129_NotAt128()
    {
        var p = Policy();
        p.Check("Aa1-" + new string('x', 124), "u").ShouldBeEmpty();
        p.Check("Aa1-" + new string('x', 125), "u").ShouldContain("Password.TooLong");
    }

    [Fact]
    public void Check_Settings_ChangeTheRule()
    {
        var p = Policy(("Auth:Password:MinLength", "12"), ("Auth:Password:RequiredClasses", "4"));
        p.Check("Abcdefgh-12", "u").ShouldContain("Password.TooShort");
        p.Check("Abcdefghi-12", "u").ShouldBeEmpty();
        p.Check("Abcdefghij12", "u").ShouldContain("Password.TooFewClasses");
    }

    [Theory]
    [InlineData("Ab1", 3)]
    [InlineData("ab", 1)]
    [InlineData("a B", 2)]   // a space is not a class
    [InlineData("a\u0001B", 2)] // nor a control character
    [InlineData("aB1!", 4)]
    public void Classes_CountsTheFour(string password, int classes) => PasswordPolicy.Classes(password).ShouldBe(classes);

    [Theory]
    [InlineData(89, false)]
    [InlineData(90, true)]   // the 90th day is due
    [InlineData(400, true)]
    public void HasExpired_After90Days(int days, bool expired)
    {
        var now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        Policy().HasExpired(now.AddDays(-days), now).ShouldBe(expired);
    }

    [Fact]
    public void HasExpired_UnknownDateOrExpiryOff_NotDue()
    {
        var now = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        Policy().HasExpired(null, now).ShouldBeFalse();
        Policy(("Auth:Password:ExpiryDays", "0")).HasExpired(now.AddYears(-5), now).ShouldBeFalse();
        Policy().HasExpired(PasswordChanges.MustChange, now).ShouldBeTrue("a reset password is due at once");
    }
}
