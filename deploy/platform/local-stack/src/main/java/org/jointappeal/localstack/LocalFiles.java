package org.jointappeal.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** File chores shared by the servers: showing why a process died and removing its traces. */
final class LocalFiles {

  private static final int TAIL_LINES = 30;
  private static final int ERROR_LINES = 8;
  private static final int TAIL_BYTES = 64 * 1024;
  // Kafka's "] ERROR " and exceptions, PostgreSQL's "ERROR:" and "FATAL:", initdb's "error:".
  private static final Pattern ERROR = Pattern.compile("\\b(ERROR|FATAL|error:)|Exception: ");

  private LocalFiles() {}

  /**
   * The end of a server's log for an exception message: its last error lines, since a dying server
   * logs its shutdown after the cause, then the last lines.
   */
  static String tail(Path log) {
    if (!Files.isRegularFile(log)) {
      return "no log at " + log;
    }
    // Only the end is read: a long-running broker's log grows to hundreds of megabytes.
    try (SeekableByteChannel channel = Files.newByteChannel(log)) {
      long start = Math.max(0, channel.size() - TAIL_BYTES);
      ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
      channel.position(start);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // reads until the buffer is full or the file ends
      }
      // Malformed bytes are replaced, not fatal: the cut may fall inside a character.
      String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
      List<String> lines = List.of(text.split("\\R"));
      List<String> errors =
          lines.stream().filter(line -> ERROR.matcher(line).find()).collect(Collectors.toList());
      StringBuilder message = new StringBuilder();
      if (!errors.isEmpty()) {
        message.append("errors in ").append(log).append(":\n");
        message.append(String.join("\n", last(errors, ERROR_LINES))).append('\n');
      }
      message.append("last lines of ").append(log).append(":\n");
      return message.append(String.join("\n", last(lines, TAIL_LINES))).toString();
    } catch (IOException e) {
      return "cannot read " + log + ": " + e;
    }
  }

  private static List<String> last(List<String> lines, int count) {
    return lines.subList(Math.max(0, lines.size() - count), lines.size());
  }

  static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root, e);
    }
  }
}
