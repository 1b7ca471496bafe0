namespace SlaAdmin.BrowserTests.Deployment;

/// <summary>
/// Backup and restore as docs/deploy.md tells the operator (deploy/slaadmin-backup, slaadmin-restore),
/// run by tests/deploy/backup-restore.sh: SQLite's online backup while the app runs, pg_dump/pg_restore;
/// after a wipe every row of every table is back and the app serves the restored agreements. Needs
/// what tests/run.sh provides (SLAADMIN_TEST_POSTGRES, sqlite3, PostgreSQL's clients).
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class BackupAndRestoreTests
{
    [Fact]
    public async Task Both_databases_are_backed_up_while_the_app_runs_wiped_restored_row_for_row_and_served_again()
    {
        var output = await DeploymentScript.RunAsync("backup-restore.sh", DeploymentScript.Configuration);

        Assert.Matches(@"SQLite: \d+ rows in \d+ tables restored identical", output);
        Assert.Matches(@"PostgreSQL: \d+ rows in \d+ tables restored identical", output);
        Assert.Contains("both databases restored and served", output, StringComparison.Ordinal);
    }
}
