package org.jointappeal.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jointappeal.localstack.Platform;
import org.junit.jupiter.api.Test;

/**
 * Schema-driven fuzzing of the three APIs: for every operation each service's OpenAPI document
 * publishes (read at run time, so new operations are fuzzed without a change here), at least
 * {@value #MIN_VARIANTS} malformed requests, each sent with a real Keycloak token of a role allowed
 * to call the operation. Every answer must be below 500; a 4xx with a body must be {@code
 * application/problem+json}; and the service's database must hold exactly what it held before (row
 * counts and a digest of every table, {@link Databases#fingerprint}).
 *
 * <p>Every variant is invalid by construction, so that "no write" is the right expectation:
 *
 * <ul>
 *   <li>a variant that breaks the body's shape (malformed JSON, a wrong type, a missing required
 *       field, a control character, an unknown enum value or date, a body over the limit, a content
 *       type the operation does not take) is sent as it is;
 *   <li>a variant whose content might be acceptable on its own (U+2028, an over-long string where
 *       the schema states no maximum, an empty or blank string, an odd number) also carries an
 *       unknown property as the last member of the object: the services refuse unknown properties
 *       (FAIL_ON_UNKNOWN_PROPERTIES), after Jackson has read every other member;
 *   <li>a variant of the path or query of a state-changing operation names no existing resource
 *       (the bad value is the path parameter itself); a bodiless write on a fixed path whose
 *       resource is named by required query parameters ({@code POST
 *       /forecasts/cash/projections?appealCode=}) gets names of nothing for them in every variant
 *       but its own.
 * </ul>
 *
 * <p>The generator is seeded: the seed is printed and {@code -Dfuzz.seed=...} replays a run.
 */
class OpenApiFuzzIT {

  static final int MIN_VARIANTS = 40;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String POISON = "fuzzUnknownMember";
  private static final int DEFAULT_BODY_LIMIT = 1024 * 1024;
  private static final int STATEMENT_BODY_LIMIT = 10 * 1024 * 1024;

  /** Values of path parameters that name real resources, by parameter name. */
  private final Map<String, String> existing = new LinkedHashMap<>();

  private Random random;

  /** Service → answer status → how many, for the report. */
  private static final Map<String, Map<Integer, Integer>> STATUSES = new TreeMap<>();

  @Test
  void noInputGetsA5xxAProblemIsAlwaysAProblemAndNothingIsWritten() throws Exception {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    System.out.println("OpenApiFuzzIT seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
    random = new Random(seed);
    fixtures();

    Map<String, Integer> requestsPerService = new TreeMap<>();
    Map<String, Integer> operationsPerService = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (String service : Platform.SERVICES) {
        JsonNode doc = openApi(service);
        quiet(service);
        Map<String, String> before = Databases.fingerprint(service);
        for (var path : iterable(doc.path("paths").fields())) {
          for (var op : iterable(path.getValue().fields())) {
            String method = op.getKey().toUpperCase(Locale.ROOT);
            if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
              continue;
            }
            Operation operation =
                new Operation(
                    service,
                    method,
                    path.getKey(),
                    op.getValue(),
                    doc,
                    userFor(service, method, path.getKey(), op.getValue()));
            List<RawHttp.Request> variants = variants(operation);
            if (variants.isEmpty()) {
              skipped.add(operation + ": no variant can be invalid by construction");
              continue;
            }
            System.out.println("OpenApiFuzzIT " + operation + ": " + variants.size() + " variants");
            operationsPerService.merge(service, 1, Integer::sum);
            requestsPerService.merge(service, variants.size(), Integer::sum);
            ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
            List<Future<?>> sent = new ArrayList<>();
            for (RawHttp.Request variant : variants) {
              sent.add(pool.submit(() -> check(operation, variant, problems)));
            }
            for (Future<?> future : sent) {
              future.get();
            }
            failures.addAll(problems);
            if (!method.equals("GET")) {
              Map<String, String> after = Databases.fingerprint(service);
              if (!after.equals(before)) {
                failures.add(
                    operation
                        + " changed the database: "
                        + changed(before, after)
                        + " (one of its "
                        + variants.size()
                        + " variants was accepted as a write)");
                before = after;
              }
            }
          }
        }
        Map<String, String> after = Databases.fingerprint(service);
        if (!after.equals(before)) {
          failures.add(service + " changed its database during GETs: " + changed(before, after));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    int total = requestsPerService.values().stream().mapToInt(Integer::intValue).sum();
    System.out.println(
        "OpenApiFuzzIT requests per service "
            + requestsPerService
            + " over operations "
            + operationsPerService
            + ", "
            + total
            + " in all, seed "
            + seed);
    System.out.println("OpenApiFuzzIT answers per service (status=count) " + STATUSES);
    skipped.forEach(s -> System.out.println("OpenApiFuzzIT skipped " + s));
    assertThat(failures)
        .as("seed %d: %d failures of %d requests", seed, failures.size(), total)
        .isEmpty();
    assertThat(total).isGreaterThanOrEqualTo(3000);
  }

  // --- the operations --------------------------------------------------------------------------

  record Operation(
      String service, String method, String path, JsonNode spec, JsonNode doc, String user) {

    boolean writes() {
      return !method.equals("GET");
    }

    String bodyMediaType() {
      Iterator<String> types = spec.path("requestBody").path("content").fieldNames();
      return types.hasNext() ? types.next() : null;
    }

    JsonNode bodySchema() {
      String type = bodyMediaType();
      return type == null
          ? null
          : resolve(doc, spec.path("requestBody").path("content").path(type).path("schema"));
    }

    List<JsonNode> parameters(String in) {
      List<JsonNode> found = new ArrayList<>();
      for (JsonNode parameter : spec.path("parameters")) {
        JsonNode p = parameter.has("$ref") ? resolve(doc, parameter) : parameter;
        if (in.equals(p.path("in").asText())) {
          found.add(p);
        }
      }
      return found;
    }

    @Override
    public String toString() {
      return service + " " + method + " " + path + " (as " + user + ")";
    }
  }

  static JsonNode resolve(JsonNode doc, JsonNode schema) {
    JsonNode current = schema;
    for (int depth = 0; depth < 20 && current.has("$ref"); depth++) {
      String ref = current.get("$ref").asText();
      current = doc.at(ref.substring(1));
    }
    if (current.has("allOf") && current.get("allOf").size() == 1) {
      return resolve(doc, current.get("allOf").get(0));
    }
    return current;
  }

  /**
   * A user whose role may call the operation: the roles the OpenAPI document states (the security
   * requirement's scopes) when it states them, else the row of {@link AuthorizationMatrixIT}'s
   * table that answers 2xx, else a finance officer.
   */
  private static String userFor(String service, String method, String path, JsonNode spec) {
    List<String> roles = new ArrayList<>();
    for (JsonNode requirement : spec.path("security")) {
      for (JsonNode scopes : requirement) {
        scopes.forEach(s -> roles.add(s.asText()));
      }
    }
    for (String[] candidate :
        new String[][] {
          {"finance-officer", "finance"},
          {"appeal-manager", "manager"},
          {"donor", "donor-nor"},
          {"auditor", "auditor"}
        }) {
      if (roles.contains(candidate[0])) {
        return candidate[1];
      }
    }
    String short_ = service.substring(0, service.indexOf('-'));
    for (var row : AuthorizationMatrixIT.ROWS) {
      if (row.service().equals(short_) && row.method().equals(method) && row.path().equals(path)) {
        for (var caller :
            List.of(
                AuthorizationMatrixIT.Caller.FINANCE,
                AuthorizationMatrixIT.Caller.MANAGER,
                AuthorizationMatrixIT.Caller.NOR_OWN,
                AuthorizationMatrixIT.Caller.AUDITOR)) {
          Integer status = row.expected().get(caller);
          if (status != null && status / 100 == 2) {
            return caller.user;
          }
        }
      }
    }
    return "finance";
  }

  // --- the variants ----------------------------------------------------------------------------

  private List<RawHttp.Request> variants(Operation op) {
    List<RawHttp.Request> out = new ArrayList<>();
    boolean hasBody = op.bodyMediaType() != null;
    boolean jsonBody = hasBody && op.bodyMediaType().contains("json");
    List<JsonNode> pathParameters = op.parameters("path");
    // a bodiless write on a fixed path acts on what its required query parameters name: every
    // variant names nothing that exists there, except where that parameter itself is the bad value
    Map<String, String> nowhere = new LinkedHashMap<>();
    if (op.writes() && !hasBody && pathParameters.isEmpty()) {
      for (JsonNode parameter : op.parameters("query")) {
        if (parameter.path("required").asBoolean()) {
          nowhere.put(parameter.path("name").asText(), "FUZZ-" + UUID.randomUUID());
        }
      }
      if (nowhere.isEmpty()) {
        return out; // a bodiless write on a fixed path: any variant might be a valid call
      }
    }
    // a valid-looking body, poisoned (see the class comment) wherever a variant leaves it intact
    byte[] poisoned = hasBody ? poisonedBody(op) : null;

    // 1. bad path parameters: every other parameter names a real resource
    for (JsonNode parameter : pathParameters) {
      for (String bad : badPathValues()) {
        out.add(
            request(op, Map.of(parameter.path("name").asText(), bad), "", null, poisoned, null));
      }
    }
    // 2. bad query parameters; a write's path names nothing that exists
    Map<String, String> noSuchResource = new LinkedHashMap<>();
    if (op.writes()) {
      for (JsonNode parameter : pathParameters) {
        noSuchResource.put(parameter.path("name").asText(), "FUZZ-" + UUID.randomUUID());
      }
    }
    for (JsonNode parameter : op.parameters("query")) {
      String name = parameter.path("name").asText();
      String others = nowhere(nowhere, name);
      for (String bad : badQueryValues(resolve(op.doc(), parameter.path("schema")))) {
        out.add(request(op, noSuchResource, others + name + "=" + bad, null, poisoned, null));
      }
      out.add(
          request(op, noSuchResource, others + name + "=1&" + name + "=2", null, poisoned, null));
    }
    // unknown and malformed query strings
    String named = nowhere(nowhere, null);
    for (String query :
        List.of("%", "a=%zz", "=", "&&&", "a=" + "x".repeat(20_000), "%00=%00", "a%0d%0ab=1")) {
      out.add(request(op, noSuchResource, named + query, null, poisoned, null));
    }
    // 3. headers
    Map<String, String> base = op.writes() ? noSuchResource : Map.of();
    String baseQuery = stripAmpersand(named);
    out.add(request(op, base, baseQuery, Map.of("Accept", "application/xml"), poisoned, null));
    out.add(request(op, base, baseQuery, Map.of("Accept", "garbage"), poisoned, null));
    out.add(
        request(op, base, baseQuery, Map.of("Idempotency-Key", "x".repeat(5_000)), poisoned, null));
    out.add(request(op, base, baseQuery, Map.of("Idempotency-Key", "a\u0001b"), poisoned, null));
    out.add(request(op, base, baseQuery, Map.of("If-Match", "\"not-a-version\""), poisoned, null));
    out.add(request(op, base, baseQuery, Map.of("Accept-Language", "%%%"), poisoned, null));
    // 4. content types: the body is poisoned, so even the right media type cannot write
    // a bodiless write must not find its resource: it would ignore the body and succeed
    Map<String, String> bodyless = op.writes() && !hasBody ? noSuchResource : Map.of();
    for (String type :
        List.of(
            "text/plain",
            "application/xml",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/json; charset=nonexistent",
            "application/json; charset=UTF-16",
            "garbage",
            "*/*")) {
      out.add(
          request(
              op,
              bodyless,
              baseQuery,
              Map.of("Content-Type", type),
              poisoned != null ? poisoned : "{}".getBytes(),
              null));
    }
    // 5. bodies
    if (hasBody) {
      out.addAll(jsonBody ? jsonBodyVariants(op) : otherBodyVariants(op));
      int limit =
          op.path().startsWith("/bank-statements") ? STATEMENT_BODY_LIMIT : DEFAULT_BODY_LIMIT;
      byte[] huge = ("{\"x\":\"" + "a".repeat(limit + 16) + "\"}").getBytes(StandardCharsets.UTF_8);
      out.add(request(op, Map.of(), "", Map.of("Content-Type", op.bodyMediaType()), huge, null));
      out.add(
          request(
              op,
              Map.of(),
              "",
              Map.of("Content-Type", op.bodyMediaType(), "Transfer-Encoding", "chunked"),
              huge,
              null));
    }
    // 6. seeded random junk in the path parameters and the query until the minimum is reached
    while (out.size() < MIN_VARIANTS) {
      String junk = randomJunk();
      if (!pathParameters.isEmpty()) {
        out.add(
            request(
                op,
                Map.of(
                    pathParameters.get(random.nextInt(pathParameters.size())).path("name").asText(),
                    junk),
                "",
                null,
                poisoned,
                null));
      } else {
        out.add(
            request(op, noSuchResource, named + junk + "=" + randomJunk(), null, poisoned, null));
      }
    }
    return out;
  }

  /** "a=FUZZ-..&" for each parameter naming nothing, but {@code except}; "" without any. */
  private static String nowhere(Map<String, String> nowhere, String except) {
    var query = new StringBuilder();
    nowhere.forEach(
        (name, value) -> {
          if (!name.equals(except)) {
            query.append(name).append('=').append(value).append('&');
          }
        });
    return query.toString();
  }

  private static String stripAmpersand(String query) {
    return query.endsWith("&") ? query.substring(0, query.length() - 1) : query;
  }

  private List<String> badPathValues() {
    List<String> values =
        new ArrayList<>(
            List.of(
                "a b",
                "a%20b",
                "%00",
                "%",
                "%zz",
                "%2F",
                "..%2F..%2Fq%2Fhealth",
                "%C0%AE",
                "%FF%FE",
                "%E2%80%A8",
                "%0D%0AX-Injected:%201",
                "x".repeat(5_000),
                "-1",
                "1e400",
                "null",
                "%27%3B%20drop%20table%20pledge%3B--",
                "%7B%7D",
                "%F0%9F%98%80"));
    values.add(randomJunk());
    return values;
  }

  private List<String> badQueryValues(JsonNode schema) {
    List<String> values =
        new ArrayList<>(
            List.of(
                "",
                "%00",
                "a%20b",
                "%",
                "x".repeat(5_000),
                "-1",
                "99999999999999999999999",
                "1997-02-30",
                "%0D%0A",
                "%E2%80%A8"));
    if (schema.has("enum")) {
      values.add("NO_SUCH_VALUE");
    }
    return values;
  }

  private String randomJunk() {
    var junk = new StringBuilder();
    int length = 1 + random.nextInt(random.nextBoolean() ? 12 : 400);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(4);
      if (kind == 0) {
        junk.append(String.format("%%%02X", random.nextInt(256)));
      } else if (kind == 1) {
        junk.append("%$&+,;=@~!*'()[]".charAt(random.nextInt(16)));
      } else {
        junk.append((char) ('a' + random.nextInt(26)));
      }
    }
    return junk.toString();
  }

  /** Path parameters of real resources unless overridden, then the query; one request. */
  private RawHttp.Request request(
      Operation op,
      Map<String, String> pathValues,
      String query,
      Map<String, String> extraHeaders,
      byte[] body,
      String contentType) {
    String target = op.path();
    for (JsonNode parameter : op.parameters("path")) {
      String name = parameter.path("name").asText();
      String value =
          pathValues.containsKey(name)
              ? pathValues.get(name)
              : URLEncoder.encode(existingValue(op, name), StandardCharsets.UTF_8);
      target = target.replace("{" + name + "}", value);
    }
    if (!query.isEmpty()) {
      target = target + "?" + query;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + RunningPlatform.token(op.user()));
    headers.put("Accept", "application/json, application/problem+json");
    if (body != null) {
      headers.put(
          "Content-Type",
          contentType != null
              ? contentType
              : op.bodyMediaType() != null ? op.bodyMediaType() : "application/json");
    }
    if (extraHeaders != null) {
      headers.putAll(extraHeaders);
    }
    return new RawHttp.Request(op.method(), target, headers, body);
  }

  private String existingValue(Operation op, String name) {
    if (op.path().startsWith("/donors") && name.equals("code")) {
      return existing.get("donorCode");
    }
    return existing.computeIfAbsent(name, n -> UUID.randomUUID().toString());
  }

  // --- bodies ----------------------------------------------------------------------------------

  private byte[] poisonedBody(Operation op) {
    JsonNode schema = op.bodySchema();
    if (op.bodyMediaType().contains("json")) {
      JsonNode sample = sample(op.doc(), schema, 0);
      return bytes(poison(sample));
    }
    return "<?xml version=\"1.0\"?><Document><Not-a-statement/></Document>"
        .getBytes(StandardCharsets.UTF_8);
  }

  /** An unknown property as the object's last member (an array: in its first element's). */
  private static JsonNode poison(JsonNode node) {
    if (node instanceof ObjectNode object) {
      ObjectNode copy = object.deepCopy();
      copy.put(POISON, "refused");
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = NODES.arrayNode();
      copy.add(NODES.objectNode().put(POISON, "refused"));
      copy.addAll(array);
      return copy;
    }
    return NODES.objectNode().put(POISON, "refused"); // refused for a scalar body by its type
  }

  /** A plausible value for a schema: its example, else one built from its type and format. */
  private static JsonNode sample(JsonNode doc, JsonNode schemaOrRef, int depth) {
    JsonNode schema = resolve(doc, schemaOrRef);
    if (schema.has("example") && depth > 0) {
      return schema.get("example");
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
    if (depth > 5) {
      return NODES.nullNode();
    }
    switch (type) {
      case "object" -> {
        ObjectNode object = NODES.objectNode();
        for (var property : iterable(schema.path("properties").fields())) {
          object.set(property.getKey(), sample(doc, property.getValue(), depth + 1));
        }
        if (!schema.has("properties") && schema.has("additionalProperties")) {
          object.set("key", sample(doc, schema.get("additionalProperties"), depth + 1));
        }
        return object;
      }
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        array.add(sample(doc, schema.path("items"), depth + 1));
        return array;
      }
      case "integer" -> {
        return NODES.numberNode(1);
      }
      case "number" -> {
        return NODES.textNode("1.00");
      }
      case "boolean" -> {
        return NODES.booleanNode(true);
      }
      default -> {
        String format = schema.path("format").asText();
        return NODES.textNode(
            switch (format) {
              case "date" -> "1997-07-02";
              case "date-time" -> "1997-07-02T10:00:00Z";
              case "uuid" -> UUID.randomUUID().toString();
              case "uri" -> "https://example.org/hook";
              case "email" -> "fuzz@example.org";
              default -> "FUZZ";
            });
      }
    }
  }

  private List<RawHttp.Request> jsonBodyVariants(Operation op) {
    JsonNode schema = op.bodySchema();
    JsonNode sample = sample(op.doc(), schema, 0);
    List<RawHttp.Request> out = new ArrayList<>();
    // malformed documents
    for (String text :
        List.of(
            "",
            "{",
            "{\"a\":}",
            "[]",
            "null",
            "\"text\"",
            "123",
            "{}}",
            "{\"" + POISON + "\":1,\"" + POISON + "\":2}",
            "[".repeat(5_000) + "]".repeat(5_000),
            "{\"a\":" + "1".repeat(20_000) + "}",
            "\uFEFF" + poison(sample))) {
      out.add(bodyRequest(op, text.getBytes(StandardCharsets.UTF_8)));
    }
    byte[] invalidUtf8 = bytes(poison(sample));
    byte[] broken = java.util.Arrays.copyOf(invalidUtf8, invalidUtf8.length + 2);
    System.arraycopy(invalidUtf8, 0, broken, 2, invalidUtf8.length);
    broken[0] = (byte) 0xC3;
    broken[1] = (byte) 0x28;
    out.add(bodyRequest(op, broken));
    if (!(sample instanceof ObjectNode object)) {
      return out;
    }
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    if (required.isEmpty()) {
      out.add(bodyRequest(op, bytes(poison(NODES.objectNode()))));
    }
    for (var property : iterable(object.fields())) {
      String name = property.getKey();
      JsonNode propertySchema = resolve(op.doc(), schema.path("properties").path(name));
      JsonNode value = property.getValue();
      // refused on their own: the service reads the member, then refuses the body
      if (required.contains(name)) {
        out.add(bodyRequest(op, bytes(without(object, name))));
      } else {
        out.add(bodyRequest(op, bytes(poison(without(object, name)))));
      }
      JsonNode wrongType =
          value.isObject() || value.isArray()
              ? NODES.textNode("not-" + value.getNodeType())
              : NODES.objectNode().put("wrong", "type");
      out.add(bodyRequest(op, bytes(with(object, name, wrongType))));
      if (value.isObject()) {
        out.add(bodyRequest(op, bytes(with(object, name, NODES.arrayNode()))));
      }
      if (value.isTextual()) {
        out.add(bodyRequest(op, bytes(with(object, name, NODES.textNode("a\u0000b")))));
        out.add(bodyRequest(op, bytes(with(object, name, NODES.textNode("a\rb")))));
        out.add(bodyRequest(op, bytes(with(object, name, NODES.textNode("a\u001bb\u007f")))));
        if (propertySchema.has("maxLength")) {
          int max = propertySchema.get("maxLength").asInt();
          out.add(bodyRequest(op, bytes(with(object, name, NODES.textNode("x".repeat(max + 1))))));
        }
        if (propertySchema.has("enum")) {
          out.add(bodyRequest(op, bytes(with(object, name, NODES.textNode("NO_SUCH_VALUE")))));
        }
        String format = propertySchema.path("format").asText();
        if (format.equals("date")) {
          out.add(bodyRequest(op, bytes(with(object, name, NODES.textNode("1997-02-30")))));
          out.add(bodyRequest(op, bytes(with(object, name, NODES.textNode("+999999999-12-31")))));
        }
        if (format.equals("date-time")) {
          out.add(
              bodyRequest(op, bytes(with(object, name, NODES.textNode("1997-07-02T25:61:00Z")))));
        }
        if (format.equals("uuid")) {
          out.add(bodyRequest(op, bytes(with(object, name, NODES.textNode("not-a-uuid")))));
        }
      }
      // perhaps acceptable on their own: poisoned
      for (JsonNode odd :
          List.of(
              NODES.textNode("line\u2028separator"),
              NODES.textNode(""),
              NODES.textNode("   "),
              NODES.textNode("x".repeat(100_000)),
              NODES.textNode("-0.00"),
              NODES.textNode("1E+400"),
              NODES.numberNode(new java.math.BigDecimal("1e400")),
              NODES.nullNode())) {
        out.add(bodyRequest(op, bytes(poison(with(object, name, odd)))));
      }
    }
    return out;
  }

  private List<RawHttp.Request> otherBodyVariants(Operation op) {
    List<RawHttp.Request> out = new ArrayList<>();
    for (String text :
        List.of(
            "",
            "<",
            "<Document>",
            "not xml at all",
            "{\"json\":\"instead\"}",
            "<?xml version=\"1.0\"?><Document xmlns=\"urn:wrong\"/>",
            "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Document>&x;</Document>",
            "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]><Document>&e;&e;&e;&e;&e;&e;&e;&e;</Document>",
            "<?xml version=\"1.0\"?><Document>\u0000</Document>",
            "<?xml version=\"1.0\" encoding=\"nonexistent\"?><Document/>",
            "<" + "a>".repeat(20_000))) {
      out.add(bodyRequest(op, text.getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private RawHttp.Request bodyRequest(Operation op, byte[] body) {
    return request(op, Map.of(), "", null, body, null);
  }

  private static ObjectNode with(ObjectNode object, String name, JsonNode value) {
    ObjectNode copy = object.deepCopy();
    copy.set(name, value);
    return copy;
  }

  private static ObjectNode without(ObjectNode object, String name) {
    ObjectNode copy = object.deepCopy();
    copy.remove(name);
    return copy;
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // --- checking --------------------------------------------------------------------------------

  private static void check(
      Operation op, RawHttp.Request request, ConcurrentLinkedQueue<String> problems) {
    RawHttp.Response response;
    try {
      response = RawHttp.send(RunningPlatform.url(op.service()), request);
    } catch (java.net.SocketTimeoutException e) {
      if (op.path().endsWith("/stream")) {
        return; // an accepted event stream stays open: not an error
      }
      problems.add(op + ": no answer within 60 s to\n" + request.describe());
      return;
    } catch (IOException e) {
      problems.add(op + ": " + e + " for\n" + request.describe());
      return;
    }
    int status = response.status();
    synchronized (STATUSES) {
      STATUSES.computeIfAbsent(op.service(), s -> new TreeMap<>()).merge(status, 1, Integer::sum);
    }
    boolean overLimit = request.body() != null && request.body().length > DEFAULT_BODY_LIMIT;
    if (status == 0 && overLimit) {
      return; // closed while refusing a body over the limit, before an answer could be read
    }
    String failure = null;
    if (status == 0) {
      failure = "no answer (connection closed)";
    } else if (status >= 500) {
      failure = "answered " + status;
    } else if (status >= 400
        && response.body().length > 0
        && !response.contentType().startsWith("application/problem+json")) {
      failure = "answered " + status + " as " + response.contentType() + ", not a problem";
    }
    if (failure != null) {
      problems.add(
          op
              + ": "
              + failure
              + " to\n"
              + request.describe()
              + "\n  answer: "
              + RawHttp.excerpt(response.text(), 400));
    }
  }

  // --- fixtures and the database ---------------------------------------------------------------

  private void fixtures() {
    String appeal = Fixtures.appealOpenForPledges();
    existing.put("code", appeal);
    existing.put("appealCode", appeal);
    existing.put("number", "1");
    existing.put("donorCode", "NOR");
    existing.put("pledgeId", Fixtures.announced(appeal, "NOR", "10.00"));
    existing.put("receiptId", Fixtures.receipt("NOR", "10.00"));
    existing.put("currency", "NOK");
    existing.put("effectiveFrom", "1997-07-01");
    existing.put("ruleId", Fixtures.alertRule(appeal));
    existing.put("silenceId", Fixtures.silence(appeal));
    existing.put("subscriptionId", Fixtures.subscriptionOf("donor-nor"));
  }

  /** Waits until the service's tables stop changing (events of the fixtures still arriving). */
  private static void quiet(String service) throws InterruptedException {
    Map<String, String> last = Databases.fingerprint(service);
    for (int i = 0; i < 60; i++) {
      Thread.sleep(1_000);
      Map<String, String> now = Databases.fingerprint(service);
      if (now.equals(last)) {
        return;
      }
      last = now;
    }
  }

  private static String changed(Map<String, String> before, Map<String, String> after) {
    List<String> tables = new ArrayList<>();
    after.forEach(
        (table, digest) -> {
          if (!digest.equals(before.get(table))) {
            tables.add(table + " " + before.get(table) + " -> " + digest);
          }
        });
    return tables.toString();
  }

  private static JsonNode openApi(String service) throws IOException {
    var response =
        RawHttp.send(
            RunningPlatform.url(service),
            new RawHttp.Request(
                "GET", "/q/openapi?format=json", Map.of("Accept", "application/json"), null));
    assertThat(response.status()).as("%s /q/openapi", service).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static <T> Iterable<T> iterable(Iterator<T> iterator) {
    return () -> iterator;
  }
}
