using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education;
using Dangjian.Web.Modules.Education.Study;
using Dangjian.Web.Modules.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Bench;

/// <summary>
/// The study-time benchmark (bench/run.sh study; issue 16): MEMBERS members (10,000) studying one video at once, each
/// page sending its heartbeat every HeartbeatSeconds (30), so 333 heartbeats/s for 5 minutes. On a database prepared by
/// `signin-prepare` (one branch, each member with an account and a bearer token; the branch secretary in DIR/host.txt):
/// <list type="bullet">
/// <item>`study-course URL DIR MEDIASECONDS`: the secretary creates a required video course at the branch through the API,
/// uploads an MP4 whose header says MEDIASECONDS (3,600) and publishes it; DIR/course.txt.</item>
/// <item>`study-load URL DIR SERVERPID SECONDS INTERVAL RAMP`: open loop on a fixed schedule, never waiting for other
/// members' answers: member i starts a session at i × RAMP / MEMBERS, then heartbeats (visible, playing) at its start +
/// k × INTERVAL (once its start is answered, as the page does); from RAMP on every member beats once per INTERVAL, and
/// SECONDS of that steady load are measured. Latency from the moment the request is sent (and, separately, from its
/// scheduled moment, so a late client shows). Printed: the starts', the ramp's and the steady heartbeats' p50/p95/p99/max,
/// answers by status and reason, the server's CPU per steady heartbeat; DIR/credited.txt: each member's credited seconds
/// as the answers said.</item>
/// <item>`study-check Sqlite|Postgres CONNECTION DIR`: recomputes from the tables: each member's StudyProgress seconds
/// of the course, the sum of their sessions' seconds and beats, against credited.txt. Exit code 1 when any differs (a
/// heartbeat lost or counted twice).</item>
/// </list>
/// </summary>
public static class StudyRun
{
    public static async Task<int> CourseAsync(string url, string dir, int mediaSeconds)
    {
        var host = await File.ReadAllLinesAsync(Path.Combine(dir, "host.txt"));
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInRun.TokenAsync(http, host[0], host[1], CancellationToken.None));
        var course = await PostAsync(http, "/api/v1/education/courses", JsonContent.Create(new
        {
            orgUnitId = Guid.Parse(host[2]), title = "压测视频课：新时代党的建设总要求", courseKind = "Video", category = "Theory", caseKind = "None",
            summary = "10,000 名党员同时学习", required = true,
        }));
        var id = course["id"]!.GetValue<string>();
        using var file = new ByteArrayContent(Mp4(1000, (ulong)mediaSeconds * 1000));
        file.Headers.ContentType = new MediaTypeHeaderValue("video/mp4");
        var uploaded = await PostAsync(http, $"/api/v1/education/courses/{id}/files?fileName=bench.mp4", file);
        await PostAsync(http, $"/api/v1/education/courses/{id}/publish", null);
        await File.WriteAllTextAsync(Path.Combine(dir, "course.txt"), id);
        Console.WriteLine($"course {id}: video of {uploaded["seconds"]} s (read by the server), published to branch {host[2]}");
        return 0;
    }

    public static async Task<int> LoadAsync(string url, string dir, int serverPid, int seconds, int interval, int rampSeconds)
    {
        var tokens = await File.ReadAllLinesAsync(Path.Combine(dir, "tokens.txt"));
        var users = await File.ReadAllLinesAsync(Path.Combine(dir, "users.txt"));
        var courseId = Guid.Parse((await File.ReadAllTextAsync(Path.Combine(dir, "course.txt"))).Trim());
        var n = tokens.Length;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60),
        };
        var sessions = new Guid?[n];
        var credited = new int[n];
        var start = new Meter();
        var rampBeats = new Meter();
        var beats = new Meter();
        var beatsPerMember = seconds / interval;
        var ramp = Math.Max(interval, rampSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{n:N0} members, a heartbeat every {interval} s each ({n / (double)interval:F0}/s) for {seconds} s after {n:N0} starts spread over {ramp} s; {BenchDatabase.LoadAverage()}"));

        // The schedule: member i starts at i × RAMP / n, then beats every INTERVAL from its own start. Once everyone has
        // started (t = RAMP) every member beats once per interval: the measured SECONDS of steady load. What comes before
        // it (the starts and the first beats of the ramp) is counted apart.
        var events = new List<(TimeSpan At, int Member, int Round)>(n * (beatsPerMember + ramp / interval + 1));
        for (var i = 0; i < n; i++)
        {
            var first = TimeSpan.FromSeconds(i * (double)ramp / n);
            for (var k = 0; first + TimeSpan.FromSeconds(k * interval) < TimeSpan.FromSeconds(ramp + seconds); k++)
                events.Add((first + TimeSpan.FromSeconds(k * interval), i, k));
        }
        events.Sort((a, b) => a.At.CompareTo(b.At));
        var steady = TimeSpan.FromSeconds(ramp);
        var clock = Stopwatch.StartNew();
        var pending = new List<Task>(events.Count);
        var startPhase = new LoadMeter.Phase($"ramp ({ramp} s: the starts and the first heartbeats)", serverPid);
        LoadMeter.Phase? beatPhase = null;
        var started = new TaskCompletionSource[n];
        for (var i = 0; i < n; i++) started[i] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var (at, member, round) in events)
        {
            var wait = at - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            if (beatPhase is null && at >= steady)
            {
                startPhase.End();
                beatPhase = new LoadMeter.Phase($"steady heartbeats ({seconds} s)", serverPid);
            }
            var meter = round == 0 ? start : at >= steady ? beats : rampBeats;
            pending.Add(round == 0
                ? Send(http, tokens[member], "/api/v1/education/study/sessions", new { courseId }, at, clock, meter, body =>
                {
                    sessions[member] = Guid.Parse(body["id"]!.GetValue<string>());
                    started[member].TrySetResult();
                }, () => started[member].TrySetResult())
                : BeatAsync(member, round, at, meter));
        }
        await Task.WhenAll(pending);
        beatPhase!.End();
        startPhase.Print();
        beatPhase.Print();
        Console.WriteLine($"starts:               {start}");
        Console.WriteLine($"heartbeats, ramp:     {rampBeats}");
        Console.WriteLine($"heartbeats, steady:   {beats}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"steady heartbeats/s: {beats.Count / beatPhase.Seconds:F1}; server CPU per steady heartbeat: {beatPhase.ServerCpuSeconds * 1000 / Math.Max(1, beats.Count):F2} ms; " +
            $"credited in all: {credited.Sum():N0} s ({credited.Sum() / 3600.0:F1} h)"));

        // A heartbeat waits for its member's start to be answered (as the page does); a start that failed sends none.
        async Task BeatAsync(int member, int round, TimeSpan at, Meter meter)
        {
            await started[member].Task;
            if (sessions[member] is not { } session) return;
            await Send(http, tokens[member], $"/api/v1/education/study/sessions/{session}/heartbeats", new { visible = true, playing = true, position = round * interval },
                at, clock, meter, body => Interlocked.Add(ref credited[member], body["credited"]!.GetValue<int>()));
        }
        await File.WriteAllLinesAsync(Path.Combine(dir, "credited.txt"), users.Select((u, i) => string.Create(CultureInfo.InvariantCulture, $"{u} {credited[i]}")));
        return beats.Failed == 0 && rampBeats.Failed == 0 && start.Failed == 0 ? 0 : 1;
    }

    public static async Task<int> CheckAsync(string providerName, string connectionString, string dir)
    {
        var provider = Enum.Parse<DatabaseProvider>(providerName);
        var courseId = Guid.Parse((await File.ReadAllTextAsync(Path.Combine(dir, "course.txt"))).Trim());
        var expected = (await File.ReadAllLinesAsync(Path.Combine(dir, "credited.txt")))
            .Select(l => l.Split(' ')).ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture));
        await using var services = BenchDatabase.BuildServices(provider, connectionString);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var names = await db.Users.IgnoreQueryFilters().AsNoTracking().Select(u => new { u.Id, u.UserName }).ToDictionaryAsync(u => u.Id, u => u.UserName!);
        var members = await db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => m.UserId != null)
            .Select(m => new { m.Id, UserId = m.UserId!.Value }).ToDictionaryAsync(m => m.Id, m => names[m.UserId]);
        var progress = await db.StudyProgress.IgnoreQueryFilters().AsNoTracking().Where(p => p.CourseId == courseId)
            .GroupBy(p => p.MemberId).Select(g => new { g.Key, Seconds = g.Sum(p => p.Seconds) }).ToDictionaryAsync(x => x.Key, x => x.Seconds);
        var sessions = await db.StudySessions.IgnoreQueryFilters().AsNoTracking().Where(s => s.CourseId == courseId)
            .GroupBy(s => s.MemberId).Select(g => new { g.Key, Seconds = g.Sum(s => s.Seconds), Beats = g.Sum(s => s.Beats), Count = g.Count() })
            .ToDictionaryAsync(x => x.Key);
        int differs = 0, sessionDiffers = 0, checkedMembers = 0;
        long total = 0, beats = 0;
        foreach (var (memberId, userName) in members)
        {
            if (!expected.TryGetValue(userName, out var answered)) continue;
            checkedMembers++;
            var stored = progress.GetValueOrDefault(memberId);
            var s = sessions.GetValueOrDefault(memberId);
            total += stored;
            beats += s?.Beats ?? 0;
            if (stored != answered) differs++;
            if ((s?.Seconds ?? 0) != stored) sessionDiffers++;
        }
        var ok = differs == 0 && sessionDiffers == 0 && checkedMembers == expected.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"count check: {checkedMembers:N0} members, {total:N0} s stored ({total / 3600.0:F1} h), {beats:N0} accepted heartbeats in the sessions; " +
            $"{differs} members whose stored seconds differ from what their answers credited, {sessionDiffers} whose sessions' seconds differ from their progress: {(ok ? "OK" : "FAILED")}"));
        return ok ? 0 : 1;
    }

    private static async Task Send(HttpClient http, string token, string path, object body, TimeSpan scheduled, Stopwatch clock, Meter meter, Action<JsonNode> onOk,
        Action? onFail = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var sent = clock.Elapsed;
        try
        {
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var done = clock.Elapsed;
            var json = response.IsSuccessStatusCode ? JsonNode.Parse(text)! : null;
            if (json is not null) onOk(json);
            else onFail?.Invoke();
            meter.Add((done - sent).TotalMilliseconds, (done - scheduled).TotalMilliseconds,
                json?["reason"]?.GetValue<string>() is { } reason ? $"{(int)response.StatusCode} {reason}" : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture),
                response.IsSuccessStatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            meter.Add((clock.Elapsed - sent).TotalMilliseconds, (clock.Elapsed - scheduled).TotalMilliseconds, e.GetType().Name, false);
            onFail?.Invoke();
        }
    }

    /// <summary>An MP4 the server reads a length from: ftyp, moov/mvhd (version 0), a small mdat.</summary>
    private static byte[] Mp4(uint timescale, ulong duration)
    {
        using var s = new MemoryStream();
        Box(s, "ftyp", [.. "isom"u8, 0, 0, 2, 0, .. "isommp41"u8]);
        var mvhd = new byte[100];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(12), timescale);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(mvhd.AsSpan(16), (uint)duration);
        using (var moov = new MemoryStream())
        {
            Box(moov, "mvhd", mvhd);
            Box(s, "moov", moov.ToArray());
        }
        Box(s, "mdat", new byte[4096]);
        return s.ToArray();
    }

    private static void Box(Stream s, string type, byte[] payload)
    {
        var head = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(head, (uint)(payload.Length + 8));
        Encoding.ASCII.GetBytes(type).CopyTo(head, 4);
        s.Write(head);
        s.Write(payload);
    }

    internal static async Task<JsonNode> PostAsync(HttpClient http, string path, HttpContent? content)
    {
        using var response = await http.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Latencies from sending and from the schedule, and answers by status (and reason), of one kind of request.</summary>
    internal sealed class Meter
    {
        private readonly ConcurrentBag<double> sent = [];
        private readonly ConcurrentBag<double> scheduled = [];
        private readonly ConcurrentDictionary<string, int> answers = new();
        private int failed;

        public int Count => sent.Count;
        public int Failed => failed;

        public void Add(double fromSent, double fromSchedule, string answer, bool ok)
        {
            sent.Add(fromSent);
            scheduled.Add(fromSchedule);
            answers.AddOrUpdate(answer, 1, (_, c) => c + 1);
            if (!ok) Interlocked.Increment(ref failed);
        }

        public override string ToString() =>
            $"{LoadMeter.Stats(sent.ToList())}; from the schedule: p99 {LoadMeter.Pct(scheduled.ToList(), 99).ToString("F1", CultureInfo.InvariantCulture)} ms; " +
            $"answers: {string.Join(", ", answers.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Value:N0} × {kv.Key}"))}";
    }
}
