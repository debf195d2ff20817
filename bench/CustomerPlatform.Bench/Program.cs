using System.Globalization;
using CustomerPlatform.Bench;

if (args is [BareYarp.Command, var port, var target])
{
    await BareYarp.RunAsync(int.Parse(port, CultureInfo.InvariantCulture), new Uri(target));
    return 0;
}

var settings = BenchSettings.Parse(args);
var report = new Report();
Console.WriteLine($"bench: load average before start {File.ReadAllText("/proc/loadavg").Trim()}");

using var control = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
Console.WriteLine("bench: starting the platform (five apps, private databases and vhost)");
await using (var platform = await BenchPlatform.StartAsync(control))
{
    try
    {
        await new Scenarios(platform, settings, report, control).RunAsync();
    }
    catch
    {
        Console.Error.WriteLine(platform.AppOutput);
        throw;
    }

    // Printed before the platform is removed, so a failure to clean up (a broker restarted meanwhile) cannot lose it.
    Console.WriteLine($"bench: load average at the end {File.ReadAllText("/proc/loadavg").Trim()}");
    Console.WriteLine();
    report.Print(Console.Out);
}

return report.AnyFailures ? 1 : 0;
