using System.Buffers.Binary;
using System.Text;

namespace Dangjian.Tests.Modules.Education.Courses;

/// <summary>Small but valid media files written byte by byte: the shapes the server reads the length from.</summary>
public static class MediaFiles
{
    /// <summary>An MP4: ftyp, moov with an mvhd (version 0 or 1) of <paramref name="timescale"/> and <paramref name="duration"/>, and an mdat of <paramref name="payload"/> bytes.</summary>
    public static byte[] Mp4(uint timescale, ulong duration, int version = 0, int payload = 4096, string brand = "isom")
    {
        using var s = new MemoryStream();
        Box(s, "ftyp", Concat(Encoding.ASCII.GetBytes(brand), U32(0x200), Encoding.ASCII.GetBytes("isom"), Encoding.ASCII.GetBytes("mp41")));
        var mvhd = version == 0
            ? Concat([0, 0, 0, 0], U32(0), U32(0), U32(timescale), U32((uint)duration), new byte[80])
            : Concat([1, 0, 0, 0], U64(0), U64(0), U32(timescale), U64(duration), new byte[80]);
        using (var moov = new MemoryStream())
        {
            Box(moov, "mvhd", mvhd);
            Box(s, "moov", moov.ToArray());
        }
        Box(s, "mdat", Enumerable.Range(0, payload).Select(i => (byte)(i * 7)).ToArray());
        return s.ToArray();
    }

    /// <summary>A constant-bit-rate MP3 (MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, stereo) of <paramref name="frames"/> frames, optionally after an ID3v2 tag.</summary>
    public static byte[] Mp3Cbr(int frames, bool id3 = true)
    {
        using var s = new MemoryStream();
        if (id3) s.Write([(byte)'I', (byte)'D', (byte)'3', 4, 0, 0, 0, 0, 0, 20, .. new byte[20]]);
        for (var i = 0; i < frames; i++) s.Write(Frame());
        return s.ToArray();
    }

    /// <summary>A VBR MP3 whose first frame carries a Xing header counting <paramref name="frames"/> frames.</summary>
    public static byte[] Mp3Xing(uint frames)
    {
        var first = Frame();
        "Xing"u8.CopyTo(first.AsSpan(4 + 32));
        BinaryPrimitives.WriteUInt32BigEndian(first.AsSpan(4 + 32 + 4), 1);
        BinaryPrimitives.WriteUInt32BigEndian(first.AsSpan(4 + 32 + 8), frames);
        return [.. first, .. Frame(), .. Frame()];
    }

    /// <summary>One frame of 417 bytes (144 × 128000 / 44100).</summary>
    private static byte[] Frame()
    {
        var f = new byte[417];
        f[0] = 0xFF;
        f[1] = 0xFB;
        f[2] = 0x90;
        f[3] = 0x00;
        return f;
    }

    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A Windows program (MZ header), as if renamed to .mp4.</summary>
    public static byte[] Exe() => [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, .. new byte[200]];

    private static void Box(Stream s, string type, byte[] content)
    {
        s.Write(U32((uint)(content.Length + 8)));
        s.Write(Encoding.ASCII.GetBytes(type));
        s.Write(content);
    }

    private static byte[] U32(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, v);
        return b;
    }

    private static byte[] U64(ulong v)
    {
        var b = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(b, v);
        return b;
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
