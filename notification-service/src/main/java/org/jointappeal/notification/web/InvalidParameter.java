package org.jointappeal.notification.web;

import jakarta.ws.rs.BadRequestException;

/**
 * A query or path parameter that cannot be read. A {@link jakarta.ws.rs.WebApplicationException},
 * so that JAX-RS passes it on as it is instead of turning it into a 404.
 */
public final class InvalidParameter extends BadRequestException {

  private final String field;
  private final String reason;

  InvalidParameter(String field, String reason) {
    super("invalid parameter " + field);
    this.field = field;
    this.reason = reason;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
