using Microsoft.Extensions.Options;

namespace Segmentation.Silo.Hosting;

/// <summary>The silo host's request pipeline and its run loop.</summary>
public static class SiloHostApplicationExtensions
{
    /// <summary>
    /// Adds request logging (method, path, status, duration; never bodies), the exception handler (a ProblemDetails
    /// 500 that never shows exception text) and ProblemDetails bodies for empty error responses such as 404.
    /// Call it before mapping endpoints.
    /// </summary>
    public static WebApplication UseSegmentationSiloHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHttpLogging();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>
    /// Runs the silo until it is stopped (SIGTERM, Ctrl+C) and returns the process exit code (<see cref="SiloExitCodes"/>).
    /// When it refuses to start (store unavailable, invalid settings, address in use) or its recovery fails, it writes
    /// one line saying why to standard error and returns a non-zero code; other exceptions propagate.
    /// </summary>
    public static async Task<int> RunSiloAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var state = app.Services.GetRequiredService<SiloRunState>();
        StartupFailure? failure;
        try
        {
            // Every invalid setting in one line, before the first service that reads one fails alone.
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.RunAsync();
            failure = state.Failure;
        }
        catch (Exception exception) when (StartupFailure.TryDescribe(exception, out var described))
        {
            failure = described;
        }
        catch (Exception) when (state.Failure is not null)
        {
            // Stopping a silo whose recovery failed rethrows that failure; it was logged when it happened.
            failure = state.Failure;
        }
        catch (Exception exception)
        {
            app.Logger.HostFailed(exception);
            throw;
        }
        finally
        {
            // RunAsync disposes the application; this covers settings refused before it ran (disposing twice is harmless).
            await app.DisposeAsync();
        }

        if (failure is null)
        {
            return SiloExitCodes.Success;
        }

        await Console.Error.WriteLineAsync(failure.ToLine());
        return failure.ExitCode;
    }
}
