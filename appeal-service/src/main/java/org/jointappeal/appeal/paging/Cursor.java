package org.jointappeal.appeal.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A position in a list ordered by some columns, the last one unique: the values of the last item of
 * a page. Opaque to clients (base64url); only this service reads it back.
 */
public record Cursor(List<String> keys) {

  private static final String SEPARATOR = "\n";

  public Cursor {
    keys = List.copyOf(keys);
  }

  public static Cursor of(Object... keys) {
    return new Cursor(Arrays.stream(keys).map(String::valueOf).toList());
  }

  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(String.join(SEPARATOR, keys).getBytes(StandardCharsets.UTF_8));
  }

  public static Cursor decode(String token) {
    String text;
    try {
      text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw InvalidPage.cursor();
    }
    // none of ours holds a control character: a NUL would reach the database (and fail there)
    if (text.chars().anyMatch(c -> c != '\n' && Character.isISOControl(c))) {
      throw InvalidPage.cursor();
    }
    return new Cursor(List.of(text.split(SEPARATOR, -1)));
  }

  public String string(int index) {
    return key(index);
  }

  /** A text key that must have this shape (a code): anything else was not handed out. */
  public String string(int index, Pattern shape) {
    String key = key(index);
    if (!shape.matcher(key).matches()) {
      throw InvalidPage.cursor();
    }
    return key;
  }

  public LocalDate date(int index) {
    try {
      return LocalDate.parse(key(index));
    } catch (RuntimeException e) {
      throw InvalidPage.cursor();
    }
  }

  public Instant instant(int index) {
    try {
      return Instant.parse(key(index));
    } catch (RuntimeException e) {
      throw InvalidPage.cursor();
    }
  }

  public UUID uuid(int index) {
    try {
      return UUID.fromString(key(index));
    } catch (RuntimeException e) {
      throw InvalidPage.cursor();
    }
  }

  public long number(int index) {
    try {
      return Long.parseLong(key(index));
    } catch (RuntimeException e) {
      throw InvalidPage.cursor();
    }
  }

  public int integer(int index) {
    try {
      return Integer.parseInt(key(index));
    } catch (RuntimeException e) {
      throw InvalidPage.cursor();
    }
  }

  private String key(int index) {
    if (index >= keys.size()) {
      throw InvalidPage.cursor();
    }
    return keys.get(index);
  }
}
