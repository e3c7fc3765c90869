namespace Dangjian.Web.Modules.Accounts;

/// <summary>Marker for the Accounts module's strings: AccountsText.resx (zh-CN, neutral) and AccountsText.en.resx (English).</summary>
public sealed class AccountsText;
