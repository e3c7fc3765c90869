using System.Net;

namespace Dangjian.Tests.Modules.Dues;

/// <summary>
/// GET /api/v1/dues/calculate through the whole app: the amount, rate and article for a base; fixed amounts; every bad
/// input answered with a ValidationProblem naming its field; no answer without a token.
/// </summary>
public sealed class DuesApiTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Url = "/api/v1/dues/calculate";

    private async Task<HttpClient> SignedInAsync() => await app.ClientForAsync((await TestTenant.CreateAsync(app)).Admin);

    [Fact]
    public async Task Calculate_Serving500000_OnePercentUnderArticleTwo()
    {
        using var client = await SignedInAsync();
        var quote = await client.GetJsonAsync($"{Url}?category=Serving&baseFen=500000");
        quote["amountFen"]!.GetValue<long>().ShouldBe(5_000);
        quote.Str("rate").ShouldBe("1%");
        quote.Str("rule").ShouldBe("《关于中国共产党党费收缴、使用和管理的规定》第二条");
    }

    [Theory]
    [InlineData("Farmer", "&baseFen=999999")]
    [InlineData("Farmer", "")]
    [InlineData("student", "&baseFen=-5")]  // the base is not read for fixed amounts, so it cannot be wrong
    public async Task Calculate_FixedAmountCategory_TwentyFenWhateverTheBase(string category, string baseQuery)
    {
        using var client = await SignedInAsync();
        var quote = await client.GetJsonAsync($"{Url}?category={category}{baseQuery}");
        quote["amountFen"]!.GetValue<long>().ShouldBe(20);
        quote.Str("rate").ShouldBe("定额");
        quote.Str("rule").ShouldEndWith("第六条");
    }

    [Theory]
    [InlineData("?baseFen=500000")]
    [InlineData("?category=&baseFen=500000")]
    [InlineData("?category=Soldier&baseFen=500000")]
    [InlineData("?category=1&baseFen=500000")]              // names only, not the enum's numbers
    [InlineData("?category=Serving,Farmer&baseFen=500000")]  // nor flag combinations
    public async Task Calculate_BadCategory_BadRequestNamingCategory(string query)
    {
        using var client = await SignedInAsync();
        using var r = await client.GetAsync(Url + query);
        var errors = (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["category"]);
        errors["category"]![0]!.GetValue<string>().ShouldContain("类别");
    }

    [Theory]
    [InlineData("Serving", "&baseFen=-1")]
    [InlineData("Retired", "&baseFen=-500000")]
    [InlineData("Serving", "")]
    [InlineData("AnnualSalary", "&baseFen=")]
    [InlineData("NoMonthlyIncome", "&baseFen=abc")]
    [InlineData("Serving", "&baseFen=5000.50")]  // fen are whole numbers
    public async Task Calculate_BadBase_BadRequestNamingBaseFen(string category, string baseQuery)
    {
        using var client = await SignedInAsync();
        using var r = await client.GetAsync($"{Url}?category={category}{baseQuery}");
        var errors = (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["baseFen"]);
        errors["baseFen"]![0]!.GetValue<string>().ShouldContain("基数");
    }

    [Fact]
    public async Task Calculate_BadCategoryAndNegativeBase_BothFieldsNamed()
    {
        using var client = await SignedInAsync();
        using var r = await client.GetAsync($"{Url}?category=Soldier&baseFen=-1");
        var errors = (await r.ShouldHaveStatusAsync(HttpStatusCode.BadRequest))!["errors"]!.AsObject();
        errors.Select(e => e.Key).Order(StringComparer.Ordinal).ShouldBe(["baseFen", "category"]);
    }

    [Fact]
    public async Task Calculate_NoToken_Unauthorized()
    {
        using var client = app.CreateClient();
        using var r = await client.GetAsync($"{Url}?category=Serving&baseFen=500000");
        r.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        r.Headers.Location.ShouldBeNull();
    }
}
