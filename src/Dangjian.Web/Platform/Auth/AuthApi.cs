using System.ComponentModel.DataAnnotations;
using System.Resources;
using Dangjian.Web.Platform.Api;
using Dangjian.Web.Platform.Errors;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Dangjian.Web.Platform.Auth.Login;
using Dangjian.Web.Platform.Auth.Passwords;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Dangjian.Web.Platform.Auth;

/// <summary>/api/v1/auth: bearer tokens for API clients (ASP.NET Core Identity's), their refresh, and the person's own password change.</summary>
internal static class AuthApi
{
    private static readonly ResourceManager Texts = new(typeof(AuthApi));

    public static void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Auth");
        auth.MapPost("/token", IssueToken).AllowAnonymous().Describe(Texts, "IssueAccessToken")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status423Locked)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/refresh", Refresh).AllowAnonymous().Describe(Texts, "RefreshAccessToken")
            .Produces<AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapPost("/password", ChangePassword).RequireAuthorization().Describe(Texts, "ChangeOwnPassword");
    }

    // A wrong password (401) and a lockout (423) answer as they always have: a plain problem with the title only.
    private static async Task<Results<SignInHttpResult, ApiProblem, ProblemHttpResult>> IssueToken(TokenRequest body, PasswordCheck check,
        SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> L, HttpContext http, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.UserName)) return new ApiProblem(Error.Validation("userName", L["Validation.Required", "userName"]));
        if (string.IsNullOrEmpty(body.Password)) return new ApiProblem(Error.Validation("password", L["Validation.Required", "password"]));

        var result = await check.CheckAsync(body.UserName, body.Password, ct);
        switch (result.Status)
        {
            case PasswordCheck.Outcome.LockedOut:
                return TypedResults.Problem(title: L["Auth.LockedOut"], statusCode: StatusCodes.Status423Locked);
            case PasswordCheck.Outcome.Busy:
                http.Response.Headers.RetryAfter = PasswordHashGate.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return TypedResults.Problem(title: L["Auth.Busy"], statusCode: StatusCodes.Status429TooManyRequests);
            case PasswordCheck.Outcome.Wrong:
                return TypedResults.Problem(title: L["Auth.WrongPassword"], statusCode: StatusCodes.Status401Unauthorized);
        }
        var principal = await signIn.CreateUserPrincipalAsync(result.User!);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    // As ASP.NET Core Identity's own /refresh: the refresh ticket must be unexpired and its security stamp current, so a
    // changed password or role, or "sign out everywhere", ends refreshing too.
    private static async Task<Results<SignInHttpResult, ApiProblem, ProblemHttpResult>> Refresh(RefreshRequest body,
        IOptionsMonitor<BearerTokenOptions> options, SignInManager<AppUser> signIn, TimeProvider clock, IStringLocalizer<SharedResource> L)
    {
        if (string.IsNullOrEmpty(body.RefreshToken)) return new ApiProblem(Error.Validation("refreshToken", L["Validation.Required", "refreshToken"]));
        var ticket = options.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
        {
            return TypedResults.Problem(title: L["Auth.RefreshRefused"], statusCode: StatusCodes.Status401Unauthorized);
        }
        return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(user), authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static async Task<Results<NoContent, ApiProblem>> ChangePassword(ChangePasswordRequest body, PasswordChanges h, CurrentUser me,
        CancellationToken ct) =>
        ApiReply.NoContent(await h.ChangeOwnAsync(me.UserId, body.CurrentPassword, body.NewPassword, ct));
}

/// <summary>The body of POST /api/v1/auth/token.</summary>
public sealed record TokenRequest(string? UserName, string? Password);

/// <summary>The body of POST /api/v1/auth/refresh: the refresh token of an earlier answer.</summary>
public sealed record RefreshRequest([property: MaxLength(4000)] string? RefreshToken);

/// <summary>The body of POST /api/v1/auth/password: the person's own password change.</summary>
public sealed record ChangePasswordRequest([property: MaxLength(PasswordPolicy.MaxLength)] string? CurrentPassword,
    [property: MaxLength(PasswordPolicy.MaxLength)] string? NewPassword);
