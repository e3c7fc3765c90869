using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Modules.Development.Materials;

namespace Dangjian.Tests.Modules.Development;

/// <summary>Records steps of a case through the API the way a secretary does: the required materials first.</summary>
public static class CaseSteps
{
    /// <summary>Uploads the step's required materials (a small file each), then records the step.</summary>
    public static async Task<JsonNode> RecordAsync(HttpClient client, Guid caseId, object body)
    {
        await UploadMaterialsAsync(client, caseId, (int)body.GetType().GetProperty("step")!.GetValue(body)!);
        using var response = await client.PostAsJsonAsync($"/api/v1/development/cases/{caseId}/steps", body);
        return (await response.ShouldHaveStatusAsync(HttpStatusCode.OK))!;
    }

    /// <summary>Uploads the step's required materials, a small file each.</summary>
    public static async Task UploadMaterialsAsync(HttpClient client, Guid caseId, int step)
    {
        foreach (var m in MaterialChecklist.Of(step).Where(m => m.Required))
        {
            using var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($"{m.Code}（第{step}步）"));
            file.Headers.ContentType = new("text/plain");
            using var uploaded = await client.PostAsync($"/api/v1/development/cases/{caseId}/materials?step={step}&code={m.Code}&fileName={m.Code}.txt", file);
            await uploaded.ShouldHaveStatusAsync(HttpStatusCode.Created);
        }
    }

}
