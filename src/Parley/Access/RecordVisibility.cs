namespace Parley.Access;

/// <summary>Which records' events a user may read: an auditor all, others those of the features their roles can read.</summary>
public static class RecordVisibility
{
    public static bool CanSee(Actor actor, string stream)
    {
        if (actor.IsAuditor)
            return true;
        var needs = stream.Split('/')[0] switch
        {
            "person" or "institution" or "country" => Permission.ReadDirectory,
            "account" or "witness" => Permission.ReadAccounts,
            "statement" or "source" or "commitment" => Permission.ReadStatements,
            "visit" or "meeting" or "proposal" or "task-force" or "calendar" or "busy" => Permission.ReadEngagements,
            _ => Permission.ReadRecord,
        };
        return actor.May(needs);
    }
}
