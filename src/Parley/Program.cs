using Parley;
using Parley.Record;

OwnerOnly.ForThisProcess();
return await CommandLine.RunAsync(args);
