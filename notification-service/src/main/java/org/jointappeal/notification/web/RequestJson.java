package org.jointappeal.notification.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON mapper of the HTTP API: the application's, plus {@link PlainText}'s refusal of control
 * characters. Only request bodies get that check: what the service itself reads back (events,
 * stored answers, queued notifications) may hold text recorded before it, and must stay readable.
 */
@Provider
public class RequestJson implements ContextResolver<ObjectMapper> {

  private final ObjectMapper mapper;

  @Inject
  RequestJson(ObjectMapper application) {
    this.mapper = application.copy().registerModule(PlainText.module());
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return mapper;
  }
}
