using Dangjian.Web.Modules.Dashboard;
using Dangjian.Web.Modules.Development;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Platform.Clock;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Modules.Organizations.Committees;
using Dangjian.Web.Platform.Auth;
using Dangjian.Web.Platform.Notifications;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dangjian.Tests.Security;

/// <summary>
/// A tenant with a root 党委 and two sibling branches A and B. Each branch has a member on its roll, a committee term
/// with a committee member, a secretary account and a notification for that secretary, a transfer letter, an import
/// upload and a 党员证明信; B also has a dissolved 党小组.
/// Everything of B carries a unique marker so a leak can be found in any response.
/// </summary>
public sealed class SiblingWorld
{
    public required TestTenant Tenant { get; init; }
    public required Side A { get; init; }
    public required Side B { get; init; }

    public sealed record Side(
        OrgUnit Unit, Member Member, CommitteeTerm Term, CommitteeMember CommitteeMember, TestUser Secretary, Guid NotificationId,
        OrgUnit? DissolvedGroup, Dangjian.Web.Modules.Members.Transfers.MemberTransfer Transfer, Guid ImportId, Guid RecordEntryId,
        Guid MobileRegistrationId, Guid CaseId, string ApplicantName, Guid MaterialId, Guid DuesImportId, Dangjian.Web.Modules.Dues.Usage.DuesUsage Usage,
        Dangjian.Web.Modules.Members.Certificates.MemberCertificate Certificate, Dangjian.Web.Modules.Members.Transfers.Incoming.IncomingTransfer Incoming,
        Dangjian.Web.Modules.Meetings.Meeting Meeting, Guid LeaveId, Guid FirstTopicId, Guid AttachmentId, Guid WeakLinkId, string IdNumber,
        SiblingSeedContext Extra)
    {
        /// <summary>Strings that only a caller who may see this branch should ever receive.</summary>
        public IReadOnlyList<string> Secrets =>
        [
            Unit.Name, Member.Name, CommitteeMember.Name, Secretary.UserName, Secretary.DisplayName,
            .. DissolvedGroup is null ? Array.Empty<string>() : [DissolvedGroup.Name],
            Unit.Id.ToString(), Term.Id.ToString(), CommitteeMember.Id.ToString(), Secretary.Id.ToString(),
            Transfer.Destination!, Transfer.Id.ToString(), $"职务{Marker(Unit)}", $"去向{Marker(Unit)}",
            ApplicantName, CaseId.ToString(), Usage.Description, Usage.Id.ToString(),
            Certificate.Destination, Certificate.Number, Certificate.Id.ToString(),
            Incoming.Name, Incoming.IssuedBy, Incoming.LetterNumber, Incoming.Id.ToString(), Meeting.Topic, Meeting.Id.ToString(), $"请假{Marker(Unit)}", $"第一议题{Marker(Unit)}",
            $"薄弱环节{Marker(Unit)}", WeakLinkId.ToString(), IdNumber, .. Extra.Secrets,
        ];

        private static string Marker(OrgUnit unit) => unit.Name[(unit.Name.IndexOf("支部", StringComparison.Ordinal) + 2)..];

        /// <summary>Secrets that are names, not the ids a refusal may legitimately echo from the request.</summary>
        public IReadOnlyList<string> Names => Secrets.Where(s => !Guid.TryParse(s, out _)).ToList();

        /// <summary>
        /// This side's value for a route parameter of <paramref name="path"/>, told apart by its name and the segment
        /// before it; an org-unit id is <paramref name="unitId"/> when given (e.g. the dissolved group). Null when unknown.
        /// </summary>
        public object? RouteValue(string path, string name, Guid? unitId = null) => (name, Segment(path, name)) switch
        {
            ("id", "org-units") => unitId ?? Unit.Id,
            ("id", "users") => Secretary.Id,
            ("id", "members") => Member.Id,
            ("id", "cases") => CaseId,
            ("id", "meetings") => Meeting.Id,
            ("id", "notifications") => NotificationId,
            ("leaveId", _) => LeaveId,
            ("firstTopicId", _) => FirstTopicId,
            ("attachmentId", _) => AttachmentId,
            ("weakLinkId", _) => WeakLinkId,
            ("materialId", _) => MaterialId,
            ("step", _) => 7,
            ("code", _) => "candidate-minutes",
            ("transferId", _) => Transfer.Id,
            ("importId", "base-imports") => DuesImportId,
            ("certificateId", _) => Certificate.Id,
            ("importId", _) => ImportId,
            ("usageId", _) => Usage.Id,
            ("incomingId", _) => Incoming.Id,
            ("termId", _) => Term.Id,
            ("memberId", _) => CommitteeMember.Id,
            ("kind", _) => "post",
            ("entryId", _) => RecordEntryId,
            ("registrationId", _) => MobileRegistrationId,
            ("table", _) => "education",
            _ => Extra.RouteValue(name, Segment(path, name)),
        };

        /// <summary>
        /// A request body that fills every property of <paramref name="op"/>'s schema: this side's rows, the unit
        /// <paramref name="bodyUnitId"/> where a unit is asked for, and values that would be accepted where it may act.
        /// </summary>
        public JsonNode? Body(ApiOperations operations, ApiOperation op, Guid bodyUnitId)
        {
            if (op.BodySchema is null) return null;
            return operations.Sample(op.BodySchema, (name, _) => name.ToLowerInvariant() switch
            {
                "parentid" or "newparentid" or "orgunitid" or "toorgunitid" => JsonValue.Create(bodyUnitId),
                "termid" => JsonValue.Create(Term.Id),
                "memberid" => JsonValue.Create(Member.Id),
                "mentorids" or "sponsorids" => new JsonArray(JsonValue.Create(Member.Id)),
                "approverunitid" => JsonValue.Create(bodyUnitId),
                "userid" => JsonValue.Create(Secretary.Id),
                "username" => JsonValue.Create(TestTenant.Unique("intruder").ToLowerInvariant()),
                "password" => JsonValue.Create("Intruder-2026"),
                "displayname" or "name" => JsonValue.Create("越权测试"),
                // Values that would be accepted if the caller could reach the side: a 党小组 under a branch, real enum names.
                "kind" => JsonValue.Create("Group"),
                "setup" => JsonValue.Create("Standalone"),
                "post" => JsonValue.Create("CommitteeMember"),
                "role" => JsonValue.Create("SystemAdmin"),
                "scope" => JsonValue.Create("OwnUnitAndBelow"),
                "hostunittype" => JsonValue.Create("公有经济控制企业"),
                "method" => JsonValue.Create("Phone"),
                "duespaiduntil" => JsonValue.Create("2026-10"),
                "firsttopicid" => JsonValue.Create(FirstTopicId),
                "idnumber" => JsonValue.Create("11010519491231002X"),
                "mobile" => JsonValue.Create("13800000000"),
                // A link is only taken as http(s) (SafeLinks), whoever sends it.
                "onlinelink" => JsonValue.Create("https://meeting.example.com/sibling"),
                "votersentitled" => JsonValue.Create(10),
                "voterspresent" or "votesreceived" => JsonValue.Create(9),
                var other => Extra.BodyValue(other),
            });
        }

        /// <summary>The path segment right before "{name}": tells what kind of id the parameter is.</summary>
        private static string Segment(string path, string name)
        {
            var parts = path.Split('/');
            var i = Array.IndexOf(parts, "{" + name + "}");
            return i > 0 ? parts[i - 1] : "";
        }
    }

    public static async Task<SiblingWorld> CreateAsync(AppFixture app)
    {
        var tenant = await TestTenant.CreateAsync(app);
        var a = await SideAsync(app, tenant, "甲", withDissolvedGroup: false);
        var b = await SideAsync(app, tenant, "乙", withDissolvedGroup: true);
        return new SiblingWorld { Tenant = tenant, A = a, B = b };
    }

    private static async Task<Side> SideAsync(AppFixture app, TestTenant tenant, string label, bool withDissolvedGroup)
    {
        // ASCII markers as well as Chinese: a JSON body may escape the Chinese characters.
        var marker = TestTenant.Unique("MARK" + (label == "甲" ? "A" : "B"));
        var unit = await tenant.AddUnitAsync(tenant.Root, OrgUnitKind.Branch, $"{label}支部{marker}");
        var member = (await tenant.AddMembersAsync(unit, 1, namePrefix: $"{label}党员{marker}"))[0];
        var term = await tenant.AddTermAsync(unit, new DateOnly(2025, 1, 10), new DateOnly(2028, 1, 9), $"{label}委员{marker}");
        var secretary = await tenant.AddUserAsync(unit, AppRole.BranchSecretary, displayName: $"{label}书记{marker}");

        OrgUnit? dissolved = null;
        if (withDissolvedGroup)
        {
            dissolved = await tenant.AddUnitAsync(unit, OrgUnitKind.Group, $"{label}撤销小组{marker}");
            await app.InTenantAsync(tenant.TenantId, db => db.OrgUnits.Where(u => u.Id == dissolved.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.DissolvedAt, app.Clock.GetUtcNow())));
        }

        var notification = new Notification
        {
            Id = Guid.CreateVersion7(app.Clock.GetUtcNow()), TenantId = tenant.TenantId, UserId = secretary.Id, CreatedAt = app.Clock.GetUtcNow(),
            Title = $"{label}通知{marker}", Body = $"{label}内容{marker}", DedupKey = "test:" + marker,
        };
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.Notifications.Add(notification);
            await db.SaveChangesAsync();
        });
        var transfer = new Dangjian.Web.Modules.Members.Transfers.MemberTransfer
        {
            Id = Guid.CreateVersion7(app.Clock.GetUtcNow()), TenantId = tenant.TenantId, MemberId = member.Id, MemberName = member.Name,
            FromUnitId = unit.Id, FromPath = unit.Path, Destination = $"{label}外单位{marker}", LetterNumber = $"测试〔2026〕{marker}",
            Kind = Dangjian.Web.Modules.Members.Transfers.TransferKind.Outgoing, IssuedOn = app.Clock.Today(), ValidUntil = app.Clock.Today().AddDays(30),
            CreatedAt = app.Clock.GetUtcNow(), CreatedByUserId = secretary.Id,
        };
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.MemberTransfers.Add(transfer);
            await db.SaveChangesAsync();
        });
        var upload = new Dangjian.Web.Platform.Import.ImportUpload
        {
            Id = Guid.CreateVersion7(app.Clock.GetUtcNow()), TenantId = tenant.TenantId, UserId = secretary.Id, OrgUnitId = unit.Id,
            FileName = $"{label}名册{marker}.xlsx", Content = [1, 2, 3], CreatedAt = app.Clock.GetUtcNow(),
        };
        var duesUpload = new Dangjian.Web.Platform.Import.ImportUpload
        {
            Id = Guid.CreateVersion7(app.Clock.GetUtcNow()), TenantId = tenant.TenantId, UserId = secretary.Id, OrgUnitId = unit.Id,
            Kind = Dangjian.Web.Modules.Dues.Import.ImportDuesBases.UploadKind, FileName = $"{label}工资表{marker}.xlsx", Content = [1, 2, 3],
            CreatedAt = app.Clock.GetUtcNow(),
        };
        var usage = new Dangjian.Web.Modules.Dues.Usage.DuesUsage
        {
            Id = Guid.CreateVersion7(app.Clock.GetUtcNow()), TenantId = tenant.TenantId, OrgUnitId = unit.Id, OrgPath = unit.Path,
            SpentOn = app.Clock.Today(), AmountFen = 100, Purpose = Dangjian.Web.Modules.Dues.Usage.DuesUsagePurpose.Training,
            Description = $"{label}用途{marker}", ApprovedBy = $"{label}审批{marker}", ApprovedOn = app.Clock.Today(), CreatedAt = app.Clock.GetUtcNow(),
        };
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.ImportUploads.AddRange(upload, duesUpload);
            db.DuesUsages.Add(usage);
            await db.SaveChangesAsync();
        });
        var entry = new Dangjian.Web.Modules.Members.Records.MemberRecordEntry
        {
            Id = Guid.CreateVersion7(app.Clock.GetUtcNow()), TenantId = tenant.TenantId, MemberId = member.Id, OrgUnitId = unit.Id,
            Kind = Dangjian.Web.Modules.Members.Records.RecordKind.Post, Title = $"职务{marker}", StartedOn = new DateOnly(2020, 1, 1),
            CreatedAt = app.Clock.GetUtcNow(),
        };
        var mobile = new Dangjian.Web.Modules.Members.Mobile.MobileRegistration
        {
            Id = Guid.CreateVersion7(app.Clock.GetUtcNow()), TenantId = tenant.TenantId, MemberId = member.Id, OrgUnitId = unit.Id,
            MemberName = member.Name, Destination = $"去向{marker}", LeftOn = new DateOnly(2026, 1, 1), CreatedAt = app.Clock.GetUtcNow(),
        };
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.MemberRecordEntries.Add(entry);
            db.MobileRegistrations.Add(mobile);
            await db.SaveChangesAsync();
        });
        // A development case of someone on B's roll.
        var applicant = (await tenant.AddMembersAsync(unit, 1, MemberCategory.Applicant, $"{label}申请人{marker}"))[0];
        var developmentCase = new Dangjian.Web.Modules.Development.DevelopmentCase
        {
            Id = Guid.CreateVersion7(app.Clock.GetUtcNow()), TenantId = tenant.TenantId, MemberId = applicant.Id, OpenedInUnitId = unit.Id,
            ApplicationDate = new DateOnly(2026, 9, 1), LastStep = 1, LastStepOn = new DateOnly(2026, 9, 1), CreatedAt = app.Clock.GetUtcNow(),
        };
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.DevelopmentCases.Add(developmentCase);
            db.DevelopmentSteps.Add(new Dangjian.Web.Modules.Development.DevelopmentStepRecord
            {
                Id = Guid.CreateVersion7(app.Clock.GetUtcNow()), TenantId = tenant.TenantId, CaseId = developmentCase.Id, Step = 1,
                Date = developmentCase.ApplicationDate, Data = "{}", RecordedAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        });
        var material = new Dangjian.Web.Modules.Development.Materials.DevelopmentMaterial
        {
            Id = Guid.CreateVersion7(app.Clock.GetUtcNow()), TenantId = tenant.TenantId, CaseId = developmentCase.Id, Step = 1, Code = "application",
            FileName = $"{label}申请书{marker}.txt", ContentType = "text/plain", Size = 3, Sha256 = new string('0', 64), Content = [1, 2, 3],
            UploadedAt = app.Clock.GetUtcNow(),
        };
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.DevelopmentMaterials.Add(material);
            await db.SaveChangesAsync();
        });
        var certificate = new Dangjian.Web.Modules.Members.Certificates.MemberCertificate
        {
            Id = Guid.CreateVersion7(app.Clock.GetUtcNow()), TenantId = tenant.TenantId, MemberId = member.Id, MemberName = member.Name,
            OrgUnitId = unit.Id, OrgPath = unit.Path, Number = $"测证〔2026〕{marker}", Destination = $"{label}证明去向{marker}",
            FromDate = app.Clock.Today(), ToDate = app.Clock.Today().AddMonths(1), IssuedOn = app.Clock.Today(),
            Status = Dangjian.Web.Modules.Members.Certificates.CertificateStatus.Issued, CreatedAt = app.Clock.GetUtcNow(), CreatedByUserId = secretary.Id,
        };
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.MemberCertificates.Add(certificate);
            await db.SaveChangesAsync();
        });
        var protector = app.Services.GetRequiredService<Dangjian.Web.Platform.Privacy.PersonalDataProtector>();
        var idNumber = "11010519800101" + (label == "甲" ? "001" : "002");
        idNumber += IdNumberRules.CheckChar(idNumber);
        var incoming = new Dangjian.Web.Modules.Members.Transfers.Incoming.IncomingTransfer
        {
            Id = Guid.CreateVersion7(app.Clock.GetUtcNow()), TenantId = tenant.TenantId, ToUnitId = unit.Id, ToPath = unit.Path,
            LetterNumber = $"外转〔2026〕{marker}", IssuedBy = $"{label}外单位党委{marker}", IssuedOn = app.Clock.Today().AddDays(-3),
            ValidUntil = app.Clock.Today().AddDays(27), Name = $"{label}转入{marker}", IdNumberEncrypted = protector.Encrypt(idNumber)!,
            IdNumberHash = protector.Hash(idNumber), IdNumberMasked = IdNumberRules.Mask(idNumber), Category = MemberCategory.Full,
            JoinedOn = new DateOnly(2012, 7, 1), FullMemberOn = new DateOnly(2013, 7, 1), CreatedAt = app.Clock.GetUtcNow(), CreatedByUserId = secretary.Id,
        };
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.IncomingTransfers.Add(incoming);
            await db.SaveChangesAsync();
        });
        var leaveId = Guid.CreateVersion7(app.Clock.GetUtcNow());
        var firstTopicId = Guid.CreateVersion7(app.Clock.GetUtcNow());
        var attachmentId = Guid.CreateVersion7(app.Clock.GetUtcNow());
        var weakLinkId = Guid.CreateVersion7(app.Clock.GetUtcNow());
        var meeting = new Dangjian.Web.Modules.Meetings.Meeting
        {
            Id = Guid.CreateVersion7(app.Clock.GetUtcNow()), TenantId = tenant.TenantId, OrgUnitId = unit.Id, OrgPath = unit.Path,
            Type = Dangjian.Web.Modules.Meetings.MeetingType.ThemeDay, Topic = $"{label}主题党日{marker}", StartsAt = app.Clock.GetUtcNow().AddMinutes(-5),
            EndsAt = app.Clock.GetUtcNow().AddHours(2), HostUserId = secretary.Id, HostName = secretary.DisplayName,
            SignInSecret = Dangjian.Web.Modules.Meetings.SignInCode.NewSecret(), CreatedAt = app.Clock.GetUtcNow(),
        };
        await app.InTenantAsync(tenant.TenantId, async db =>
        {
            db.Meetings.Add(meeting);
            db.FirstTopics.Add(new Dangjian.Web.Modules.Meetings.FirstTopics.FirstTopic
            {
                Id = firstTopicId, TenantId = tenant.TenantId, OrgUnitId = unit.Id, OrgPath = unit.Path, Title = $"{label}第一议题{marker}",
                PublishedAt = app.Clock.GetUtcNow(),
            });
            db.MeetingAttachments.Add(new Dangjian.Web.Modules.Meetings.Records.MeetingAttachment
            {
                Id = attachmentId, TenantId = tenant.TenantId, MeetingId = meeting.Id, FileName = $"{label}会场{marker}.jpg", ContentType = "image/jpeg",
                Size = 3, Sha256 = new string('0', 64), Content = [1, 2, 3], UploadedAt = app.Clock.GetUtcNow(),
            });
            db.MeetingLeaves.Add(new Dangjian.Web.Modules.Meetings.MeetingLeave
            {
                Id = leaveId, TenantId = tenant.TenantId, MeetingId = meeting.Id, MemberId = member.Id, MemberName = member.Name,
                Reason = $"{label}请假{marker}", RequestedAt = app.Clock.GetUtcNow(),
            });
            db.WeakLinks.Add(new Dangjian.Web.Modules.Dashboard.WeakLinks.WeakLink
            {
                Id = weakLinkId, TenantId = tenant.TenantId, Key = $"test:{weakLinkId:N}", OrgUnitId = unit.Id, OrgPath = unit.Path, OrgUnitName = unit.Name,
                Rule = "meetings-missed", Reason = $"{label}薄弱环节{marker}", Article = "第五章", Score = 30, DetectedAt = app.Clock.GetUtcNow(),
                UpdatedAt = app.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        });
        // Each feature's own rows (ISiblingSeed), with their route values, body values and secrets.
        var extra = new SiblingSeedContext(tenant, unit, member, secretary, meeting, label, marker);
        foreach (var seed in SiblingSeeds()) await seed.SeedAsync(app, extra);
        return new Side(unit, member, term, term.Members[0], secretary, notification.Id, dissolved, transfer, upload.Id, entry.Id, mobile.Id,
            developmentCase.Id, applicant.Name, material.Id, duesUpload.Id, usage, certificate, incoming, meeting, leaveId, firstTopicId, attachmentId, weakLinkId,
            idNumber, extra);
    }

    /// <summary>Every <see cref="ISiblingSeed"/> of the test assembly, in a fixed order.</summary>
    public static IReadOnlyList<ISiblingSeed> SiblingSeeds() =>
        typeof(SiblingWorld).Assembly.GetTypes().Where(t => typeof(ISiblingSeed).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName).Select(t => (ISiblingSeed)Activator.CreateInstance(t)!).ToList();
}

/// <summary>
/// A feature's rows for one side of the sibling world, kept beside the feature's tests (e.g. Modules/Education/…SiblingSeed.cs)
/// instead of in <see cref="SiblingWorld"/>: the scope and fuzz tests then aim every new operation at them.
/// </summary>
public interface ISiblingSeed
{
    /// <summary>Adds the feature's rows of <paramref name="side"/> (its unit, member, secretary, meeting) and registers their ids and secrets.</summary>
    Task SeedAsync(AppFixture app, SiblingSeedContext side);

    /// <summary>After the scope test: B's rows are as seeded (nothing changed by A's caller).</summary>
    Task CheckUntouchedAsync(AppFixture app, SiblingSeedContext side) => Task.CompletedTask;
}

/// <summary>What a seed knows of its side and what it tells the tests back.</summary>
public sealed class SiblingSeedContext(TestTenant tenant, OrgUnit unit, Member member, TestUser secretary, Dangjian.Web.Modules.Meetings.Meeting meeting,
    string label, string marker)
{
    public TestTenant Tenant { get; } = tenant;
    public OrgUnit Unit { get; } = unit;
    public Member Member { get; } = member;
    public TestUser Secretary { get; } = secretary;
    public Dangjian.Web.Modules.Meetings.Meeting Meeting { get; } = meeting;
    /// <summary>甲 (A) or 乙 (B).</summary>
    public string Label { get; } = label;
    /// <summary>A unique ASCII marker of this side: put it in every name the seed writes, and add the names to <see cref="Secrets"/>.</summary>
    public string Marker { get; } = marker;

    /// <summary>Route values by parameter name ("courseId"), or by "segment/name" ("courses/id") when the name alone is ambiguous.</summary>
    public Dictionary<string, object> RouteValues { get; } = [];

    /// <summary>Request body values by property name in lower case ("courseid"), when the defaults of <see cref="SiblingWorld.Side.Body"/> do not know it.</summary>
    public Dictionary<string, Func<JsonNode?>> BodyValues { get; } = [];

    /// <summary>Strings only a caller who may see this side should ever receive (names with the marker, ids).</summary>
    public List<string> Secrets { get; } = [];

    /// <summary>Anything else a seed wants to keep for its own checks.</summary>
    public Dictionary<string, object> Items { get; } = [];

    public object? RouteValue(string name, string segment) =>
        RouteValues.TryGetValue(segment + "/" + name, out var bySegment) ? bySegment : RouteValues.GetValueOrDefault(name);

    public JsonNode? BodyValue(string lowerCaseName) => BodyValues.TryGetValue(lowerCaseName, out var value) ? value() : null;
}

/// <summary>The leak detector of the scope and fuzz tests: which secrets an answer carries.</summary>
public static class Leaks
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Which of the secrets appear in a body, raw or after undoing JSON's \u escapes.</summary>
    public static List<string> Find(string body, IEnumerable<string> secrets)
    {
        var readable = body;
        try
        {
            if (JsonNode.Parse(body) is { } node) readable = node.ToJsonString(Readable);
        }
        catch (JsonException)
        {
        }
        return secrets.Where(s => body.Contains(s, StringComparison.Ordinal) || readable.Contains(s, StringComparison.Ordinal)).ToList();
    }
}
