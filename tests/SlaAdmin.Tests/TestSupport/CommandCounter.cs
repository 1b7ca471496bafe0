using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SlaAdmin.Tests.TestSupport;

/// <summary>Counts the SQL commands EF Core creates (one for each query or save it sends), for tests that bound them.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override DbCommand CommandCreated(CommandEndEventData eventData, DbCommand result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }
}
