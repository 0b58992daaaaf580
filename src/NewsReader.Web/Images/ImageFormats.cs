using System.Buffers.Binary;

namespace NewsReader.Images;

/// <summary>What an image file really is, told by its first bytes (never its name), and its size in pixels when the header gives it.</summary>
public sealed record ImageFormat(string Extension, string ContentType, int? Width, int? Height);

/// <summary>
/// Recognises the raster formats browsers show safely (PNG, JPEG, GIF, WebP, AVIF) by their magic bytes and reads their
/// width and height from the header. Only headers are read, so a crafted file costs nothing but a refusal: no decoder
/// runs here. SVG and everything else is not an image to this app (SVG can carry scripts).
/// </summary>
public static class ImageFormats
{
    private const int MaxSide = 65_535;

    public static ImageFormat? Recognise(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 24 && b[..8].SequenceEqual<byte>([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Sized("png", "image/png", BinaryPrimitives.ReadUInt32BigEndian(b[16..]), BinaryPrimitives.ReadUInt32BigEndian(b[20..]));
        }

        if (b.Length >= 10 && (b[..6].SequenceEqual("GIF87a"u8) || b[..6].SequenceEqual("GIF89a"u8)))
        {
            return Sized("gif", "image/gif", BinaryPrimitives.ReadUInt16LittleEndian(b[6..]), BinaryPrimitives.ReadUInt16LittleEndian(b[8..]));
        }

        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            var (w, h) = JpegSize(b);
            return Sized("jpg", "image/jpeg", w, h);
        }

        if (b.Length >= 30 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            var (w, h) = WebPSize(b);
            return Sized("webp", "image/webp", w, h);
        }

        if (b.Length >= 16 && b[4..8].SequenceEqual("ftyp"u8) && IsAvifBrand(b))
        {
            var (w, h) = AvifSize(b);
            return Sized("avif", "image/avif", w, h);
        }

        return null;
    }

    private static ImageFormat Sized(string extension, string contentType, uint width, uint height) =>
        width is > 0 and <= MaxSide && height is > 0 and <= MaxSide
            ? new ImageFormat(extension, contentType, (int)width, (int)height)
            : new ImageFormat(extension, contentType, null, null);

    // Markers until a start-of-frame (SOF0–SOF15 but DHT C4, JPG C8, DAC CC), which holds height then width. A camera's
    // Exif orientation of a quarter turn (5–8) is applied by browsers, so the picture shows with its sides swapped.
    private static (uint, uint) JpegSize(ReadOnlySpan<byte> b)
    {
        var at = 2;
        var turned = false;
        while (at + 9 < b.Length)
        {
            if (b[at] != 0xFF)
            {
                return (0, 0);
            }

            var marker = b[at + 1];
            if (marker == 0xFF)
            {
                at++; // fill byte
                continue;
            }

            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at += 2; // markers without a length
                continue;
            }

            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                var (width, height) = (BinaryPrimitives.ReadUInt16BigEndian(b[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(at + 5)..]));
                return turned ? (height, width) : (width, height);
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(b[(at + 2)..]);
            if (marker == 0xE1 && at + 2 + length <= b.Length)
            {
                turned |= Orientation(b.Slice(at + 4, Math.Max(0, length - 2))) is >= 5 and <= 8;
            }

            at += 2 + length;
        }

        return (0, 0);
    }

    // APP1 "Exif\0\0", then a TIFF header (byte order, 42, first IFD's offset); the orientation is tag 0x0112 of IFD0.
    private static int Orientation(ReadOnlySpan<byte> app1)
    {
        if (app1.Length < 14 || !app1[..6].SequenceEqual("Exif\0\0"u8))
        {
            return 0;
        }

        var tiff = app1[6..];
        var little = tiff[0] == (byte)'I';
        var ifd = little ? BinaryPrimitives.ReadUInt32LittleEndian(tiff[4..]) : BinaryPrimitives.ReadUInt32BigEndian(tiff[4..]);
        if (ifd > (uint)tiff.Length - 2)
        {
            return 0;
        }

        var entries = U16(tiff, (int)ifd, little);
        for (var i = 0; i < entries; i++)
        {
            var entry = (int)ifd + 2 + i * 12;
            if (entry + 12 > tiff.Length)
            {
                break;
            }

            if (U16(tiff, entry, little) == 0x0112)
            {
                return U16(tiff, entry + 8, little);
            }
        }

        return 0;
    }

    private static int U16(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b[at..]) : BinaryPrimitives.ReadUInt16BigEndian(b[at..]);

    private static (uint, uint) WebPSize(ReadOnlySpan<byte> b)
    {
        var chunk = b[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            return (BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFFu, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFFu);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
            return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            return (Uint24(b[24..]) + 1, Uint24(b[27..]) + 1);
        }

        return (0, 0);
    }

    private static uint Uint24(ReadOnlySpan<byte> b) => b[0] | (uint)b[1] << 8 | (uint)b[2] << 16;

    // The major brand, or one of the compatible brands of the ftyp box.
    private static bool IsAvifBrand(ReadOnlySpan<byte> b)
    {
        var boxEnd = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(b), (uint)b.Length);
        for (var at = 8; at + 4 <= boxEnd; at += at == 8 ? 8 : 4)
        {
            if (b[at..(at + 4)].SequenceEqual("avif"u8) || b[at..(at + 4)].SequenceEqual("avis"u8))
            {
                return true;
            }
        }

        return false;
    }

    // The image spatial extents property ("ispe": version and flags, then width and height) near the start of the file.
    private static (uint, uint) AvifSize(ReadOnlySpan<byte> b)
    {
        var head = b[..Math.Min(b.Length, 4096)];
        var at = head.IndexOf("ispe"u8);
        return at >= 0 && at + 16 <= head.Length
            ? (BinaryPrimitives.ReadUInt32BigEndian(head[(at + 8)..]), BinaryPrimitives.ReadUInt32BigEndian(head[(at + 12)..]))
            : (0, 0);
    }
}
