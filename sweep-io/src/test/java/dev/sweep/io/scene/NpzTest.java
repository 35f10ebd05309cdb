package dev.sweep.io.scene;

import static org.junit.jupiter.api.Assertions.*;

import dev.sweep.store.StoreFormatException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .npy header and data layouts, built byte by byte as NumPy's format document describes them. */
class NpzTest {
  @TempDir Path dir;

  static byte[] npy(String header, byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
    int pad = 16 - (10 + h.length + 1) % 16;
    out.write(0x93);
    out.writeBytes("NUMPY".getBytes(StandardCharsets.ISO_8859_1));
    out.write(1);
    out.write(0);
    int len = h.length + pad + 1;
    out.write(len & 0xff);
    out.write(len >> 8);
    out.writeBytes(h);
    for (int i = 0; i < pad; i++) out.write(' ');
    out.write('\n');
    out.writeBytes(data);
    return out.toByteArray();
  }

  @Test
  void bigEndianAndHalfPrecisionAndZeroDimensionalArrays() {
    ByteBuffer be = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN).putDouble(1.5).putDouble(-2);
    Npz.NpyArray a = Npz.parse(npy("{'descr': '>f8', 'fortran_order': False, 'shape': (2,), }", be.array()));
    assertArrayEquals(new double[] {1.5, -2}, (double[]) a.values());
    ByteBuffer half = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 0x3c00).putShort((short) 0xc000)
        .putShort((short) 0x0001);
    Npz.NpyArray h = Npz.parse(npy("{'descr': '<f2', 'fortran_order': False, 'shape': (3,), }", half.array()));
    assertArrayEquals(new float[] {1f, -2f, (float) Math.pow(2, -24)}, (float[]) h.values());
    ByteBuffer one = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(-7);
    Npz.NpyArray s = Npz.parse(npy("{'descr': '<i4', 'fortran_order': False, 'shape': (), }", one.array()));
    assertEquals(0, s.shape().length);
    assertArrayEquals(new int[] {-7}, (int[]) s.values());
    ByteBuffer u4 = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(-1);
    assertArrayEquals(new long[] {4294967295L},
        (long[]) Npz.parse(npy("{'descr': '<u4', 'fortran_order': False, 'shape': (1,), }", u4.array())).values());
  }

  @Test
  void objectArraysAreReportedAsPicklesNotRead() {
    assertNull(Npz.parse(npy("{'descr': '|O', 'fortran_order': False, 'shape': (), }", new byte[] {(byte) 0x80, 3})));
  }

  @Test
  void malformedEntriesNameTheProblem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npz.parse("not numpy at all".getBytes()));
    assertEquals("not a .npy file (no \\x93NUMPY magic)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Npz.parse(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }", new byte[8])));
    assertEquals("truncated data: 8 bytes for 4 values of <f8", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Npz.parse(npy("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", new byte[16])));
    assertEquals("dtype '<c16' is not supported (numbers, booleans and strings are)", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Npz.parse(npy("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (1,), }", new byte[8])));
    assertTrue(e.getMessage().endsWith("(structured types are not supported)"), e.getMessage());
  }

  @Test
  void aDamagedArchiveNamesTheFile() throws IOException {
    Path file = Files.writeString(dir.resolve("p_000000.npz"), "PK but not really a zip");
    StoreFormatException e = assertThrows(StoreFormatException.class, () -> Npz.read(file));
    assertEquals(file, e.path());
    assertTrue(e.getMessage().startsWith(file + ": not a NumPy .npz archive"), e.getMessage());
    Path bad = dir.resolve("q_000000.npz");
    try (OutputStream out = Files.newOutputStream(bad); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("data.npy"));
      zip.write("garbage".getBytes());
      zip.closeEntry();
    }
    e = assertThrows(StoreFormatException.class, () -> Npz.read(bad));
    assertEquals(bad + ": entry data.npy: too short for a .npy file (7 bytes)", e.getMessage());
    Scene s = Scene.at(Files.createDirectories(dir.resolve("sim_000000")));
    Files.move(bad, s.path().resolve("q_000000.npz"));
    assertThrows(StoreFormatException.class, () -> s.read("q", 0));
  }
}
