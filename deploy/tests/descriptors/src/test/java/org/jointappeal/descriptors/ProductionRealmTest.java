package org.jointappeal.descriptors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The realm Kubernetes imports (deploy/kubernetes/base/keycloak-realm-import.yaml) is hardened:
 * brute-force detection, a password policy, a one-time code for finance officers and appeal
 * managers, and token lifetimes stated (docs/security.md, "Production realm").
 */
class ProductionRealmTest {

  private final Map<String, Object> realm =
      Repo.baseResources().stream()
          .filter(r -> r.is("KeycloakRealmImport"))
          .map(r -> Tree.mapAt(r.tree(), "spec", "realm"))
          .findFirst()
          .orElseThrow();

  @Test
  void bruteForceDetectionLocksAccountsForAWhile() {
    assertThat(realm.get("bruteForceProtected")).isEqualTo(true);
    assertThat(Tree.integer(realm, "failureFactor")).isBetween(1, 10);
    assertThat(Tree.integer(realm, "waitIncrementSeconds")).isPositive();
    assertThat(Tree.integer(realm, "maxFailureWaitSeconds")).isPositive();
  }

  @Test
  void passwordsAreLongNotTheUserNameAndNotReused() {
    String policy = Tree.string(realm, "passwordPolicy");
    assertThat(policy).isNotNull();
    Matcher length = Pattern.compile("(?:^| )length\\((\\d+)\\)").matcher(policy);
    assertThat(length.find()).as("length(n) in %s", policy).isTrue();
    assertThat(Integer.parseInt(length.group(1))).isGreaterThanOrEqualTo(12);
    assertThat(policy).contains("notUsername()");
    assertThat(policy).containsPattern("passwordHistory\\([1-9]\\d*\\)");
  }

  @Test
  void tokenAndSessionLifetimesAreStated() {
    assertThat(Tree.integer(realm, "accessTokenLifespan")).isBetween(60, 900);
    for (String lifetime :
        List.of(
            "ssoSessionIdleTimeout",
            "ssoSessionMaxLifespan",
            "offlineSessionIdleTimeout",
            "offlineSessionMaxLifespan",
            "accessCodeLifespan")) {
      assertThat(Tree.integer(realm, lifetime)).as(lifetime).isPositive();
    }
    assertThat(realm.get("offlineSessionMaxLifespanEnabled")).isEqualTo(true);
  }

  @Test
  void financeOfficersAndAppealManagersMustGiveAOneTimeCode() {
    for (String role : List.of("finance-officer", "appeal-manager")) {
      assertThat(otpRequiredFor(role)).as("OTP required for %s in the browser flow", role).isTrue();
    }
  }

  @Test
  void noClientHandsOutUserTokensWithoutTheBrowserFlow() {
    // the password grant would skip the second factor
    for (Object client : Tree.listAt(realm, "clients")) {
      assertThat(Tree.at(client, "directAccessGrantsEnabled"))
          .as("directAccessGrantsEnabled of %s", Tree.string(client, "clientId"))
          .isEqualTo(false);
      assertThat(Tree.at(client, "implicitFlowEnabled")).isEqualTo(false);
    }
  }

  /**
   * The realm's browser flow reaches, through required or alternative steps, a conditional subflow
   * whose condition is "user has the role" (not negated) and which then requires the OTP form.
   */
  private boolean otpRequiredFor(String role) {
    String browser = Tree.string(realm, "browserFlow");
    return browser != null && reachesOtpFor(browser, role, new ArrayList<>());
  }

  private boolean reachesOtpFor(String alias, String role, List<String> seen) {
    if (seen.contains(alias)) {
      return false;
    }
    seen.add(alias);
    Object flow = flow(alias);
    if (flow == null) {
      return false;
    }
    List<?> steps = Tree.listAt(flow, "authenticationExecutions");
    if (hasRoleCondition(steps, role) && requiresOtp(steps)) {
      return true;
    }
    for (Object step : steps) {
      if (Boolean.TRUE.equals(Tree.at(step, "authenticatorFlow"))
          && !"DISABLED".equals(Tree.string(step, "requirement"))
          && reachesOtpFor(Tree.string(step, "flowAlias"), role, seen)) {
        return true;
      }
    }
    return false;
  }

  private boolean hasRoleCondition(List<?> steps, String role) {
    return steps.stream()
        .filter(step -> "conditional-user-role".equals(Tree.string(step, "authenticator")))
        .filter(step -> "REQUIRED".equals(Tree.string(step, "requirement")))
        .map(step -> config(Tree.string(step, "authenticatorConfig")))
        .filter(Objects::nonNull)
        .anyMatch(
            config ->
                role.equals(Tree.string(config, "config", "condUserRole"))
                    && !"true".equals(Tree.string(config, "config", "negate")));
  }

  private static boolean requiresOtp(List<?> steps) {
    return steps.stream()
        .anyMatch(
            step ->
                "auth-otp-form".equals(Tree.string(step, "authenticator"))
                    && "REQUIRED".equals(Tree.string(step, "requirement")));
  }

  private Object flow(String alias) {
    return Tree.listAt(realm, "authenticationFlows").stream()
        .filter(f -> Objects.equals(alias, Tree.string(f, "alias")))
        .findFirst()
        .orElse(null);
  }

  private Object config(String alias) {
    return Tree.listAt(realm, "authenticatorConfig").stream()
        .filter(c -> Objects.equals(alias, Tree.string(c, "alias")))
        .findFirst()
        .orElse(null);
  }
}
