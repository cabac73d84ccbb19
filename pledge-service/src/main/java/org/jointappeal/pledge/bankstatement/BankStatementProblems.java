package org.jointappeal.pledge.bankstatement;

import static org.jointappeal.pledge.web.ProblemMapper.instance;
import static org.jointappeal.pledge.web.ProblemMapper.respond;

import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jointappeal.pledge.web.Problem;

/** A statement that cannot be imported at all: not XML, or over the size limit. */
public class BankStatementProblems {

  @ServerExceptionMapper
  public RestResponse<Problem> unreadableStatement(UnreadableStatement e, UriInfo uri) {
    return respond(
        Problem.of(
            "unreadable-bank-statement",
            "The bank statement is not well-formed XML",
            400,
            e.getMessage(),
            instance(uri)));
  }

  @ServerExceptionMapper
  public RestResponse<Problem> statementTooLarge(StatementTooLarge e, UriInfo uri) {
    return respond(
        Problem.of(
            "bank-statement-too-large",
            "The bank statement is too large",
            413,
            e.getMessage(),
            instance(uri)));
  }
}
