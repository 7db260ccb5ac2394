using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Segmentation.Silo.Management;

/// <summary>
/// The authentication scheme of the management API: <c>Authorization: Bearer &lt;key&gt;</c> checked by
/// <see cref="ManagementApiKeyAuthenticator"/>. A refused request gets 401 with a ProblemDetails body and a Bearer
/// challenge; missing, malformed, unknown and revoked keys read the same to the caller, and the log tells them apart
/// (by key name, never by value).
/// </summary>
internal sealed class ManagementApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ManagementApiKeyAuthenticator authenticator,
    IProblemDetailsService problemDetails)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ManagementApiKey";

    private const string Challenge = "Bearer realm=\"management\"";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // The only scheme of the host is its default one, so the authentication middleware runs it on every request:
        // it judges (and logs) only the Authorization header of management endpoints.
        if (!IsManagementEndpoint())
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var (status, keyName) = authenticator.Check(Request.Headers.Authorization);
        switch (status)
        {
            case ManagementKeyStatus.Valid:
                var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, keyName!)], SchemeName);
                return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
            case ManagementKeyStatus.Missing:
                ManagementLog.KeyMissing(Logger);
                return Task.FromResult(AuthenticateResult.NoResult());
            case ManagementKeyStatus.Malformed:
                ManagementLog.KeyMalformed(Logger);
                break;
            case ManagementKeyStatus.Revoked:
                ManagementLog.KeyRevoked(Logger, keyName!);
                break;
            default:
                ManagementLog.KeyUnknown(Logger);
                break;
        }

        return Task.FromResult(AuthenticateResult.Fail("The management API key is not valid."));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Challenge;
        var detail = result.None
            ? "Send a management API key as 'Authorization: Bearer <key>'."
            : "The management API key is not valid or has been revoked.";
        await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = detail,
                Type = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
            },
        });
    }

    private bool IsManagementEndpoint() =>
        Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Any(static data => data.Policy == ManagementApiExtensions.PolicyName) == true;
}
