using Microsoft.EntityFrameworkCore;
using Parley.Statements;

namespace Parley.Record;

/// <summary>The statements' tables (mapped by <see cref="StatementsModule"/>).</summary>
public abstract partial class ParleyDb
{
    public DbSet<Statement> Statements => Set<Statement>();
    public DbSet<StatementSource> StatementSources => Set<StatementSource>();
    public DbSet<Commitment> Commitments => Set<Commitment>();
}
