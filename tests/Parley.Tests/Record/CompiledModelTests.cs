using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Parley.Record;

namespace Parley.Tests.RecordSlice;

/// <summary>
/// A start reads the model EF Core compiled from the code (src/Models, written by tools/add-migration.sh), not the code:
/// each database's compiled model must be the one the modules' mappings build today, or the store would be read with
/// yesterday's tables.
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_compiled_model_is_the_model_the_code_builds(string provider)
    {
        // Neither model needs a database to be built; the connection is never opened.
        using ParleyDb db = provider == "sqlite"
            ? new SqliteParleyDb(SqliteParleyDb.Options(Path.Combine(Path.GetTempPath(), "parley-model-check.db"), ParleyModules.All))
            : new PostgresParleyDb(PostgresParleyDb.Options("Host=127.0.0.1;Database=parley_model_check", ParleyModules.All));
        Assert.IsType<RuntimeModel>(db.Model, exactMatch: false);
        var compiled = Describe(db.Model);
        var built = Describe(db.GetService<IDesignTimeModel>().Model);
        var stale = built.Except(compiled).Concat(compiled.Except(built).Select(line => "no longer: " + line)).ToList();
        Assert.True(stale.Count == 0,
            $"The compiled {provider} model is out of date: run tools/add-migration.sh (or `dotnet ef dbcontext optimize` as it does). {string.Join("; ", stale.Take(10))}");
    }

    /// <summary>What a model maps: each table's columns with their types, keys and indexes, and each property with its converter.</summary>
    private static List<string> Describe(IModel model)
    {
        var tables = model.GetRelationalModel().Tables.SelectMany(t => t.Columns
            .Select(c => $"{t.Name}.{c.Name} {c.StoreType}{(c.IsNullable ? " null" : "")}")
            .Concat(t.Indexes.Select(i => $"{t.Name} index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}){(i.IsUnique ? " unique" : "")}"))
            .Concat(t.PrimaryKey is { } key ? [$"{t.Name} key ({string.Join(", ", key.Columns.Select(c => c.Name))})"] : []));
        var properties = model.GetEntityTypes().SelectMany(e => e.GetProperties()
            .Select(p => $"{e.Name}.{p.Name} {p.ClrType.Name} {p.GetValueConverter()?.ProviderClrType.Name}"));
        return [.. tables.Concat(properties).Order(StringComparer.Ordinal)];
    }
}
