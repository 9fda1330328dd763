using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Parley.Access;
using Parley.Directory;
using Parley.Record;

namespace Parley.Demo;

/// <summary>Loads the demo story into an empty store and creates one demo user per role.</summary>
public static class DemoStory
{
    public const string Password = "moscow-letter-2018";

    public static readonly (string User, string Name, Role Role, Guid Institution)[] Users =
    [
        ("clerk", "Registry clerk, Executive Office of the President", Role.RegistryClerk, KnownInstitutions.UsPresident),
        ("courier", "Courier, US Senate", Role.Courier, KnownInstitutions.UsSenate),
        ("staff", "Staff, Senate Committee on Foreign Relations", Role.Staff, DemoDirectory.Sfrc),
        ("oversight", "Oversight officer, Department of State", Role.OversightOfficer, DemoDirectory.StateDepartment),
        ("auditor", "Auditor, Department of State", Role.Auditor, DemoDirectory.StateDepartment),
        ("admin", "Administrator, US Senate", Role.Administrator, KnownInstitutions.UsSenate),
        ("clerk-ru", "Registry clerk, Presidential Administration of Russia", Role.RegistryClerk, DemoDirectory.RuPresidentialAdministration),
        // Letters handed to the Federation Council can be confirmed and carried on by its own registry.
        ("clerk-fc", "Registry clerk, Federation Council", Role.RegistryClerk, DemoDirectory.FederationCouncil),
    ];

    public static async Task<Result<string>> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var recorder = services.GetRequiredService<Recorder>();
        var keys = services.GetRequiredService<Correspondence.InstitutionKeys>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var users = services.GetRequiredService<UserManager<Credential>>();
        return await recorder.WriteAsync("demo", async (scope, c) =>
        {
            if (await scope.Db.Events.AnyAsync(e => e.Type == "demo.loaded", c))
                return Result<string>.Ok("The demo story is already loaded; nothing to do.\n" + SignIn());
            var existing = await scope.Db.Events.LongCountAsync(c);
            if (existing > 0)
                return new DomainError("demo", $"This store already holds {existing:N0} events of other data; the demo loads only into an empty store. Use another --data folder or database.", ErrorKind.Conflict);
            await PlanWriter.WriteAsync(scope, DemoDirectory.Plan(), null, c);
            foreach (var (user, name, role, institution) in Users)
            {
                var created = await CreateAccount.HandleAsync(scope, users, new NewAccount(user, name, institution, [role], Password), c);
                if (!created.Succeeded)
                    return created.Error!;
            }
            await scope.FlushAsync(c);
            var letter = await DemoLetters.LoadAsync(scope, keys, now, c);
            var engagements = await DemoEngagements.LoadAsync(scope, c);
            await DemoStatements.LoadAsync(scope, letter, engagements, now, c);
            await scope.RecordAsync(new DemoLoaded("moscow-letter-2018"), c);
            return Result<string>.Ok($"Loaded the demo story ({scope.Recorded} events).\n" + SignIn());
        }, ct);
    }

    private static string SignIn()
    {
        var text = new StringBuilder($"Demo sign-in (password for every user: {Password}):\n");
        foreach (var (user, name, role, _) in Users)
            text.AppendLine($"  {user,-10} {role.Slug(),-18} {name}");
        return text.ToString();
    }
}
