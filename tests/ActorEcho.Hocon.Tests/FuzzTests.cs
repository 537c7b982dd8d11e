using System.Diagnostics;
using System.Text;
using ActorEcho.Hocon.Tests.Differential;

namespace ActorEcho.Hocon.Tests;

/// <summary>
/// Mutated and truncated documents must only ever produce a config or a HoconException:
/// never another exception, a hang or a crash. Seeds are fixed so failures reproduce.
/// </summary>
public sealed class FuzzTests
{
    private const int CasesPerSeed = 1500;
    private static readonly string Alphabet = "{}[]=:,+$?\"#/\\\n \t.aZ09-e\u00e9${?${}}\"\"\"\r";

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(20261121)]
    public void MutatedDocuments_Should_YieldAValueOrAHoconException(int seed)
    {
        var random = new Random(seed);
        var documents = DifferentialCorpus.All.Where(d => d.ExtraFiles.Count == 0).Select(d => d.Text).ToArray();
        var clock = Stopwatch.StartNew();
        var outcomes = new int[2];
        for (var i = 0; i < CasesPerSeed && clock.Elapsed < TimeSpan.FromSeconds(60); i++)
        {
            var text = Mutate(documents[random.Next(documents.Length)], random);
            try
            {
                var config = HoconReader.ParseString(text, "fuzz");
                _ = config.ToJson();
                _ = config.ToString();
                outcomes[0]++;
            }
            catch (HoconException)
            {
                outcomes[1]++;
            }
            catch (Exception ex)
            {
                Assert.Fail($"seed {seed} case {i}: {ex.GetType().Name}: {ex.Message}\n--- input ---\n{text}");
            }
        }

        // Both outcomes must occur, or the mutations are not exercising anything.
        Assert.True(outcomes[0] > 0 && outcomes[1] > 0, $"accepted {outcomes[0]}, rejected {outcomes[1]}");
    }

    [Fact]
    public void EveryTruncation_Should_YieldAValueOrAHoconException()
    {
        foreach (var document in DifferentialCorpus.All.Where(d => d.ExtraFiles.Count == 0))
        {
            for (var length = 0; length <= document.Text.Length; length++)
            {
                var text = document.Text[..length];
                try
                {
                    _ = HoconReader.ParseString(text).ToJson();
                }
                catch (HoconException)
                {
                }
                catch (Exception ex)
                {
                    Assert.Fail($"{document.Name} cut at {length}: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }
    }

    private static string Mutate(string text, Random random)
    {
        var sb = new StringBuilder(text);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits; e++)
        {
            var at = sb.Length == 0 ? 0 : random.Next(sb.Length);
            switch (random.Next(5))
            {
                case 0 when sb.Length > 0:
                    sb.Remove(at, Math.Min(sb.Length - at, random.Next(1, 4)));
                    break;
                case 1:
                    sb.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2 when sb.Length > 0:
                    sb[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                case 3:
                    sb.Length = at;
                    break;
                default:
                    // Duplicate a slice, which tends to produce self-references and duplicate keys.
                    var length = Math.Min(sb.Length - at, random.Next(1, 20));
                    sb.Insert(random.Next(sb.Length + 1), sb.ToString(at, length));
                    break;
            }
        }

        return sb.ToString();
    }
}
