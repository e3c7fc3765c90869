using System.Reflection;
using Dangjian.Web.Data;
using Dangjian.Web.Platform.Input;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dangjian.Tests.Security;

/// <summary>
/// The text limits cover every endpoint, a new module's included: every /api/v1 route passes through the input filter,
/// every text field of every request type bound from a body has a finite limit, no limit lets more into a column than
/// the column holds, and a field that holds a link only takes http(s).
/// </summary>
public sealed class InputCoverageTests(AppFixture app) : IClassFixture<AppFixture>
{
    /// <summary>The largest limit any field may have (the minutes of a meeting).</summary>
    private const int LargestLimit = 20000;

    /// <summary>
    /// What each request type writes: entities whose columns of the same name must hold the field's limit, and
    /// "path=Entity.Property" where the names differ. Every body type with a text field must be listed, so that a
    /// new one is compared with its columns too (list it with [] when its texts are parsed, not stored).
    /// </summary>
    private static readonly Dictionary<string, string[]> Writes = WithFeatures(new()
    {
        ["AmendmentRequest"] = ["MeetingAmendment"],
        ["AssignWeakLinkRequest"] = ["WeakLink"],
        ["CloseAppraisalRequest"] = [],
        ["CloseWeakLinkRequest"] = ["WeakLink"],
        ["CommitteeMemberInput"] = ["CommitteeMember"],
        ["ContactFollowUpRequest"] = ["ContactFollowUp"],
        ["CreateMeetingRequest"] = ["Meeting"],
        ["CreateMemberRequest"] = ["Member", "homeAddress=Member.HomeAddressEncrypted"],
        ["CreateOrgUnitRequest"] = ["OrgUnit"],
        ["CreateUserRequest"] = ["AppUser"],
        ["ChangePasswordRequest"] = [],
        ["RefreshRequest"] = [],
        ["ResetPasswordRequest"] = [],
        ["IncomingRejectRequest"] = ["reason=IncomingTransfer.DecisionNote"],
        ["IssueCertificateRequest"] = ["MemberCertificate"],
        ["LeaveDecision"] = [],
        ["LeaveRequest"] = ["MeetingLeave"],
        ["MemberFields"] = ["Member", "homeAddress=Member.HomeAddressEncrypted"],
        ["MobileReportRequest"] = ["MobileReport"],
        // The step's texts go into its JSON (DevelopmentStepRecord.Data).
        ["OpenCaseRequest"] = [],
        ["PreApprovalDecision"] = ["reason=Meeting.ReturnReason"],
        ["PublishFirstTopicRequest"] = ["FirstTopic"],
        ["RateMeetingRequest"] = ["MeetingObserver"],
        ["RecordDuesPaymentRequest"] = [],
        ["RecordDuesUsageRequest"] = ["DuesUsage"],
        ["RecordElectionRequest"] = ["CommitteeTerm", "members[].name=CommitteeMember.Name"],
        ["RecordEntryInput"] = ["MemberRecordEntry"],
        ["RecordRequest"] = ["MeetingRecord"],
        ["RecordStepRequest"] = [],
        ["ReflectionRequest"] = ["MeetingReflection"],
        ["RegisterIncomingRequest"] = ["IncomingTransfer"],
        ["RegisterMobileRequest"] = ["MobileRegistration"],
        ["ResolutionRequest"] = ["MeetingResolution"],
        ["ReverseDuesUsageRequest"] = ["reason=DuesUsage.Description"],
        ["SaveCodeTableRequest"] = ["items[].name=CodeItem.Name"],
        ["SelfAppraisalRequest"] = ["AppraisalSelf"],
        ["SetDuesBaseRequest"] = ["DuesBase"],
        ["SetUserRolesRequest"] = [],
        ["SignInRequest"] = [],
        ["SignReviewRequest"] = ["DevelopmentReview"],
        ["StartTransferRequest"] = ["MemberTransfer"],
        ["TokenRequest"] = [],
        ["TransferDecisionRequest"] = ["note=MemberTransfer.DecisionNote"],
        ["UpdateOrgUnitRequest"] = ["OrgUnit"],
        ["VotesRequest"] = [],
    });

    /// <summary>
    /// A feature lists its own request types beside its tests, in a class implementing <see cref="IRequestWrites"/>
    /// (found here by reflection), rather than in the table above.
    /// </summary>
    private static Dictionary<string, string[]> WithFeatures(Dictionary<string, string[]> writes)
    {
        foreach (var type in typeof(InputCoverageTests).Assembly.GetTypes()
                     .Where(t => typeof(IRequestWrites).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).OrderBy(t => t.FullName))
        {
            foreach (var (request, targets) in ((IRequestWrites)Activator.CreateInstance(type)!).Writes) writes.Add(request, targets);
        }
        return writes;
    }

    [Fact]
    public void EveryApiEndpoint_PassesThroughTheInputFilter()
    {
        var endpoints = ApiEndpoints().ToList();
        endpoints.Count.ShouldBeGreaterThan(100);
        var unchecked_ = endpoints.Where(e => e.Metadata.GetMetadata<InputCheckedMetadata>() is null).Select(Describe).ToList();
        unchecked_.ShouldBeEmpty("Map the module through the group of Program.cs (PlatformModule.MapEndpoints) so that its input is checked.");
    }

    [Fact]
    public void EveryTextArgument_HasAFiniteLimit_AndEveryBodyTypeIsListed()
    {
        var limits = app.Services.GetRequiredService<InputLimits>();
        var problems = new List<string>();
        foreach (var (type, fields) in BodyTypes(limits))
        {
            if (fields.Count > 0 && !Writes.ContainsKey(type.Name)) problems.Add($"{type.Name}: not in Writes (list the entities it writes)");
            foreach (var (path, spec) in fields)
            {
                if (path.EndsWith("{any}", StringComparison.Ordinal)) problems.Add($"{type.Name}.{path}: a field of any type is walked only as JSON; give it a type");
                if (spec.MaxLength is <= 0 or > LargestLimit) problems.Add($"{type.Name}.{path}: limit {spec.MaxLength}");
                var leaf = path.Split('.').Last().TrimEnd(']', '[');
                if ((leaf.EndsWith("Link", StringComparison.OrdinalIgnoreCase) || leaf.EndsWith("Url", StringComparison.OrdinalIgnoreCase)) && !spec.HttpUrl)
                    problems.Add($"{type.Name}.{path}: a link without [HttpUrl]");
            }
        }
        // Strings bound from the route, the query or a header are checked with their own limits too.
        foreach (var (endpoint, argument) in Arguments(limits).Where(a => a.Argument.Name.Length > 0 && a.Argument.Spec.MaxLength is <= 0 or > LargestLimit))
            problems.Add($"{Describe(endpoint)} {argument.Name}: limit {argument.Spec.MaxLength}");
        problems.ShouldBeEmpty();
        Writes.Keys.ShouldNotContain(k => !BodyTypes(limits).Select(b => b.Type.Name).Contains(k), "a listed type that no endpoint takes any more");
    }

    [Fact]
    public void NoLimit_LetsMoreIntoAColumnThanItHolds()
    {
        var limits = app.Services.GetRequiredService<InputLimits>();
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        var entities = model.GetEntityTypes().GroupBy(e => e.ClrType.Name).ToDictionary(g => g.Key, g => g.First());
        var compared = 0;
        var problems = new List<string>();
        foreach (var (type, fields) in BodyTypes(limits))
        {
            if (!Writes.TryGetValue(type.Name, out var targets)) continue;
            foreach (var (path, spec) in fields)
            {
                var leaf = path.Split('.').Last().Replace("[]", "", StringComparison.Ordinal);
                foreach (var target in targets)
                {
                    string entityName, property;
                    if (target.Split('=') is [var field, var column_])
                    {
                        if (field != path) continue;
                        (entityName, property) = (column_.Split('.')[0], column_.Split('.')[1]);
                    }
                    else (entityName, property) = (target, leaf);
                    entities.ContainsKey(entityName).ShouldBeTrue($"{type.Name}: no entity {entityName}");
                    var column = entities[entityName].GetProperties().FirstOrDefault(p => string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase));
                    if (column is null || column.ClrType != typeof(string)) continue;
                    // An encrypted column is compared by TextLimitTests (it holds the ciphertext, not the text).
                    if (column.Name.EndsWith("Encrypted", StringComparison.Ordinal)) continue;
                    compared++;
                    if (column.GetMaxLength() is { } max && spec.MaxLength > max)
                        problems.Add($"{type.Name}.{path} takes {spec.MaxLength} characters, {entityName}.{column.Name} holds {max}");
                }
            }
        }
        problems.ShouldBeEmpty();
        compared.ShouldBeGreaterThan(60);
    }

    private IEnumerable<RouteEndpoint> ApiEndpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true);

    private IEnumerable<(RouteEndpoint Endpoint, InputEndpointFilter.Argument Argument)> Arguments(InputLimits limits)
    {
        var services = app.Services.GetRequiredService<IServiceProviderIsService>();
        foreach (var endpoint in ApiEndpoints())
        {
            if (endpoint.Metadata.GetMetadata<MethodInfo>() is not { } method) continue;
            foreach (var argument in InputEndpointFilter.ArgumentsOf(method, limits, services)) yield return (endpoint, argument);
        }
    }

    /// <summary>Every type an endpoint binds from the body, with its text fields as the filter sees them.</summary>
    private List<(Type Type, IReadOnlyList<(string Path, TextSpec Spec)> Fields)> BodyTypes(InputLimits limits) =>
        Arguments(limits).Where(a => a.Argument is { Name: "", Members: null }).Select(a => Nullable.GetUnderlyingType(a.Argument.Type) ?? a.Argument.Type)
            .Distinct().OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => (t, limits.TextFieldsOf(t))).ToList();

    private static string Describe(RouteEndpoint e) =>
        $"{string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}";
}

/// <summary>What a feature's request types write (see <c>InputCoverageTests.Writes</c>): request type name → entities or "field=Entity.Property".</summary>
public interface IRequestWrites
{
    IReadOnlyDictionary<string, string[]> Writes { get; }
}
