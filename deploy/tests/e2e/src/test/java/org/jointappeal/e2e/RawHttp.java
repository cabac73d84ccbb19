package org.jointappeal.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection: the request line goes out byte for byte
 * as given (a raw space, a lone '%', a path no {@link URI} would hold), which no HTTP client
 * library sends.
 */
final class RawHttp {

  private RawHttp() {}

  /** What was sent, in a form fit for a failure message. */
  record Request(String method, String target, Map<String, String> headers, byte[] body) {

    String describe() {
      var text = new StringBuilder();
      text.append(method).append(' ').append(excerpt(target, 300)).append('\n');
      headers.forEach(
          (name, value) ->
              text.append("  ")
                  .append(name)
                  .append(": ")
                  .append(
                      name.equalsIgnoreCase("Authorization")
                          ? "Bearer <token>"
                          : excerpt(value, 200))
                  .append('\n'));
      if (body != null) {
        text.append("  body (")
            .append(body.length)
            .append(" bytes): ")
            .append(excerpt(new String(body, StandardCharsets.UTF_8), 400));
      }
      return text.toString();
    }
  }

  /** The answer; status 0 when the server closed the connection without one. */
  record Response(int status, Map<String, String> headers, byte[] body) {

    String contentType() {
      return headers.getOrDefault("content-type", "");
    }

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  static Response send(String baseUrl, Request request) throws IOException {
    URI base = URI.create(baseUrl);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
      socket.setSoTimeout(60_000);
      var head = new ByteArrayOutputStream();
      head.write(
          (request.method() + " " + request.target() + " HTTP/1.1\r\n")
              .getBytes(StandardCharsets.UTF_8));
      head.write(("Host: " + base.getHost() + ":" + base.getPort() + "\r\n").getBytes());
      boolean chunked = false;
      for (var header : request.headers().entrySet()) {
        chunked |=
            header.getKey().equalsIgnoreCase("Transfer-Encoding")
                && header.getValue().equalsIgnoreCase("chunked");
        head.write(
            (header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      if (request.body() != null && !chunked) {
        head.write(("Content-Length: " + request.body().length + "\r\n").getBytes());
      }
      head.write("Connection: close\r\n\r\n".getBytes());
      OutputStream out = socket.getOutputStream();
      try {
        out.write(head.toByteArray());
        if (request.body() != null) {
          if (chunked) {
            int chunk = 64 * 1024;
            for (int at = 0; at < request.body().length; at += chunk) {
              int n = Math.min(chunk, request.body().length - at);
              out.write((Integer.toHexString(n) + "\r\n").getBytes());
              out.write(request.body(), at, n);
              out.write("\r\n".getBytes());
            }
            out.write("0\r\n\r\n".getBytes());
          } else {
            out.write(request.body());
          }
        }
        out.flush();
      } catch (IOException e) {
        // the server may answer (413) and close before reading a large body: read its answer
      }
      return read(socket.getInputStream());
    }
  }

  private static Response read(InputStream in) throws IOException {
    var head = new ByteArrayOutputStream();
    try {
      int last4 = 0;
      int b;
      while ((b = in.read()) >= 0) {
        head.write(b);
        last4 = (last4 << 8) | b;
        if (last4 == 0x0d0a0d0a) {
          break;
        }
      }
    } catch (java.net.SocketException e) {
      return new Response(0, Map.of(), new byte[0]);
    }
    byte[] headBytes = head.toByteArray();
    if (headBytes.length < 4 || indexOf(headBytes, "\r\n\r\n".getBytes()) < 0) {
      return new Response(0, Map.of(), headBytes);
    }
    String[] lines =
        new String(headBytes, 0, headBytes.length - 4, StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    if (headers.getOrDefault("content-type", "").startsWith("text/event-stream")) {
      return new Response(status, headers, new byte[0]); // a stream that stays open
    }
    byte[] rest;
    try {
      rest = in.readAllBytes();
    } catch (java.net.SocketException e) {
      rest = new byte[0];
    }
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      rest = dechunk(rest);
    }
    return new Response(status, headers, rest);
  }

  private static byte[] dechunk(byte[] data) {
    var body = new ByteArrayOutputStream();
    int at = 0;
    while (at < data.length) {
      int lineEnd = indexOf(java.util.Arrays.copyOfRange(data, at, data.length), "\r\n".getBytes());
      if (lineEnd < 0) {
        break;
      }
      String size = new String(data, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
      int n = Integer.parseInt(size, 16);
      if (n == 0) {
        break;
      }
      at += lineEnd + 2;
      body.write(data, at, Math.min(n, data.length - at));
      at += n + 2;
    }
    return body.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static String excerpt(String text, int max) {
    String visible =
        text.codePoints()
            .collect(
                StringBuilder::new,
                (b, c) -> {
                  if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
                    b.append(String.format("\\u%04x", c));
                  } else {
                    b.appendCodePoint(c);
                  }
                },
                StringBuilder::append)
            .toString();
    return visible.length() <= max
        ? visible
        : visible.substring(0, max) + "... (" + visible.length() + " characters)";
  }
}
