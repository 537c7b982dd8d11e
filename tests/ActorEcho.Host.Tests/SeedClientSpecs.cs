using System.Globalization;
using ActorEcho.Host.Tests.Support;

namespace ActorEcho.Host.Tests;

/// <summary>
/// The two canonical clients of the Python socket tutorials in shared/seeds, run unchanged but
/// for the port: the server must look to them exactly like the tutorial's own servers.
/// </summary>
public sealed class SeedClientSpecs(ITestOutputHelper output) : HostSpec(output)
{
    [PythonFact]
    public async Task TutorialTcpClient_Should_PrintItsHelloEchoedBack()
    {
        await using var host = await StartHostAsync();
        var port = TcpEndPoint(host, "session-tcp").Port.ToString(CultureInfo.InvariantCulture);
        var (exit, stdout, stderr) = await PythonScript.RunAsync("tcp_hello_client.py", [port], Dilated(TimeSpan.FromSeconds(30)));
        Output.WriteLine($"stdout: {stdout}stderr: {stderr}");
        Assert.Equal(0, exit);
        Assert.Equal("收到回复: Hello Server!\n", stdout.ReplaceLineEndings("\n"));
    }

    [PythonFact]
    public async Task TutorialUdpClient_Should_PrintTheTimeInCtimeForm()
    {
        await using var host = await StartHostAsync();
        var port = UdpEndPoint(host, "session-udp").Port.ToString(CultureInfo.InvariantCulture);
        var (exit, stdout, stderr) = await PythonScript.RunAsync("udp_time_client.py", [port], Dilated(TimeSpan.FromSeconds(30)));
        Output.WriteLine($"stdout: {stdout}stderr: {stderr}");
        Assert.Equal(0, exit);
        Assert.EndsWith("\n", stdout, StringComparison.Ordinal);
        Ctime.AssertNow(stdout.TrimEnd('\n', '\r'));
    }
}
