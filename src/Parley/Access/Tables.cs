using Microsoft.EntityFrameworkCore;
using Parley.Access;

namespace Parley.Record;

/// <summary>Access's tables (mapped by <see cref="AccessModule"/>).</summary>
public abstract partial class ParleyDb
{
    public DbSet<Credential> Users => Set<Credential>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<ApiToken> Tokens => Set<ApiToken>();
    public DbSet<TokenSecret> TokenSecrets => Set<TokenSecret>();
    public DbSet<Passkey> Passkeys => Set<Passkey>();
}
