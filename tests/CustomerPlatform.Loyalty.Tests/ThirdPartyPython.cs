namespace CustomerPlatform.Loyalty.Tests;

/// <summary>
/// The interpreter the non-.NET clients run on: Debian's, where eng/infra.sh installs python3-pika (a pyenv
/// python3 found first on PATH would not have it). CP_TEST_PYTHON overrides it.
/// </summary>
internal static class ThirdPartyPython
{
    public static string Interpreter =>
        Environment.GetEnvironmentVariable("CP_TEST_PYTHON") is { Length: > 0 } configured ? configured : "/usr/bin/python3";
}
