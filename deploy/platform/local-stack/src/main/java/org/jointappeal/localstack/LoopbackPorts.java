package org.jointappeal.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;

/** Free ports on the loopback address, for the servers this module starts. */
final class LoopbackPorts {

  private LoopbackPorts() {}

  /** A port free now; another process may take it before it is bound (the caller retries). */
  static int free() {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A free port that is not in {@code taken}, added to it. */
  static int free(Set<Integer> taken) {
    while (true) {
      int port = free();
      if (taken.add(port)) {
        return port;
      }
    }
  }
}
