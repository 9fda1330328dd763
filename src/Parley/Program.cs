using Parley;

return await CommandLine.Build().Parse(args).InvokeAsync();
