using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dangjian.Web.Data;
using Dangjian.Web.Modules.Education.Exams;
using Dangjian.Web.Modules.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dangjian.Bench;

/// <summary>
/// The contest benchmark (bench/run.sh contest; issue 16): MEMBERS members (2,000) hand in a 20-question 知识竞赛 paper
/// within one minute. On a database prepared by `signin-prepare` (the branch secretary in DIR/host.txt):
/// <list type="bullet">
/// <item>`contest-setup URL DIR QUESTIONS`: the secretary writes QUESTIONS (20) single-choice questions at the branch, a
/// fixed paper of 5 points each and a contest open now (60 minutes per attempt, one attempt, pass mark 60) through the
/// API; DIR/exam.txt and DIR/key.txt (each question's key).</item>
/// <item>`contest-load URL DIR SERVERPID SECONDS DUPLICATEPERCENT`: every member starts their attempt (32 at a time; not the
/// measured part), then the hand-ins on a fixed schedule spread evenly over SECONDS (60), open loop: each member's 20
/// answers in the submit request, right with probability 0.8 (a fixed seed per member), so the score the server must
/// give is known here. DUPLICATEPERCENT of the members (5) hand in twice at the same moment (a double tap), which must
/// be graded once: one 200 and one 409. Five screens poll the contest's ranking once a second meanwhile. Printed: the
/// hand-ins' p50/p95/p99/max, answers by status, scores that differ from the expected, the ranking's latency, the
/// server's CPU per hand-in; DIR/expected.txt: each member's expected score.</item>
/// <item>`contest-check Sqlite|Postgres CONNECTION DIR`: recounts from the tables: one attempt per member, handed in and
/// graded (each answer marked), its score as expected, and the wrong-answer book holding each wrong answer once. Exit
/// code 1 when any differs.</item>
/// </list>
/// </summary>
public static class ContestRun
{
    private const int Points = 5;

    public static async Task<int> SetupAsync(string url, string dir, int questions)
    {
        var host = await File.ReadAllLinesAsync(Path.Combine(dir, "host.txt"));
        var branch = Guid.Parse(host[2]);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SignInRun.TokenAsync(http, host[0], host[1], CancellationToken.None));
        var keys = new List<string>();
        for (var i = 0; i < questions; i++)
        {
            var key = "ABCD"[i % 4].ToString();
            var q = await StudyRun.PostAsync(http, "/api/v1/education/questions", JsonContent.Create(new
            {
                orgUnitId = branch, type = "Single", category = i % 2 == 0 ? "PartyRules" : "PartyHistory", difficulty = 1 + i % 5,
                stem = $"竞赛压测第{i + 1}题：下列说法正确的是？", options = new[] { "选项甲", "选项乙", "选项丙", "选项丁" }, answer = key, explanation = "压测题目",
            }));
            keys.Add($"{q["id"]!.GetValue<string>()} {key}");
        }
        var paper = await StudyRun.PostAsync(http, "/api/v1/education/papers", JsonContent.Create(new
        {
            orgUnitId = branch, title = "知识竞赛压测卷", mode = "Fixed",
            items = keys.Select(k => new { questionId = Guid.Parse(k.Split(' ')[0]), points = Points }).ToArray(),
        }));
        var now = TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var exam = await StudyRun.PostAsync(http, "/api/v1/education/exams", JsonContent.Create(new
        {
            orgUnitId = branch, paperId = Guid.Parse(paper["id"]!.GetValue<string>()), title = "党章党史知识竞赛（压测）", isContest = true,
            opensAt = now.AddMinutes(-1), closesAt = now.AddHours(3), timeLimitMinutes = 60, attemptsAllowed = 1, passMark = 60,
        }));
        await File.WriteAllTextAsync(Path.Combine(dir, "exam.txt"), exam["id"]!.GetValue<string>());
        await File.WriteAllLinesAsync(Path.Combine(dir, "key.txt"), keys);
        Console.WriteLine($"contest {exam["id"]}: {questions} questions × {Points} points, open now");
        return 0;
    }

    public static async Task<int> LoadAsync(string url, string dir, int serverPid, int seconds, int duplicatePercent)
    {
        var tokens = await File.ReadAllLinesAsync(Path.Combine(dir, "tokens.txt"));
        var users = await File.ReadAllLinesAsync(Path.Combine(dir, "users.txt"));
        var host = await File.ReadAllLinesAsync(Path.Combine(dir, "host.txt"));
        var examId = (await File.ReadAllTextAsync(Path.Combine(dir, "exam.txt"))).Trim();
        var keys = (await File.ReadAllLinesAsync(Path.Combine(dir, "key.txt"))).Select(l => l.Split(' ')).ToDictionary(p => p[0], p => p[1]);
        var n = tokens.Length;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60),
        };

        // Start: each member's attempt (the questions drawn by the server), 32 at a time.
        var attempts = new (string Id, JsonArray Questions)[n];
        var startPhase = new LoadMeter.Phase("starts", serverPid);
        var startMs = new ConcurrentBag<double>();
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/education/exams/{examId}/attempts");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[i]);
            var sw = Stopwatch.StartNew();
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            startMs.Add(sw.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"start for {users[i]}: {(int)response.StatusCode} {text}");
            var json = JsonNode.Parse(text)!;
            attempts[i] = (json["id"]!.GetValue<string>(), json["questions"]!.AsArray());
        });
        startPhase.End();

        // The answers and the score they must earn: right with probability 0.8, a fixed seed per member.
        var expected = new double[n];
        var bodies = new object[n];
        for (var i = 0; i < n; i++)
        {
            var random = new Random(i + 1);
            var answers = new List<object>();
            double score = 0;
            foreach (var q in attempts[i].Questions)
            {
                var id = q!["questionId"]!.GetValue<string>();
                var key = keys[id];
                var right = random.NextDouble() < 0.8;
                var given = right ? key : "ABCD"[("ABCD".IndexOf(key, StringComparison.Ordinal) + 1 + random.Next(3)) % 4].ToString();
                if (right) score += q["points"]!.GetValue<int>();
                answers.Add(new { questionId = Guid.Parse(id), answer = given });
            }
            expected[i] = score;
            bodies[i] = new { answers };
        }

        // Five screens show the ranking, once a second each, while the hand-ins come in.
        using var stop = new CancellationTokenSource();
        var rankingMs = new ConcurrentBag<double>();
        var hostToken = await SignInRun.TokenAsync(http, host[0], host[1], CancellationToken.None);
        var screens = Enumerable.Range(0, 5).Select(s => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/education/contests/{examId}/ranking");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", s == 0 ? hostToken : tokens[s]);
                var sw = Stopwatch.StartNew();
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsStringAsync();
                if (response.IsSuccessStatusCode) rankingMs.Add(sw.Elapsed.TotalMilliseconds);
                try { await Task.Delay(1000, stop.Token); } catch (TaskCanceledException) { }
            }
        })).ToList();

        var submit = new StudyRun.Meter();
        var wrongScores = 0;
        var clock = Stopwatch.StartNew();
        var submitPhase = new LoadMeter.Phase("hand-ins", serverPid);
        var pending = new List<Task>();
        var duplicated = 0;
        for (var i = 0; i < n; i++)
        {
            var at = TimeSpan.FromSeconds(i * (double)seconds / n);
            var wait = at - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            var member = i;
            var times = member % 100 < duplicatePercent ? 2 : 1;
            if (times == 2) duplicated++;
            for (var t = 0; t < times; t++)
            {
                pending.Add(Task.Run(async () =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/education/attempts/{attempts[member].Id}/submit") { Content = JsonContent.Create(bodies[member]) };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[member]);
                    var sent = clock.Elapsed;
                    using var response = await http.SendAsync(request);
                    var text = await response.Content.ReadAsStringAsync();
                    var done = clock.Elapsed;
                    if (response.IsSuccessStatusCode && JsonNode.Parse(text)!["score"]!.GetValue<double>() != expected[member]) Interlocked.Increment(ref wrongScores);
                    submit.Add((done - sent).TotalMilliseconds, (done - at).TotalMilliseconds, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture),
                        response.IsSuccessStatusCode || (times == 2 && (int)response.StatusCode == 409));
                }));
            }
        }
        await Task.WhenAll(pending);
        submitPhase.End();
        await stop.CancelAsync();
        await Task.WhenAll(screens);

        startPhase.Print();
        submitPhase.Print();
        Console.WriteLine($"starts:   {LoadMeter.Stats(startMs.ToList())}");
        Console.WriteLine($"hand-ins: {submit}");
        Console.WriteLine($"ranking (5 screens, once a second each): {LoadMeter.Stats(rankingMs.ToList())}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{n:N0} members, {duplicated} of them handing in twice at once; hand-ins/s over the phase: {submit.Count / submitPhase.Seconds:F1}; " +
            $"server CPU per hand-in: {submitPhase.ServerCpuSeconds * 1000 / Math.Max(1, submit.Count):F2} ms; scores not as expected: {wrongScores}"));
        await File.WriteAllLinesAsync(Path.Combine(dir, "expected.txt"), users.Select((u, i) => string.Create(CultureInfo.InvariantCulture, $"{u} {expected[i]}")));
        return submit.Failed == 0 && wrongScores == 0 ? 0 : 1;
    }

    public static async Task<int> CheckAsync(string providerName, string connectionString, string dir)
    {
        var provider = Enum.Parse<DatabaseProvider>(providerName);
        var examId = Guid.Parse((await File.ReadAllTextAsync(Path.Combine(dir, "exam.txt"))).Trim());
        var expected = (await File.ReadAllLinesAsync(Path.Combine(dir, "expected.txt")))
            .Select(l => l.Split(' ')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        await using var services = BenchDatabase.BuildServices(provider, connectionString);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var names = await db.Users.IgnoreQueryFilters().AsNoTracking().Select(u => new { u.Id, u.UserName }).ToDictionaryAsync(u => u.Id, u => u.UserName!);
        var members = await db.Members.IgnoreQueryFilters().AsNoTracking().Where(m => m.UserId != null)
            .Select(m => new { m.Id, UserId = m.UserId!.Value }).ToDictionaryAsync(m => m.Id, m => names[m.UserId]);
        var attempts = await db.ExamAttempts.IgnoreQueryFilters().AsNoTracking().Where(a => a.ExamId == examId)
            .Select(a => new { a.Id, a.MemberId, Status = a.Status.ToString(), a.Score }).ToListAsync();
        var ids = attempts.Select(a => a.Id).ToList();
        var answers = await db.Set<ExamAttemptAnswer>().IgnoreQueryFilters().AsNoTracking()
            .Where(x => ids.Contains(x.AttemptId)).GroupBy(x => x.AttemptId)
            .Select(g => new { g.Key, Count = g.Count(), Ungraded = g.Count(x => x.Correct == null), Wrong = g.Count(x => x.Correct == false) })
            .ToDictionaryAsync(x => x.Key);
        var memberIds = attempts.Select(a => a.MemberId).Distinct().ToList();
        var book = await db.WrongAnswers.IgnoreQueryFilters().AsNoTracking().Where(w => memberIds.Contains(w.MemberId))
            .GroupBy(w => w.MemberId).Select(g => new { g.Key, Times = g.Sum(w => w.Times), Rows = g.Count() }).ToDictionaryAsync(x => x.Key);

        var perMember = attempts.GroupBy(a => a.MemberId).ToList();
        var multiple = perMember.Count(g => g.Count() > 1);
        var notSubmitted = attempts.Count(a => a.Status != "Submitted");
        var wrongScore = attempts.Count(a => !(members.TryGetValue(a.MemberId, out var u) && expected.TryGetValue(u, out var e) && e == a.Score));
        var ungraded = answers.Values.Sum(x => x.Ungraded);
        var bookOff = attempts.Count(a => (book.GetValueOrDefault(a.MemberId)?.Times ?? 0) != (answers.GetValueOrDefault(a.Id)?.Wrong ?? 0)
                                          || (book.GetValueOrDefault(a.MemberId)?.Rows ?? 0) != (answers.GetValueOrDefault(a.Id)?.Wrong ?? 0));
        var ok = attempts.Count == expected.Count && multiple == 0 && notSubmitted == 0 && wrongScore == 0 && ungraded == 0 && bookOff == 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"count check: {attempts.Count:N0} attempts (expected {expected.Count:N0}), {multiple} members with more than one, {notSubmitted} not handed in, " +
            $"{wrongScore} scores not as expected, {ungraded} answers ungraded, {bookOff} members whose wrong-answer book differs from their wrong answers " +
            $"(a second grading would count them twice): {(ok ? "OK" : "FAILED")}"));
        return ok ? 0 : 1;
    }
}
