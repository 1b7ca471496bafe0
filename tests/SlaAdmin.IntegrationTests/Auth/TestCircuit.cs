using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using SlaAdmin.Features.Users;

namespace SlaAdmin.IntegrationTests.Auth;

/// <summary>A scope whose user is fixed when it opens, as in an interactive circuit: what an open page of that person can call.</summary>
internal sealed record TestCircuit(AsyncServiceScope Scope, UserAdmin UserAdmin, string UserId) : IAsyncDisposable
{
    public static TestCircuit Open(IServiceProvider services, ClaimsPrincipal user)
    {
        var scope = services.CreateAsyncScope();
        var state = (IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        return new TestCircuit(scope, scope.ServiceProvider.GetRequiredService<UserAdmin>(), user.FindFirstValue(ClaimTypes.NameIdentifier)!);
    }

    public ValueTask DisposeAsync() => Scope.DisposeAsync();
}
