using Dangjian.Web.Components;
using Dangjian.Web.Modules.Accounts;
using Dangjian.Web.Modules.Development;
using Dangjian.Web.Modules.Dues;
using Dangjian.Web.Modules.Assessment;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Meetings;
using Dangjian.Web.Modules.Dashboard;
using Dangjian.Web.Modules.Members;
using Dangjian.Web.Modules.Organizations;
using Dangjian.Web.Platform;
using Dangjian.Web.Platform.Hosting;
using Dangjian.Web.Seeding;

if (args.Length > 0 && CommandLine.IsCommand(args[0]))
{
    return await CommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddPlatform(builder.Configuration, builder.Environment);
builder.Services.AddOrganizations(builder.Configuration);
builder.Services.AddAccounts();
builder.Services.AddMembers(builder.Configuration);
builder.Services.AddDues(builder.Configuration);
builder.Services.AddDevelopment(builder.Configuration);
builder.Services.AddMeetings(builder.Configuration);
builder.Services.AddDashboard(builder.Configuration);
builder.Services.AddEducation(builder.Configuration);
builder.Services.AddAssessment(builder.Configuration);
builder.Services.AddRazorComponents();

var app = builder.Build();
app.UsePlatform();
// One group for every module's endpoints: its conventions (the text limits of Platform/Input) reach all of them.
var endpoints = app.MapEndpoints();
endpoints.MapPlatform();
endpoints.MapOrganizations();
endpoints.MapAccounts();
endpoints.MapMembers();
endpoints.MapDues();
endpoints.MapDevelopment();
endpoints.MapMeetings();
endpoints.MapDashboard();
endpoints.MapEducation();
endpoints.MapAssessment();
app.MapUi();
app.MapRazorComponents<App>();

await StartupTasks.RunAsync(app);
// The first burst after a start (a meeting opening) finds the hot paths compiled and connections ready (WarmUp).
await WarmUp.DatabaseAsync(app.Services);
await app.StartAsync();
await WarmUp.HttpAsync(app);
await app.WaitForShutdownAsync();
return 0;

/// <summary>Entry point type for the test host.</summary>
public partial class Program;
