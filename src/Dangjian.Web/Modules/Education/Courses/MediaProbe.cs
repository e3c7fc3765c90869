using System.Buffers.Binary;

namespace Dangjian.Web.Modules.Education.Courses;

/// <summary>Why an uploaded file was refused: not what its kind says (a renamed program), or of that type but broken.</summary>
public enum MediaProblem
{
    None,
    WrongType,
    Corrupt,
}

/// <summary>What the server read from a file: the type it really is and, for a video or audio, its length.</summary>
public sealed record MediaInfo(string ContentType, int? Seconds);

/// <summary>
/// Reads an uploaded course file on the server, trusting neither its name nor the type the browser sent: the magic bytes
/// decide what it is, and the length of a video or audio comes from the file itself — MP4/M4A from the <c>moov/mvhd</c>
/// box (ISO/IEC 14496-12: timescale and duration, version 0 or 1), MP3 from its frame headers (the Xing/Info or VBRI
/// frame count when there is one, otherwise a constant bit rate from the first frame and the size). A length is
/// rounded up to whole seconds, so a file a fraction over a limit is over it.
/// </summary>
public static class MediaProbe
{
    public const string Mp4Video = "video/mp4";
    public const string Mp4Audio = "audio/mp4";
    public const string Mp3 = "audio/mpeg";
    public const string Pdf = "application/pdf";

    public static (MediaInfo? Info, MediaProblem Problem) Probe(CourseKind kind, ReadOnlySpan<byte> data) => kind switch
    {
        CourseKind.Video => IsMp4(data) ? Mp4(data, Mp4Video) : (null, MediaProblem.WrongType),
        CourseKind.Audio => IsMp4(data) ? Mp4(data, Mp4Audio) : LooksLikeMp3(data) ? Mp3Length(data) : (null, MediaProblem.WrongType),
        CourseKind.Pdf => data.StartsWith("%PDF-"u8) ? (new MediaInfo(Pdf, null), MediaProblem.None) : (null, MediaProblem.WrongType),
        _ => (null, MediaProblem.WrongType),
    };

    /// <summary>An ISO base media file starts with its <c>ftyp</c> box.</summary>
    public static bool IsMp4(ReadOnlySpan<byte> data) => data.Length >= 12 && data.Slice(4, 4).SequenceEqual("ftyp"u8);

    private static bool LooksLikeMp3(ReadOnlySpan<byte> data) => data.StartsWith("ID3"u8) || Frame.Read(data) is not null;

    private static (MediaInfo?, MediaProblem) Mp4(ReadOnlySpan<byte> data, string contentType)
    {
        var moov = FindBox(data, "moov"u8);
        if (moov is not { } m) return (null, MediaProblem.Corrupt);
        var mvhd = FindBox(data.Slice(m.Start, m.Length), "mvhd"u8);
        if (mvhd is not { } h) return (null, MediaProblem.Corrupt);
        var box = data.Slice(m.Start + h.Start, h.Length);
        if (box.Length < 4) return (null, MediaProblem.Corrupt);
        ulong timescale, duration;
        switch (box[0])
        {
            case 0 when box.Length >= 20:
                timescale = BinaryPrimitives.ReadUInt32BigEndian(box[12..]);
                duration = BinaryPrimitives.ReadUInt32BigEndian(box[16..]);
                if (duration == uint.MaxValue) return (null, MediaProblem.Corrupt);
                break;
            case 1 when box.Length >= 32:
                timescale = BinaryPrimitives.ReadUInt32BigEndian(box[20..]);
                duration = BinaryPrimitives.ReadUInt64BigEndian(box[24..]);
                if (duration == ulong.MaxValue) return (null, MediaProblem.Corrupt);
                break;
            default:
                return (null, MediaProblem.Corrupt);
        }
        if (timescale == 0) return (null, MediaProblem.Corrupt);
        var seconds = duration / timescale + (duration % timescale == 0 ? 0UL : 1UL);
        return seconds > int.MaxValue ? (null, MediaProblem.Corrupt) : (new MediaInfo(contentType, (int)seconds), MediaProblem.None);
    }

    /// <summary>The content (after the header) of the first box of <paramref name="type"/> among the boxes of <paramref name="data"/>; null when a box's size does not fit.</summary>
    private static (int Start, int Length)? FindBox(ReadOnlySpan<byte> data, ReadOnlySpan<byte> type)
    {
        var at = 0;
        while (at + 8 <= data.Length)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(data[at..]);
            var header = 8;
            if (size == 1)
            {
                if (at + 16 > data.Length) return null;
                size = (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(data[(at + 8)..]), long.MaxValue);
                header = 16;
            }
            else if (size == 0) size = data.Length - at;
            if (size < header || at + size > data.Length) return null;
            if (data.Slice(at + 4, 4).SequenceEqual(type)) return (at + header, (int)size - header);
            at += (int)size;
        }
        return null;
    }

    private static (MediaInfo?, MediaProblem) Mp3Length(ReadOnlySpan<byte> data)
    {
        var start = 0;
        if (data.StartsWith("ID3"u8))
        {
            if (data.Length < 10) return (null, MediaProblem.Corrupt);
            var tag = (data[6] & 0x7F) << 21 | (data[7] & 0x7F) << 14 | (data[8] & 0x7F) << 7 | (data[9] & 0x7F);
            start = 10 + tag + ((data[5] & 0x10) != 0 ? 10 : 0);
        }
        // The first frame lies within a little of the tag's end (some encoders pad it).
        var frameAt = -1;
        Frame? frame = null;
        for (var i = start; i < Math.Min(data.Length - 4, start + 64 * 1024); i++)
        {
            if (Frame.Read(data[i..]) is not { } f) continue;
            var next = i + f.Length;
            if (next + 4 <= data.Length && Frame.Read(data[next..]) is null && Xing(data[i..], f) is null) continue;
            (frameAt, frame) = (i, f);
            break;
        }
        if (frame is not { } first) return (null, MediaProblem.Corrupt);
        long seconds;
        if (Xing(data[frameAt..], first) is { } frames)
        {
            var samples = (long)frames * first.SamplesPerFrame;
            seconds = samples / first.SampleRate + (samples % first.SampleRate == 0 ? 0 : 1);
        }
        else
        {
            var end = data.Length >= 128 && data[^128..].StartsWith("TAG"u8) ? data.Length - 128 : data.Length;
            var bits = (long)(end - frameAt) * 8;
            var perSecond = first.Kbps * 1000L;
            seconds = bits / perSecond + (bits % perSecond == 0 ? 0 : 1);
        }
        return (new MediaInfo(Mp3, (int)Math.Min(seconds, int.MaxValue)), MediaProblem.None);
    }

    /// <summary>The frame count of a Xing/Info or VBRI header in the first frame, if it has one.</summary>
    private static uint? Xing(ReadOnlySpan<byte> frame, Frame f)
    {
        var at = 4 + f.SideInfoBytes;
        if (frame.Length >= at + 12 && (frame.Slice(at, 4).SequenceEqual("Xing"u8) || frame.Slice(at, 4).SequenceEqual("Info"u8)))
        {
            var flags = BinaryPrimitives.ReadUInt32BigEndian(frame[(at + 4)..]);
            var count = BinaryPrimitives.ReadUInt32BigEndian(frame[(at + 8)..]);
            return (flags & 1) != 0 && count > 0 ? count : null;
        }
        const int vbri = 4 + 32;
        if (frame.Length >= vbri + 18 && frame.Slice(vbri, 4).SequenceEqual("VBRI"u8))
        {
            var count = BinaryPrimitives.ReadUInt32BigEndian(frame[(vbri + 14)..]);
            return count > 0 ? count : null;
        }
        return null;
    }

    /// <summary>An MPEG audio Layer III frame header (ISO/IEC 11172-3, 13818-3 and the unofficial MPEG 2.5).</summary>
    private readonly record struct Frame(int Kbps, int SampleRate, int SamplesPerFrame, int Length, int SideInfoBytes)
    {
        private static readonly int[] Mpeg1Kbps = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
        private static readonly int[] Mpeg2Kbps = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

        public static Frame? Read(ReadOnlySpan<byte> b)
        {
            if (b.Length < 4 || b[0] != 0xFF || (b[1] & 0xE0) != 0xE0) return null;
            var version = (b[1] >> 3) & 3;   // 0: MPEG 2.5, 1: reserved, 2: MPEG 2, 3: MPEG 1
            var layer = (b[1] >> 1) & 3;     // 1: Layer III
            var bitrateIndex = b[2] >> 4;
            var rateIndex = (b[2] >> 2) & 3;
            if (version == 1 || layer != 1 || bitrateIndex is 0 or 15 || rateIndex == 3) return null;
            var mpeg1 = version == 3;
            var kbps = (mpeg1 ? Mpeg1Kbps : Mpeg2Kbps)[bitrateIndex];
            int[] rates = version switch { 3 => [44100, 48000, 32000], 2 => [22050, 24000, 16000], _ => [11025, 12000, 8000] };
            var rate = rates[rateIndex];
            var padding = (b[2] >> 1) & 1;
            var mono = (b[3] >> 6) == 3;
            var samples = mpeg1 ? 1152 : 576;
            var length = samples / 8 * kbps * 1000 / rate + padding;
            var side = mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17);
            return new Frame(kbps, rate, samples, length, side);
        }
    }
}
