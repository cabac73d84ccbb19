package org.jointappeal.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The heap of another JVM on this machine, read from its HotSpot performance counters (the {@code
 * hsperfdata} file {@code jstat} reads, which every HotSpot JVM writes unless started with {@code
 * -XX:-UsePerfData}): nothing is attached to the process and nothing is added to its options.
 *
 * <p>"Heap after GC" is the heap in use without the eden space: eden is empty right after every
 * collection and only eden fills between collections, so the survivor spaces and the old generation
 * in use are, at any moment, the heap the last collection left (plus the rare object allocated
 * straight into the old generation). With the serial collector that figure also holds garbage
 * promoted since the last full collection; {@link #collect(long)} runs one (as {@code jcmd <pid>
 * GC.run} does) for the exact live heap, used at the start and the end of the soak only.
 */
final class JvmHeap {

  private static final int MAGIC = 0xcafec0c0;

  private JvmHeap() {}

  /** Bytes of heap in use but eden, or empty when the process has no readable counters. */
  static OptionalLong afterGc(long pid) {
    ByteBuffer data = counters(pid);
    if (data == null) {
      return OptionalLong.empty();
    }
    long used = 0;
    boolean found = false;
    int entries = data.getInt(28);
    int offset = data.getInt(24);
    for (int n = 0; n < entries && offset > 0 && offset < data.limit(); n++) {
      int length = data.getInt(offset);
      int nameOffset = data.getInt(offset + 4);
      int vectorLength = data.getInt(offset + 8);
      byte type = data.get(offset + 12);
      int dataOffset = data.getInt(offset + 16);
      if (length <= 0) {
        break;
      }
      if (type == 'J' && vectorLength == 0) {
        String name = name(data, offset + nameOffset);
        // sun.gc.generation.<g>.space.<s>.used; generation 0 space 0 is eden
        if (name.startsWith("sun.gc.generation.")
            && name.endsWith(".used")
            && name.contains(".space.")
            && !name.equals("sun.gc.generation.0.space.0.used")) {
          used += data.getLong(offset + dataOffset);
          found = true;
        }
      }
      offset += length;
    }
    return found ? OptionalLong.of(used) : OptionalLong.empty();
  }

  /**
   * Runs a full collection in the process ({@code jcmd <pid> GC.run}, i.e. {@code System.gc()}) and
   * returns the heap in use afterwards; empty when jcmd or the counters are not available.
   */
  static OptionalLong collect(long pid) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      return OptionalLong.empty();
    }
    try {
      Process process =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return OptionalLong.empty();
      }
      if (process.exitValue() != 0) {
        return OptionalLong.empty();
      }
    } catch (IOException e) {
      return OptionalLong.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalLong.empty();
    }
    return afterGc(pid);
  }

  /** The counters file of a process, in its byte order; null when it cannot be read. */
  private static ByteBuffer counters(long pid) {
    String user =
        ProcessHandle.of(pid).flatMap(h -> h.info().user()).orElse(System.getProperty("user.name"));
    Path file = Path.of("/tmp", "hsperfdata_" + user, Long.toString(pid));
    try {
      ByteBuffer data = ByteBuffer.wrap(Files.readAllBytes(file));
      if (data.limit() < 32 || data.order(ByteOrder.BIG_ENDIAN).getInt(0) != MAGIC) {
        return null;
      }
      // the magic is always big-endian; byte 4 gives the order of everything else
      return data.order(data.get(4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String name(ByteBuffer data, int at) {
    int end = at;
    while (end < data.limit() && data.get(end) != 0) {
      end++;
    }
    byte[] bytes = new byte[end - at];
    data.get(at, bytes);
    return new String(bytes, StandardCharsets.US_ASCII);
  }
}
