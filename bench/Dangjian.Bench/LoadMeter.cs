using System.Diagnostics;
using System.Globalization;

namespace Dangjian.Bench;

/// <summary>What the load benchmarks measure beside latency: the server's and this process's CPU over a phase (from
/// /proc), the load average, and latency percentiles (nearest rank).</summary>
public static class LoadMeter
{
    /// <summary>Wall time, CPU of the server and of this process, and the load average, over one phase.</summary>
    public sealed class Phase(string name, int serverPid)
    {
        private readonly Stopwatch wall = Stopwatch.StartNew();
        private readonly long serverTicks = ServerTicks(serverPid);
        private readonly TimeSpan ownCpu = Process.GetCurrentProcess().TotalProcessorTime;
        private readonly string loadBefore = BenchDatabase.LoadAverage();
        private string? line;

        /// <summary>The phase's wall time and the server's CPU in it (user + system), once ended.</summary>
        public double Seconds { get; private set; }
        public double ServerCpuSeconds { get; private set; }

        public void End()
        {
            var seconds = Seconds = wall.Elapsed.TotalSeconds;
            var server = ServerCpuSeconds = (ServerTicks(serverPid) - serverTicks) / (double)TicksPerSecond;
            var own = (Process.GetCurrentProcess().TotalProcessorTime - ownCpu).TotalSeconds;
            line = string.Create(CultureInfo.InvariantCulture,
                $"phase {name}: {seconds:F1} s; server CPU {server:F1} s ({server / seconds:F2} cores), this client {own:F1} s ({own / seconds:F2} cores); " +
                $"loadavg before {loadBefore}, after {BenchDatabase.LoadAverage()}");
        }

        public void Print() => Console.WriteLine(line);
    }

    public static readonly long TicksPerSecond = ClockTicks();

    public static long ClockTicks()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
            var s = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return long.Parse(s, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or FormatException) { return 100; }
    }

    /// <summary>utime + stime of the process, in clock ticks (fields 14 and 15 of /proc/PID/stat).</summary>
    public static long ServerTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    public static string Others(Dictionary<string, int> failures) =>
        failures.Count == 0 ? "" : "; not 200: " + string.Join(", ", failures.Select(kv => $"{kv.Value} × {kv.Key}"));

    public static string Stats(List<double> ms) =>
        ms.Count == 0 ? "none" : string.Create(CultureInfo.InvariantCulture,
            $"p50 {Pct(ms, 50):F1} ms, p95 {Pct(ms, 95):F1} ms, p99 {Pct(ms, 99):F1} ms, max {ms.Max():F1} ms, mean {ms.Average():F1} ms (n={ms.Count})");

    /// <summary>Nearest-rank percentile.</summary>
    public static double Pct(List<double> ms, int p)
    {
        var sorted = ms.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
