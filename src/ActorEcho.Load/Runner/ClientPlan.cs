using ActorEcho.Load.Cli;
using ActorEcho.Load.Clients;

namespace ActorEcho.Load.Runner;

/// <summary>Turns the options into the clients of one run: how many of each kind, and the chat rooms.</summary>
internal static class ClientPlan
{
    /// <summary>How many clients each mixable workload gets (echo, time, chat, udp), by largest remainder.</summary>
    public static (int Echo, int Time, int Chat, int Udp) Split(int connections, MixWeights mix)
    {
        var weights = new[] { mix.Echo, mix.Time, mix.Chat, mix.Udp };
        var counts = new int[4];
        var remainders = new double[4];
        var assigned = 0;
        for (var i = 0; i < 4; i++)
        {
            var exact = (double)connections * weights[i] / mix.Total;
            counts[i] = (int)Math.Floor(exact);
            remainders[i] = exact - counts[i];
            assigned += counts[i];
        }

        foreach (var i in Enumerable.Range(0, 4).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(connections - assigned))
        {
            counts[i]++;
        }

        // A room needs two members to carry anything; a lone chat client becomes an echo client.
        if (counts[2] == 1)
        {
            counts[2] = 0;
            counts[0]++;
        }

        return (counts[0], counts[1], counts[2], counts[3]);
    }

    public static List<LoadClient> Build(RunContext context)
    {
        var o = context.Options;
        var n = o.Connections;
        var (echo, time, chat, udp) = o.Workload switch
        {
            WorkloadKind.Echo => (n, 0, 0, 0),
            WorkloadKind.Time => (0, n, 0, 0),
            WorkloadKind.Chat => (0, 0, n, 0),
            WorkloadKind.Udp => (0, 0, 0, n),
            WorkloadKind.Mix => Split(n, o.Mix),
            _ => (0, 0, 0, 0),
        };

        var interval = o.RequestInterval(n);
        var clients = new List<LoadClient>(n);
        for (var i = 0; i < echo; i++)
        {
            clients.Add(new TcpRequestReplyClient(clients.Count, context, new EchoProtocol(clients.Count, o.Payload), interval));
        }

        for (var i = 0; i < time; i++)
        {
            clients.Add(new TcpRequestReplyClient(clients.Count, context, new TimeProtocol(), interval));
        }

        AddChatRooms(context, chat, o.ChatInterval(n), clients);
        for (var i = 0; i < udp; i++)
        {
            clients.Add(new UdpLoadClient(clients.Count, context, interval));
        }

        for (var i = 0; o.Workload == WorkloadKind.Idle && i < n; i++)
        {
            clients.Add(new IdleClient(clients.Count, context));
        }

        for (var i = 0; o.Workload == WorkloadKind.Burst && i < n; i++)
        {
            clients.Add(new BurstClient(clients.Count, context));
        }

        return clients;
    }

    /// <summary>Sizes of the rooms for <paramref name="members"/> chat clients: full rooms, a short last room folded in when it would be alone.</summary>
    public static List<int> RoomSizes(int members, int roomSize)
    {
        var sizes = new List<int>();
        var left = members;
        while (left > 0)
        {
            var size = Math.Min(roomSize, left);
            if (size < 2 && sizes.Count > 0)
            {
                sizes[^1] += size;
            }
            else
            {
                sizes.Add(size);
            }

            left -= size;
        }

        return sizes;
    }

    private static void AddChatRooms(RunContext context, int members, TimeSpan interval, List<LoadClient> clients)
    {
        var o = context.Options;
        var sizes = RoomSizes(members, o.RoomSize);
        for (var r = 0; r < sizes.Count; r++)
        {
            var room = new ChatRoom($"{context.RunTag}-{r}", sizes[r], o.ChatSenders ?? sizes[r]);
            for (var m = 0; m < sizes[r]; m++)
            {
                clients.Add(new ChatClient(clients.Count, context, room, m, interval));
            }
        }
    }
}
