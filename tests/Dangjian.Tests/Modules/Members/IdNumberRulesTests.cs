using System.Globalization;
using Dangjian.Web.Modules.Members;

namespace Dangjian.Tests.Modules.Members;

/// <summary>
/// 公民身份号码 (GB 11643-1999) as a rule table. Every check character below was worked out by hand:
/// sum of the first 17 digits times the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, modulo 11, mapped through
/// "10X98765432" (remainder 0 → '1', 1 → '0', 2 → 'X', 3 → '9', …, 10 → '2').
/// </summary>
public sealed class IdNumberRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // number, birth date, male?  (sum → remainder → check character)
    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", false)] // 7+9+0+5+0+20+2+9+24+27+7+18+30+5+0+0+4 = 167 → 2 → X
    [InlineData("110101198001010010", "1980-01-01", true)]  // 100 → 1 → 0; 17th digit 1 (odd)
    [InlineData("110101198001010029", "1980-01-01", false)] // 102 → 3 → 9; 17th digit 2 (even)
    [InlineData("440305198506150310", "1985-06-15", true)]  // 276 → 1 → 0
    [InlineData("110101199003071233", "1990-03-07", true)]  // 174 → 9 → 3
    [InlineData("320102197204154568", "1972-04-15", false)] // 246 → 4 → 8; 17th digit 6
    [InlineData("110101200002290018", "2000-02-29", true)]  // leap day of 2000 (divisible by 400): 114 → 4 → 8
    [InlineData("110105198001010008", "1980-01-01", false)] // 114 → 4 → 8; 17th digit 0 counts as even
    public void Check_ValidNumber_BirthDateAndSexFromTheNumber(string number, string birth, bool male)
    {
        var check = IdNumberRules.Check(number, Today);
        check.IsValid.ShouldBeTrue(check.Problem);
        check.Problem.ShouldBeNull();
        check.Normalized.ShouldBe(number);
        check.BirthDate.ShouldBe(D(birth));
        check.Gender.ShouldBe(male ? Gender.Male : Gender.Female);
    }

    [Theory]
    [InlineData("11010519491231002x")]
    [InlineData(" 11010519491231002X ")]
    [InlineData("\t11010519491231002x\n")]
    public void Check_LowercaseXOrSurroundingSpace_AcceptedAndNormalized(string input)
    {
        var check = IdNumberRules.Check(input, Today);
        check.IsValid.ShouldBeTrue(check.Problem);
        check.Normalized.ShouldBe("11010519491231002X");
        check.BirthDate.ShouldBe(new DateOnly(1949, 12, 31));
        check.Gender.ShouldBe(Gender.Female);
    }

    [Theory]
    [InlineData("11010519491231002", "17 位")]     // one short
    [InlineData("11010519491231002X1", "19 位")]   // one long
    [InlineData("1101051949123100", "16 位")]
    [InlineData("110105 19491231002X", "19 位")]   // a space inside is a character too
    public void Check_WrongLength_RefusedSayingTheLength(string input, string says)
    {
        var check = IdNumberRules.Check(input, Today);
        check.IsValid.ShouldBeFalse();
        check.Problem.ShouldNotBeNull().ShouldContain("18 位");
        check.Problem.ShouldContain(says);
        check.Normalized.ShouldBeNull();
        check.BirthDate.ShouldBeNull();
        check.Gender.ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_Empty_RefusedAsRequired(string? input)
    {
        var check = IdNumberRules.Check(input, Today);
        check.IsValid.ShouldBeFalse();
        check.Problem.ShouldNotBeNull().ShouldContain("不能为空");
    }

    [Theory]
    [InlineData("1101A519491231002X", "第 5 位")]
    [InlineData("X1010519491231002X", "第 1 位")]
    [InlineData("1101051949123100XX", "第 17 位")] // X is allowed only as the check character
    [InlineData("11010519491231００2X", "第 15 位")] // full-width digits are not ASCII digits
    public void Check_NonDigitInFirst17_RefusedNamingThePosition(string input, string position)
    {
        var check = IdNumberRules.Check(input, Today);
        check.IsValid.ShouldBeFalse();
        check.Problem.ShouldNotBeNull().ShouldContain(position);
    }

    [Fact]
    public void Check_LastCharacterNeitherDigitNorX_Refused()
    {
        var check = IdNumberRules.Check("11010519491231002Y", Today);
        check.IsValid.ShouldBeFalse();
        check.Problem.ShouldNotBeNull().ShouldContain("最后一位");
    }

    [Theory]
    [InlineData("110105194912310021", "X")] // 167 → 2 → X, not 1
    [InlineData("110105194912310020", "X")]
    [InlineData("110101198001010011", "0")] // 100 → 1 → 0
    [InlineData("11010119800101001X", "0")]
    [InlineData("110101199003071232", "3")] // 174 → 9 → 3
    [InlineData("110101199003071323", "1")] // digits 16 and 17 of ...071233 swapped (a typical slip): 176 → 0 → 1
    public void Check_WrongCheckCharacter_RefusedNamingTheRightOne(string input, string expected)
    {
        var check = IdNumberRules.Check(input, Today);
        check.IsValid.ShouldBeFalse();
        check.Problem.ShouldNotBeNull().ShouldContain("校验位");
        check.Problem.ShouldContain($"应为 {expected}");
    }

    [Theory]
    [InlineData("110105202302290014", "20230229")] // 2023 is not a leap year (151 → 8 → 4, so only the date is wrong)
    [InlineData("110105202302300016", "20230230")] // no 30 February ever (116 → 6 → 6)
    [InlineData("110105199013010018", "19901301")] // month 13 (147 → 4 → 8)
    [InlineData("110105199004310019", "19900431")] // 31 April (179 → 3 → 9)
    [InlineData("110105190002290017", "19000229")] // 1900 is not a leap year: divisible by 100, not by 400 (137 → 5 → 7)
    public void Check_ImpossibleBirthDate_RefusedQuotingTheDate(string input, string date)
    {
        var check = IdNumberRules.Check(input, Today);
        check.IsValid.ShouldBeFalse();
        check.Problem.ShouldNotBeNull().ShouldContain(date);
        check.Problem.ShouldContain("不是有效日期");
    }

    [Fact]
    public void Check_LeapDay2000_Valid()
    {
        // 1×7+1×9+0+1×5+0+1×4+2×2+0+0+0+0+2×9+2×10+9×5+0+0+1×2 = 114 → 4 → 8
        var check = IdNumberRules.Check("110101200002290018", Today);
        check.IsValid.ShouldBeTrue(check.Problem);
        check.BirthDate.ShouldBe(new DateOnly(2000, 2, 29));
    }

    [Fact]
    public void Check_BornTomorrow_Refused()
    {
        // 3×7+1×9+0+1×5+0+4×4+2×2+0+2×6+6×3+1×7+1×9+2×10+3×5+0+0+1×2 = 138 → 6 → 6
        var check = IdNumberRules.Check("310104202611230016", Today);
        check.IsValid.ShouldBeFalse();
        check.Problem.ShouldNotBeNull().ShouldContain("2026-11-23");
    }

    [Fact]
    public void Check_BornToday_Allowed()
    {
        // 3×7+1×9+0+1×5+0+4×4+2×2+0+2×6+6×3+1×7+1×9+2×10+2×5+0+0+2×2 = 135 → 3 → 9
        var check = IdNumberRules.Check("310104202611220029", Today);
        check.IsValid.ShouldBeTrue(check.Problem);
        check.BirthDate.ShouldBe(Today);
        check.Gender.ShouldBe(Gender.Female);
    }

    [Fact]
    public void Check_BornTodayButCheckedTheDayBefore_Refused()
    {
        var check = IdNumberRules.Check("310104202611220029", Today.AddDays(-1));
        check.IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Check_BornBefore1900_Refused()
    {
        // 1×7+1×9+0+1×5+0+5×4+1×2+8×1+9×6+9×3+1×7+2×9+3×10+1×5+0+0+1×2 = 194 → 7 → 5
        var check = IdNumberRules.Check("110105189912310015", Today);
        check.IsValid.ShouldBeFalse();
        check.Problem.ShouldNotBeNull().ShouldContain("1899-12-31");
    }

    [Theory]
    [InlineData("11010519491231002X", "1101**********002X")]
    [InlineData("110101198001010010", "1101**********0010")]
    [InlineData("12345678", "12345678")]   // eight characters: nothing between first four and last four
    [InlineData("1234567", "*******")]     // shorter: all hidden
    [InlineData("", "")]
    public void Mask_KeepsFirstAndLastFour(string id, string masked)
    {
        IdNumberRules.Mask(id).ShouldBe(masked);
    }

    [Fact]
    public void Mask_EighteenCharacters_NeverShowsTheBirthDate()
    {
        var masked = IdNumberRules.Mask("11010519491231002X");
        masked.Length.ShouldBe(18);
        masked.ShouldNotContain("1949");
        masked.ShouldNotContain("1231");
    }
}
