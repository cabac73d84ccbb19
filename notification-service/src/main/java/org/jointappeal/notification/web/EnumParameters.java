package org.jointappeal.notification.web;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Enum parameters accept exactly their constants' names. JAX-RS answers a query parameter it cannot
 * convert with 404, as if the resource were missing; {@code ?status=BOGUS} is the caller's mistake,
 * so it is a 400 that names the allowed values.
 */
@Provider
public class EnumParameters implements ParamConverterProvider {

  @Override
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    if (!rawType.isEnum()) {
      return null;
    }
    String field = parameterName(annotations);
    String allowed =
        Arrays.stream(rawType.getEnumConstants())
            .map(constant -> ((Enum<?>) constant).name())
            .collect(Collectors.joining(", "));
    return new ParamConverter<>() {
      @Override
      public T fromString(String value) {
        for (T constant : rawType.getEnumConstants()) {
          if (((Enum<?>) constant).name().equals(value)) {
            return constant;
          }
        }
        throw new InvalidParameter(field, "must be one of " + allowed);
      }

      @Override
      public String toString(T value) {
        return ((Enum<?>) value).name();
      }
    };
  }

  private static String parameterName(Annotation[] annotations) {
    if (annotations != null) {
      for (Annotation annotation : annotations) {
        if (annotation instanceof QueryParam query) {
          return query.value();
        }
        if (annotation instanceof PathParam path) {
          return path.value();
        }
      }
    }
    return "parameter";
  }
}
