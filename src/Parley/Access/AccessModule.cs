using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Parley.Record;

namespace Parley.Access;

/// <summary>Accounts, roles and API tokens in the record; the sign-in secrets (Identity's user tables) beside it.</summary>
public sealed class AccessModule : IRecordModule
{
    public string Name => "access";
    public IReadOnlyList<Type> Events { get; } = [typeof(AccessEvent)];

    public IReadOnlyList<ProjectionTable> Tables { get; } =
    [
        ProjectionTable.Of<Passkey>(q => q.OrderBy(x => x.CredentialId)),
        ProjectionTable.Of<ApiToken>(q => q.OrderBy(x => x.Id)),
        ProjectionTable.Of<Account>(q => q.OrderBy(x => x.Id), a => a.Roles.Sort((x, y) => x.Role.CompareTo(y.Role))),
    ];

    public void Map(ModelBuilder model)
    {
        MapCredentials(model);
        model.ApplyConfiguration(new AccountMap());
        model.Entity<ApiToken>(e => e.ToTable("tokens"));
        model.Entity<Passkey>(e =>
        {
            e.ToTable("passkeys");
            e.HasKey(x => x.CredentialId);
            e.Property(x => x.CredentialId).HasMaxLength(1400);
            e.Property(x => x.Label).HasMaxLength(RegisterPasskey.MaxLabel);
            e.HasIndex(x => x.AccountId);
        });
        model.Entity<TokenSecret>(e =>
        {
            e.ToTable("token_secrets");
            e.HasKey(x => x.TokenId);
            e.HasIndex(x => x.Hash).IsUnique();
        });
    }

    public ValueTask ApplyAsync(ParleyDb db, IEvent e, StoredEvent stored, CancellationToken ct) =>
        e is AccessEvent a ? AccessProjection.ApplyAsync(db, a, stored, ct) : ValueTask.CompletedTask;

    public void AddServices(IServiceCollection services, StoreSettings store)
    {
        services.AddIdentityCore<Credential>(o =>
            {
                // Length over composition rules (NIST SP 800-63B): PasswordPolicy checks length and says so once.
                o.Password.RequiredLength = 1;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
            })
            .AddPasswordValidator<PasswordPolicy>()
            .AddEntityFrameworkStores<ParleyDb>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();
        services.AddSingleton<WebAuthn>();
    }

    /// <summary>
    /// Identity's user tables as its own user-only context maps them (schema version 1), so the record's context
    /// stays a plain <see cref="DbContext"/> and the tables are unchanged.
    /// </summary>
    private static void MapCredentials(ModelBuilder model)
    {
        model.Entity<Credential>(b =>
        {
            b.HasKey(u => u.Id);
            b.HasIndex(u => u.NormalizedUserName).HasDatabaseName("UserNameIndex").IsUnique();
            b.HasIndex(u => u.NormalizedEmail).HasDatabaseName("EmailIndex");
            b.ToTable("AspNetUsers");
            b.Property(u => u.ConcurrencyStamp).IsConcurrencyToken();
            b.Property(u => u.UserName).HasMaxLength(256);
            b.Property(u => u.NormalizedUserName).HasMaxLength(256);
            b.Property(u => u.Email).HasMaxLength(256);
            b.Property(u => u.NormalizedEmail).HasMaxLength(256);
            b.HasMany<IdentityUserClaim<Guid>>().WithOne().HasForeignKey(uc => uc.UserId).IsRequired();
            b.HasMany<IdentityUserLogin<Guid>>().WithOne().HasForeignKey(ul => ul.UserId).IsRequired();
            b.HasMany<IdentityUserToken<Guid>>().WithOne().HasForeignKey(ut => ut.UserId).IsRequired();
        });
        model.Entity<IdentityUserClaim<Guid>>(b =>
        {
            b.HasKey(uc => uc.Id);
            b.ToTable("AspNetUserClaims");
        });
        model.Entity<IdentityUserLogin<Guid>>(b =>
        {
            b.HasKey(l => new { l.LoginProvider, l.ProviderKey });
            b.ToTable("AspNetUserLogins");
        });
        model.Entity<IdentityUserToken<Guid>>(b =>
        {
            b.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
            b.ToTable("AspNetUserTokens");
        });
    }

    private sealed class AccountMap : IEntityTypeConfiguration<Account>
    {
        public void Configure(EntityTypeBuilder<Account> e)
        {
            e.ToTable("accounts");
            e.HasIndex(x => x.UserName).IsUnique();
            e.OwnsMany(x => x.Roles, r =>
            {
                r.ToTable("account_roles");
                OwnedRows.SingleKey(r);
                r.Property(x => x.Role).HasConversion<string>().HasMaxLength(40);
            });
        }
    }
}
