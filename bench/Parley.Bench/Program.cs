using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Parley.Bench.AppendBenchmarks).Assembly).Run(args);
