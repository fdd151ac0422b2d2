using System.Diagnostics;

namespace Oversight.Tests;

/// <summary>Runs the real `oversight` program in a child process.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static string DllPath => System.IO.Path.Combine(AppContext.BaseDirectory, "Oversight.Cli.dll");

    private static readonly Lazy<string> Shared = new(() =>
    {
        // The clone may live under a folder only its owner can enter (0700): another account runs a copy of the
        // program in a world-readable temporary folder instead.
        if (OperatingSystem.IsWindows()) return DllPath;
        var dir = Path.Combine(Path.GetTempPath(), $"oversight-cli-{Environment.ProcessId}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead |
                   UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        foreach (var from in Directory.GetDirectories(AppContext.BaseDirectory, "*", SearchOption.AllDirectories).Prepend(AppContext.BaseDirectory))
        {
            var to = Path.Combine(dir, Path.GetRelativePath(AppContext.BaseDirectory, from));
            Directory.CreateDirectory(to);
            File.SetUnixFileMode(to, mode); // whatever umask this test process runs under
        }
        foreach (var file in Directory.GetFiles(AppContext.BaseDirectory, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(dir, Path.GetRelativePath(AppContext.BaseDirectory, file));
            File.Copy(file, to, overwrite: true);
            File.SetUnixFileMode(to, File.GetUnixFileMode(to) | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        return Path.Combine(dir, "Oversight.Cli.dll");
    });

    /// <summary>The program as another local account can run it, wherever the clone lives.</summary>
    public static string DllPathForOtherAccounts => Shared.Value;

    public static Process Start(IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) psi.Environment[key] = value;
        psi.ArgumentList.Add(DllPath);
        foreach (var a in args) psi.ArgumentList.Add(a);
        return Process.Start(psi)!;
    }

    public static Result Run(IEnumerable<string> args, string? workingDirectory = null, int timeoutMs = 300_000,
        IDictionary<string, string>? environment = null)
    {
        using var p = Start(args, workingDirectory, environment);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"oversight {string.Join(' ', args)} did not finish");
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
