using System.Reflection;
using ActorEcho.Bench;
using ActorEcho.Bench.ClusterSerializer;
using ActorEcho.Bench.Hocon;
using ActorEcho.Bench.Idle;
using ActorEcho.Bench.NonReader;
using ActorEcho.Bench.Serve;

// Usage: dotnet run -c Release --project bench/ActorEcho.Bench -- SUITE [args]
// Listed by hand so this file alone tells what the bench can run.
IBenchSuite[] suites = [new HoconSuite(), new ServeSuite(), new NonReaderSuite(), new IdleHoldSuite(), new ClusterSerializerSuite()];

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: ActorEcho.Bench SUITE [args]   (Release build: dotnet run -c Release --project bench/ActorEcho.Bench -- SUITE)");
    foreach (var s in suites)
    {
        Console.WriteLine($"  {s.Name,-10} {s.Description}");
    }

    return args.Length == 0 ? 2 : 0;
}

var suite = suites.FirstOrDefault(s => string.Equals(s.Name, args[0], StringComparison.OrdinalIgnoreCase));
if (suite is null)
{
    Console.Error.WriteLine($"unknown suite '{args[0]}'; known: {string.Join(", ", suites.Select(s => s.Name))}");
    return 2;
}

#if DEBUG
Console.Error.WriteLine("warning: this is a Debug build; figures are only meaningful with -c Release");
#endif
Console.WriteLine($"# {suite.Name} on {Environment.ProcessorCount} cores, .NET {Environment.Version}, {Assembly.GetEntryAssembly()?.GetName().Name}");
await suite.RunAsync(args[1..]);
return 0;
