using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Dangjian.Web.Components;

/// <summary>Small form targets of the UI that are not pages: sign-out (here or everywhere) and the language switch.</summary>
public static class UiEndpoints
{
    public static WebApplication MapUi(this WebApplication app)
    {
        app.MapPost("/logout", async (HttpContext ctx, IAntiforgery antiforgery) =>
        {
            if (!await FromThisSiteAsync(ctx, antiforgery)) return Results.BadRequest();
            await ctx.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.LocalRedirect("/login");
        }).ExcludeFromDescription();

        // 在所有设备上退出: a new security stamp makes every cookie and token of the account signed out at its next
        // request (CurrentUserMiddleware), e.g. a phone kept signed in ("remember me") and then lost.
        app.MapPost("/logout-everywhere", async (HttpContext ctx, IAntiforgery antiforgery, Platform.Auth.CurrentUser me,
            UserManager<Platform.Auth.AppUser> users) =>
        {
            if (!await FromThisSiteAsync(ctx, antiforgery)) return Results.BadRequest();
            var user = await users.FindByIdAsync(me.UserId.ToString());
            if (user is not null) await users.UpdateSecurityStampAsync(user);
            await ctx.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.LocalRedirect("/login");
        }).RequireAuthorization().ExcludeFromDescription();

        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext ctx, TimeProvider clock) =>
        {
            var culture = name == "en-US" ? "en-US" : "zh-CN";
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(Platform.Web.SafeLinks.LocalHref(returnUrl) ?? "/");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// A form posted with the sign-in cookie must carry the page's antiforgery token, or another site could sign the
    /// person out (everywhere). A request with a bearer token cannot be forged by another site and needs none.
    /// </summary>
    private static async Task<bool> FromThisSiteAsync(HttpContext ctx, IAntiforgery antiforgery) =>
        ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        || await antiforgery.IsRequestValidAsync(ctx);
}
