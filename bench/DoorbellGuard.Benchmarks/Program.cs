using BenchmarkDotNet.Running;

// Entry point for every benchmark: `dotnet run -c Release --project bench/DoorbellGuard.Benchmarks -- --filter '*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
