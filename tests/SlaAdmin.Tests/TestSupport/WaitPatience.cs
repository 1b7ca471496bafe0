using System.Runtime.CompilerServices;
using Bunit;

namespace SlaAdmin.Tests.TestSupport;

/// <summary>
/// bUnit waits one second by default for a render (WaitForAssertion) or a JS call's result. Beside the
/// heavier tests of this assembly on two shared cores, a re-render once took longer (an export button's
/// progress, in a CI run) and failed a test that was right. A wait ends as soon as its condition holds,
/// so a longer limit costs time only when a test fails.
/// </summary>
internal static class WaitPatience
{
    [ModuleInitializer]
    internal static void Lengthen() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
}
