using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;

namespace Dangjian.Web.Components;

/// <summary>Small form targets of the UI that are not pages: sign-out (here or everywhere) and the language switch.</summary>
public static class UiEndpoints
{
    public static WebApplication MapUi(this WebApplication app)
    {
        app.MapPost("/logout", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.LocalRedirect("/login");
        }).ExcludeFromDescription();

        // 在所有设备上退出: a new security stamp makes every cookie and token of the account signed out at its next
        // request (CurrentUserMiddleware), e.g. a phone kept signed in ("remember me") and then lost.
        app.MapPost("/logout-everywhere", async (HttpContext ctx, Platform.Auth.CurrentUser me, UserManager<Platform.Auth.AppUser> users) =>
        {
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
}
