package org.jointappeal.descriptors;

import java.util.List;
import java.util.Map;

/** Null-tolerant walking of a parsed YAML tree (maps, lists, scalars). */
final class Tree {

  private Tree() {}

  static Object at(Object tree, String... path) {
    Object node = tree;
    for (String step : path) {
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = map.get(step);
    }
    return node;
  }

  @SuppressWarnings("unchecked") // SnakeYAML's safe constructor gives maps with string keys here
  static Map<String, Object> map(Object node) {
    return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  static Map<String, Object> mapAt(Object tree, String... path) {
    return map(at(tree, path));
  }

  static List<?> listAt(Object tree, String... path) {
    return at(tree, path) instanceof List<?> list ? list : List.of();
  }

  static String string(Object tree, String... path) {
    Object value = at(tree, path);
    return value == null ? null : String.valueOf(value);
  }

  /** A number written as a number or as a string ("3"), or null. */
  static Integer integer(Object tree, String... path) {
    Object value = at(tree, path);
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value instanceof String s && s.matches("-?\\d+")) {
      return Integer.valueOf(s);
    }
    return null;
  }
}
