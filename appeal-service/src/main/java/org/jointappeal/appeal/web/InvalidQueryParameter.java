package org.jointappeal.appeal.web;

/**
 * A query parameter this service cannot read: a 400 naming the parameter and what it expects (the
 * message is ours, never the value sent).
 */
public class InvalidQueryParameter extends RuntimeException {

  private final String parameter;

  public InvalidQueryParameter(String parameter, String expected) {
    super(parameter + " must be " + expected);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
