namespace SlaAdmin.BrowserTests.Deployment;

/// <summary>
/// The published app's first start where the PostgreSQL database is missing and the account may not
/// create it (tests/deploy/first-start.sh): it stops, and its log and its exit both name the
/// CREATE DATABASE the operator must run. Needs SLAADMIN_TEST_POSTGRES (tests/run.sh).
/// </summary>
[Collection(DeploymentCollection.Name)]
public sealed class FirstStartTests
{
    [Fact]
    public async Task Without_the_right_to_create_its_database_the_published_app_stops_and_logs_what_to_create()
    {
        var output = await DeploymentScript.RunAsync("first-start.sh", DeploymentScript.Configuration);

        Assert.Matches("told to run CREATE DATABASE \"slaadmin_missing_\\d+\" OWNER \"slaadmin_nocreate_\\d+\"", output);
    }
}
