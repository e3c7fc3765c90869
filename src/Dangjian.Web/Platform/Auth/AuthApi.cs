using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Errors;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Dangjian.Web.Platform.Auth;

/// <summary>POST /api/v1/auth/token: a bearer token for API clients (ASP.NET Core Identity's bearer tokens).</summary>
internal static class AuthApi
{
    private static readonly ResourceManager Texts = new(typeof(AuthApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/auth/token", IssueToken).WithTags("Auth").AllowAnonymous().Describe(Texts, "IssueAccessToken")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status423Locked);
    }

    // A wrong password (401) and a lockout (423) answer as they always have: a plain problem with the title only.
    private static async Task<Results<SignInHttpResult, ApiProblem, ProblemHttpResult>> IssueToken(TokenRequest body, UserManager<AppUser> users,
        SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> L)
    {
        if (string.IsNullOrWhiteSpace(body.UserName)) return new ApiProblem(Error.Validation("userName", L["Validation.Required", "userName"]));
        if (string.IsNullOrEmpty(body.Password)) return new ApiProblem(Error.Validation("password", L["Validation.Required", "password"]));

        var result = await PasswordCheck.CheckAsync(users, signIn, body.UserName, body.Password);
        if (result.Status == PasswordCheck.Outcome.LockedOut)
            return TypedResults.Problem(title: L["Auth.LockedOut"], statusCode: StatusCodes.Status423Locked);
        if (result.Status != PasswordCheck.Outcome.Ok)
            return TypedResults.Problem(title: L["Auth.WrongPassword"], statusCode: StatusCodes.Status401Unauthorized);

        var principal = await signIn.CreateUserPrincipalAsync(result.User!);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}

/// <summary>The body of POST /api/v1/auth/token.</summary>
public sealed record TokenRequest(string? UserName, string? Password);

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
