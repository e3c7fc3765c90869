using Dangjian.Web.Platform.Errors;
using Microsoft.AspNetCore.Identity;

namespace Dangjian.Web.Platform.Auth;

public sealed record TokenRequest(string? UserName, string? Password);

/// <summary>POST /api/v1/auth/token: a bearer token for API clients (ASP.NET Core Identity's bearer tokens).</summary>
internal static class AuthApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", async Task<IResult> (TokenRequest body, UserManager<AppUser> users, SignInManager<AppUser> signIn,
                Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> L) =>
            {
                if (string.IsNullOrWhiteSpace(body.UserName))
                    return Errors.Error.Validation("userName", L["Validation.Required", "userName"]).ToProblem();
                if (string.IsNullOrEmpty(body.Password))
                    return Errors.Error.Validation("password", L["Validation.Required", "password"]).ToProblem();

                var result = await PasswordCheck.CheckAsync(users, signIn, body.UserName, body.Password);
                if (result.Status == PasswordCheck.Outcome.LockedOut)
                    return TypedResults.Problem(title: L["Auth.LockedOut"], statusCode: StatusCodes.Status423Locked);
                if (result.Status != PasswordCheck.Outcome.Ok)
                    return TypedResults.Problem(title: L["Auth.WrongPassword"], statusCode: StatusCodes.Status401Unauthorized);

                var principal = await signIn.CreateUserPrincipalAsync(result.User!);
                return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
            })
            .WithTags("Auth")
            .AllowAnonymous()
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status423Locked);
    }
}

/// <summary>The one password check used by the login page and the token endpoint: lockout after repeated failures.</summary>
internal static class PasswordCheck
{
    public enum Outcome { Ok, Wrong, LockedOut }

    public sealed record CheckResult(Outcome Status, AppUser? User);

    public static async Task<CheckResult> CheckAsync(UserManager<AppUser> users, SignInManager<AppUser> signIn, string userName, string password)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        if (user is null) return new(Outcome.Wrong, null);
        if (await users.IsLockedOutAsync(user)) return new(Outcome.LockedOut, user);
        var r = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (r.IsLockedOut) return new(Outcome.LockedOut, user);
        return r.Succeeded ? new(Outcome.Ok, user) : new(Outcome.Wrong, user);
    }
}
