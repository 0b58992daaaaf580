using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace NewsReader.Tests.Infrastructure;

/// <summary>
/// Small real image files made on the spot (no fixture binaries): a PNG of one colour, and a grey baseline JPEG whose
/// every 8×8 block is flat, with Huffman tables of one code each, which browsers decode like any other JPEG.
/// </summary>
public static class TestImages
{
    public static byte[] Png(int width, int height, byte red = 0x2A, byte green = 0x6F, byte blue = 0x97)
    {
        var rows = new MemoryStream();
        using (var z = new ZLibStream(rows, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[1 + width * 3]; // filter byte 0, then RGB
            for (var x = 0; x < width; x++)
            {
                (row[1 + x * 3], row[2 + x * 3], row[3 + x * 3]) = (red, green, blue);
            }

            for (var y = 0; y < height; y++)
            {
                z.Write(row);
            }
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", rows.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <param name="orientation">An Exif orientation to write (6: the camera was turned a quarter), or 0 for none.</param>
    public static byte[] Jpeg(int width, int height, byte orientation = 0)
    {
        var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        Segment(jpeg, 0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        if (orientation != 0)
        {
            // Exif, big-endian TIFF: IFD0 at offset 8 with one entry, orientation (0x0112), SHORT, count 1.
            Segment(jpeg, 0xE1, [.. "Exif\0\0MM"u8, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0]);
        }

        Segment(jpeg, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]); // quantisation table 0, all ones
        Segment(jpeg, 0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);
        Segment(jpeg, 0xC4, [0x00, 1, .. new byte[15], 0x00]); // DC table 0: one code of length 1, for "no difference"
        Segment(jpeg, 0xC4, [0x10, 1, .. new byte[15], 0x00]); // AC table 0: one code of length 1, for end of block
        Segment(jpeg, 0xDA, [1, 1, 0x00, 0, 63, 0]);
        var blocks = ((width + 7) / 8) * ((height + 7) / 8);
        var bits = blocks * 2; // each block: DC code 0, AC code 0 (end of block), both the single bit 0
        jpeg.Write(new byte[bits / 8]);
        if (bits % 8 != 0)
        {
            jpeg.WriteByte((byte)(0xFF >> (bits % 8))); // pad the last byte with ones
        }

        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    private static void Segment(Stream s, byte marker, byte[] data)
    {
        s.Write([0xFF, marker, (byte)((data.Length + 2) >> 8), (byte)(data.Length + 2)]);
        s.Write(data);
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        s.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        s.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
