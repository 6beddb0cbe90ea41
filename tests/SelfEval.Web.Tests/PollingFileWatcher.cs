using System.Runtime.CompilerServices;

namespace SelfEval.Web.Tests;

/// <summary>
/// Every test host watches wwwroot and appsettings.json. With inotify, each host takes an inotify instance,
/// and Linux allows 128 per user: with xunit's parallel classes the hosts ran out ("The configured user limit
/// (128) on the number of inotify instances has been reached") and unrelated tests failed at random. The tests
/// never change those files, so polling costs nothing and the limit no longer matters.
/// </summary>
internal static class PollingFileWatcher
{
    [ModuleInitializer]
    internal static void Use() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
}
