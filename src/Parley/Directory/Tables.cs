using Microsoft.EntityFrameworkCore;
using Parley.Directory;

namespace Parley.Record;

/// <summary>The directory's tables (mapped by <see cref="DirectoryModule"/>).</summary>
public abstract partial class ParleyDb
{
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Institution> Institutions => Set<Institution>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<RecordDetails> RecordDetails => Set<RecordDetails>();
}
