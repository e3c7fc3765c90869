namespace Dangjian.Tests.Platform.Faults;

/// <summary>What became of one request of a burst.</summary>
public enum Fate
{
    /// <summary>Never sent: the server had been killed before its turn.</summary>
    NotSent,

    /// <summary>Sent and answered in full.</summary>
    Answered,

    /// <summary>Sent, and the connection died before the answer came (or the server was gone when it was sent).</summary>
    Unanswered,
}

/// <summary>One request of a burst: its place in the list, what became of it, and the status and body of its answer.</summary>
public sealed record Sent(int Index, Fate Fate, int Status, string Body);

/// <summary>
/// Many requests at once, as a crowd sends them, and the server killed in the middle: <c>parallel</c> requests are in
/// flight at every moment; when the <c>killAfter</c>-th answer has arrived, <c>kill</c> runs (once) and no further request
/// is sent. The requests then in flight die with their connections.
/// </summary>
public static class RequestBurst
{
    public static async Task<Sent[]> RunAsync(int count, int parallel, int killAfter, Func<int, Task<HttpResponseMessage>> send, Action kill)
    {
        var results = Enumerable.Range(0, count).Select(i => new Sent(i, Fate.NotSent, 0, "")).ToArray();
        var next = -1;
        var answered = 0;
        var killed = 0;

        async Task Worker()
        {
            while (Volatile.Read(ref killed) == 0)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= count) return;
                try
                {
                    using var response = await send(i);
                    results[i] = new Sent(i, Fate.Answered, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
                }
                catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
                {
                    results[i] = new Sent(i, Fate.Unanswered, 0, e.Message);
                    continue;
                }
                if (Interlocked.Increment(ref answered) == killAfter && Interlocked.Exchange(ref killed, 1) == 0) kill();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(Worker)));
        return results;
    }

    /// <summary>Every request, <paramref name="parallel"/> at a time, nobody killed.</summary>
    public static Task<Sent[]> SendAllAsync(int count, int parallel, Func<int, Task<HttpResponseMessage>> send) =>
        RunAsync(count, parallel, killAfter: int.MaxValue, send, () => { });

    /// <summary>Counts by fate and status, for the test's output: "answered 201×340, unanswered 32, not sent 678".</summary>
    public static string Describe(IEnumerable<Sent> sent)
    {
        var list = sent.ToList();
        var statuses = string.Join(", ", list.Where(s => s.Fate == Fate.Answered).GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));
        return $"answered {statuses}; unanswered {list.Count(s => s.Fate == Fate.Unanswered)}; not sent {list.Count(s => s.Fate == Fate.NotSent)}";
    }
}
