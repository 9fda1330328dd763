using BenchmarkDotNet.Running;
using Parley.Bench;

// Load drivers take a verb; anything else goes to BenchmarkDotNet.
return args.FirstOrDefault() switch
{
    "fill" => await Drivers.FillAsync(args[1..]),
    "verify-vs-sha256sum" => await VerifyDrivers.VerifyAgainstSha256sumAsync(args[1..]),
    "replay" => await VerifyDrivers.ReplayAsync(args[1..]),
    "synthetic-tree" => await Drivers.SyntheticTreeAsync(args[1..]),
    "http-proofs" => await Drivers.HttpProofsAsync(args[1..]),
    "http-tiles" => await Drivers.HttpTilesAsync(args[1..]),
    "fill-letters" => await LetterDrivers.FillLettersAsync(args[1..]),
    "http-get" => await LetterDrivers.HttpGetAsync(args[1..]),
    "start-up" => await StartupDrivers.StartupAsync(args[1..]),
    "custody-steps" => await CustodyDrivers.StepsAsync(args[1..]),
    "federation-throughput" => await FederationDrivers.ThroughputAsync(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(AppendBenchmarks).Assembly).Run(args);
    return 0;
}
