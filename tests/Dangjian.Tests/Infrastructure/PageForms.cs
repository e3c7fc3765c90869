using System.Net;
using System.Text.RegularExpressions;

namespace Dangjian.Tests.Infrastructure;

/// <summary>Posts a form of a server-rendered page the way a browser would: its antiforgery cookie and field, and the form's name.</summary>
public static partial class PageForms
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string formName, Dictionary<string, string> fields) =>
        client.PostFormAsync(url, formName, fields, signInCookie: null);

    /// <summary>The same, as a person signed in with the sign-in cookie <paramref name="signInCookie"/> ("name=value").</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, string formName, Dictionary<string, string> fields,
        string? signInCookie)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, url);
        if (signInCookie is not null) get.Headers.Add("Cookie", signInCookie);
        using var page = await client.SendAsync(get);
        var html = await page.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        token.ShouldNotBeEmpty();
        var cookies = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Concat(signInCookie is null ? [] : [signInCookie]);
        var message = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>(fields)
            {
                ["_handler"] = formName, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        message.Headers.Add("Cookie", string.Join("; ", cookies));
        return await client.SendAsync(message);
    }
}
