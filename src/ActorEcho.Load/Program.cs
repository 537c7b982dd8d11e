using ActorEcho.Load.Output;
using Spectre.Console;

// Ctrl+C ends the sending early and lets in-flight replies drain; a second Ctrl+C kills the process.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (!cancel.IsCancellationRequested)
    {
        e.Cancel = true;
        cancel.Cancel();
    }
};

return await LoadApp.MainAsync(args, AnsiConsole.Console, cancel.Token);
