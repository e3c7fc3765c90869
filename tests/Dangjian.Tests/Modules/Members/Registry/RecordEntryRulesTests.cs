using System.Globalization;
using Dangjian.Web.Modules.Members.Records;
using Dangjian.Web.Platform.CodeTables;
using Dangjian.Web.Platform.Errors;
using Microsoft.Extensions.Localization;

namespace Dangjian.Tests.Modules.Members.Registry;

/// <summary>The rules of each record tab: required columns, fixed categories, the code table, dates in order and not ahead.</summary>
public sealed class RecordEntryRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static readonly CodeSets Codes = new(CodeTableCatalog.All.ToDictionary(t => t.Key, t => t.Defaults));

    private static DateOnly? N(string? iso) => iso is null ? null : DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string[] Failing(RecordKind kind, string? category, string? title, string? started, string? ended)
    {
        var errors = new FieldErrors();
        RecordEntryRules.Validate(RecordKinds.Of(kind), new RecordEntryInput(category, title, null, N(started), N(ended), null), Today, Codes, errors,
            new KeyLocalizer(), new KeyLocalizer());
        return errors.ToError()?.FieldErrors?.Keys.OrderBy(k => k).ToArray() ?? [];
    }

    [Theory]
    [InlineData(RecordKind.Post, null, "支部书记", "2020-01-01", null, "")]
    [InlineData(RecordKind.Post, null, null, "2020-01-01", null, "title")]
    [InlineData(RecordKind.Post, null, "支部书记", null, null, "startedOn")]
    [InlineData(RecordKind.Post, null, "支部书记", "2026-11-22", null, "")]                 // today is allowed
    [InlineData(RecordKind.Post, null, "支部书记", "2026-11-23", null, "startedOn")]        // tomorrow is not
    [InlineData(RecordKind.Post, null, "支部书记", "2020-01-02", "2020-01-01", "endedOn")]  // ends before it starts
    [InlineData(RecordKind.Post, null, "支部书记", "2020-01-01", "2020-01-01", "")]         // same day
    [InlineData(RecordKind.Post, null, "支部书记", "2020-01-01", "2026-12-01", "endedOn")]  // a post's end is not ahead
    [InlineData(RecordKind.RewardPunishment, "惩处", "党内警告", "2026-01-05", "2027-01-05", "")] // a punishment's term may run on
    [InlineData(RecordKind.RewardPunishment, "表扬", "优秀共产党员", "2026-07-01", null, "category")]
    [InlineData(RecordKind.RewardPunishment, null, "优秀共产党员", "2026-07-01", null, "category")]
    [InlineData(RecordKind.TravelAbroad, "因私", "新加坡", "2026-10-01", "2026-12-01", "")]    // a planned return
    [InlineData(RecordKind.TravelAbroad, "旅游", "新加坡", "2026-10-01", null, "category")]
    [InlineData(RecordKind.Hardship, "患病", "长期住院", "2026-03-01", null, "")]
    [InlineData(RecordKind.Hardship, "失业", "下岗", "2026-03-01", null, "category")]         // not in the 困难类型 table
    [InlineData(RecordKind.Family, "配偶", "王某某", null, null, "")]
    [InlineData(RecordKind.Family, null, null, null, null, "category,title")]
    public void Validate_Table(RecordKind kind, string? category, string? title, string? started, string? ended, string failing)
    {
        Failing(kind, category, title, started, ended).ShouldBe(failing.Length == 0 ? [] : failing.Split(','));
    }

    [Fact]
    public void Validate_TooLongTitle_NamesTitle()
    {
        Failing(RecordKind.Post, null, new string('长', 101), "2020-01-01", null).ShouldBe(["title"]);
        Failing(RecordKind.Post, null, new string('长', 100), "2020-01-01", null).ShouldBeEmpty();
    }

    private sealed class KeyLocalizer : IStringLocalizer<Dangjian.Web.Modules.Members.MembersText>
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, name + ":" + string.Join("|", arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
