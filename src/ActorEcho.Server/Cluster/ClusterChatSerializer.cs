using System.Text;
using Akka.Actor;
using Akka.Serialization;
using static ActorEcho.Server.Cluster.ClusterChatProtocol;
using static ActorEcho.Server.Cluster.NickRegistryProtocol;

namespace ActorEcho.Server.Cluster;

/// <summary>
/// The serializer of every message that crosses nodes (<see cref="IClusterChatMessage"/>, bound in
/// <c>Cluster/cluster.conf</c>). Chosen over Akka 1.5's default (Newtonsoft JSON) on purpose: room
/// lines are the cluster's hot path, and a hand-written binary form of these few small records is
/// several times smaller and faster than JSON with type names (the server README gives the
/// measurement). The format: a one-byte-per-kind string manifest, then the fields in order with
/// <see cref="BinaryWriter"/>'s length-prefixed UTF-8 strings; actor refs as their serialized
/// paths, resolved by the receiving system. Changing a record's fields means changing its manifest.
/// </summary>
internal sealed class ClusterChatSerializer : SerializerWithStringManifest
{
    /// <summary>Akka's identifier for this serializer; ids up to 100 are Akka's own.</summary>
    public const int Id = 7301;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public ClusterChatSerializer(ExtendedActorSystem system)
        : base(system)
    {
    }

    public override int Identifier => Id;

    public override string Manifest(object o) => o switch
    {
        SessionChanged => "SC",
        SessionGone => "SG",
        RoomLine => "RL",
        HubHeartbeat => "HB",
        SyncRequest => "SR",
        SyncSnapshot => "SS",
        PrivateLine => "PL",
        ClaimNick => "CN",
        NickClaimed => "NC",
        ReleaseNick => "RN",
        FindNick => "FN",
        NickFound => "NF",
        ReportNicks => "RP",
        NicksReport => "NR",
        _ => throw new ArgumentException($"{o.GetType()} is not a cluster chat message", nameof(o)),
    };

    public override byte[] ToBinary(object obj)
    {
        using var stream = new MemoryStream(64);
        using (var w = new BinaryWriter(stream, Utf8, leaveOpen: true))
        {
            Write(w, obj);
        }

        return stream.ToArray();
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false), Utf8);
        return manifest switch
        {
            "SC" => new SessionChanged(r.ReadInt64(), ReadEntry(r), ReadNullable(r), ReadNullable(r)),
            "SG" => new SessionGone(r.ReadInt64(), ReadRef(r)),
            "RL" => new RoomLine(r.ReadInt64(), r.ReadString(), r.ReadString(), r.ReadString()),
            "HB" => new HubHeartbeat(r.ReadInt64()),
            "SR" => SyncRequest.Instance,
            "SS" => ReadSnapshot(r),
            "PL" => new PrivateLine(ReadRef(r), r.ReadString(), r.ReadString()),
            "CN" => new ClaimNick(r.ReadInt64(), ReadRef(r), r.ReadString()),
            "NC" => new NickClaimed(r.ReadInt64(), ReadRef(r), r.ReadString(), r.ReadBoolean()),
            "RN" => new ReleaseNick(ReadRef(r), r.ReadString()),
            "FN" => new FindNick(r.ReadInt64(), r.ReadString()),
            "NF" => new NickFound(r.ReadInt64(), ReadNullableRef(r), ReadNullableRef(r)),
            "RP" => ReportNicks.Instance,
            "NR" => ReadReport(r),
            _ => throw new System.Runtime.Serialization.SerializationException($"unknown cluster chat manifest '{manifest}'"),
        };
    }

    private static void Write(BinaryWriter w, object obj)
    {
        switch (obj)
        {
            case SessionChanged m:
                w.Write(m.Seq);
                WriteEntry(w, m.Session);
                WriteNullable(w, m.OldNick);
                WriteNullable(w, m.OldRoom);
                break;
            case SessionGone m:
                w.Write(m.Seq);
                WriteRef(w, m.Session);
                break;
            case RoomLine m:
                w.Write(m.Seq);
                w.Write(m.Room);
                w.Write(m.Nick);
                w.Write(m.Text);
                break;
            case HubHeartbeat m:
                w.Write(m.Seq);
                break;
            case SyncRequest or ReportNicks:
                break;
            case SyncSnapshot m:
                w.Write(m.Seq);
                w.Write(m.Last);
                w.Write(m.Sessions.Count);
                foreach (var entry in m.Sessions)
                {
                    WriteEntry(w, entry);
                }

                break;
            case PrivateLine m:
                WriteRef(w, m.To);
                w.Write(m.From);
                w.Write(m.Text);
                break;
            case ClaimNick m:
                w.Write(m.ClaimId);
                WriteRef(w, m.Session);
                w.Write(m.Nick);
                break;
            case NickClaimed m:
                w.Write(m.ClaimId);
                WriteRef(w, m.Session);
                w.Write(m.Nick);
                w.Write(m.Granted);
                break;
            case ReleaseNick m:
                WriteRef(w, m.Session);
                w.Write(m.Nick);
                break;
            case FindNick m:
                w.Write(m.QueryId);
                w.Write(m.Nick);
                break;
            case NickFound m:
                w.Write(m.QueryId);
                WriteNullableRef(w, m.Session);
                WriteNullableRef(w, m.Hub);
                break;
            case NicksReport m:
                w.Write(m.Last);
                w.Write(m.Nicks.Count);
                foreach (var entry in m.Nicks)
                {
                    w.Write(entry.Nick);
                    WriteRef(w, entry.Session);
                }

                break;
            default:
                throw new ArgumentException($"{obj.GetType()} is not a cluster chat message", nameof(obj));
        }
    }

    private SyncSnapshot ReadSnapshot(BinaryReader r)
    {
        var seq = r.ReadInt64();
        var last = r.ReadBoolean();
        var sessions = new SessionEntry[r.ReadInt32()];
        for (var i = 0; i < sessions.Length; i++)
        {
            sessions[i] = ReadEntry(r);
        }

        return new SyncSnapshot(seq, sessions, last);
    }

    private NicksReport ReadReport(BinaryReader r)
    {
        var last = r.ReadBoolean();
        var nicks = new NickEntry[r.ReadInt32()];
        for (var i = 0; i < nicks.Length; i++)
        {
            nicks[i] = new NickEntry(r.ReadString(), ReadRef(r));
        }

        return new NicksReport(nicks, last);
    }

    private static void WriteEntry(BinaryWriter w, SessionEntry entry)
    {
        WriteRef(w, entry.Session);
        w.Write(entry.Nick);
        WriteNullable(w, entry.Room);
        w.Write(entry.Congested);
    }

    private SessionEntry ReadEntry(BinaryReader r) => new(ReadRef(r), r.ReadString(), ReadNullable(r), r.ReadBoolean());

    // Serialization.SerializedActorPath gives the path with the address remote systems reach this
    // one at (during remoting it reads the current transport's address) and the actor's uid.
    private static void WriteRef(BinaryWriter w, IActorRef actor) => w.Write(Serialization.SerializedActorPath(actor));

    private IActorRef ReadRef(BinaryReader r) => system.Provider.ResolveActorRef(r.ReadString());

    private static void WriteNullableRef(BinaryWriter w, IActorRef? actor)
    {
        w.Write(actor is not null);
        if (actor is not null)
        {
            WriteRef(w, actor);
        }
    }

    private IActorRef? ReadNullableRef(BinaryReader r) => r.ReadBoolean() ? ReadRef(r) : null;

    private static void WriteNullable(BinaryWriter w, string? text)
    {
        w.Write(text is not null);
        if (text is not null)
        {
            w.Write(text);
        }
    }

    private static string? ReadNullable(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;
}
