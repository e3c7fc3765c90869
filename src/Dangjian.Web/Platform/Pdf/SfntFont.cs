using System.Buffers.Binary;

namespace Dangjian.Web.Platform.Pdf;

/// <summary>
/// Reads just enough of a font file (TrueType/OpenType "sfnt", or a TrueType collection .ttc) to hand PDFsharp one
/// face it can embed. PDFsharp 6.5 cannot read a collection at all, and it embeds a face with PostScript (CFF)
/// outlines whole and mislabelled, so only faces with TrueType outlines ("glyf") are accepted (ADR 0005).
/// </summary>
public static class SfntFont
{
    private const uint CollectionTag = 0x74746366;  // "ttcf"
    private const uint TrueTypeTag = 0x00010000;
    private const uint AppleTrueTypeTag = 0x74727565;  // "true"
    private const uint GlyfTag = 0x676C7966;  // "glyf"
    private const uint CffTag = 0x43464620;  // "CFF "
    private const uint Cff2Tag = 0x43464632;  // "CFF2"

    /// <summary>The face's bytes as a standalone font file, or why it cannot be used.</summary>
    public static (byte[]? Face, string? Problem) Extract(byte[] file, int index)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            if (file.Length < 12) return (null, "not a font file");
            var offset = 0;
            if (U32(file, 0) == CollectionTag)
            {
                var count = (int)U32(file, 8);
                if (index < 0 || index >= count) return (null, $"the collection has {count} faces, no face {index}");
                offset = (int)U32(file, 12 + 4 * index);
            }
            else if (index != 0)
            {
                return (null, $"not a collection, no face {index}");
            }

            var version = U32(file, offset);
            var tables = U16(file, offset + 4);
            var directory = Enumerable.Range(0, tables)
                .Select(i => offset + 12 + 16 * i)
                .Select(r => (Tag: U32(file, r), Sum: U32(file, r + 4), Offset: (int)U32(file, r + 8), Length: (int)U32(file, r + 12)))
                .ToList();
            if (directory.Any(t => t.Tag is CffTag or Cff2Tag)) return (null, "PostScript (CFF) outlines, which PDFsharp cannot subset");
            if (version is not (TrueTypeTag or AppleTrueTypeTag) || directory.All(t => t.Tag != GlyfTag)) return (null, "no TrueType outlines");
            if (offset == 0) return (file, null);

            // Rebuild a standalone file: the face's header and table directory, then its tables, each 4-byte aligned.
            var headerLength = 12 + 16 * tables;
            var size = headerLength + directory.Sum(t => Align(t.Length));
            var face = new byte[size];
            file.AsSpan(offset, 12).CopyTo(face);
            var at = headerLength;
            for (var i = 0; i < directory.Count; i++)
            {
                var t = directory[i];
                var entry = face.AsSpan(12 + 16 * i);
                BinaryPrimitives.WriteUInt32BigEndian(entry, t.Tag);
                BinaryPrimitives.WriteUInt32BigEndian(entry[4..], t.Sum);
                BinaryPrimitives.WriteUInt32BigEndian(entry[8..], (uint)at);
                BinaryPrimitives.WriteUInt32BigEndian(entry[12..], (uint)t.Length);
                file.AsSpan(t.Offset, t.Length).CopyTo(face.AsSpan(at));
                at += Align(t.Length);
            }
            return (face, null);
        }
        catch (ArgumentOutOfRangeException)
        {
            return (null, "the file is cut short or damaged");
        }
    }

    private static int Align(int length) => (length + 3) & ~3;

    private static uint U32(byte[] b, int at) => BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at, 4));

    private static ushort U16(byte[] b, int at) => BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(at, 2));
}
