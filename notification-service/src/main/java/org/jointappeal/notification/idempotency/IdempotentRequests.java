package org.jointappeal.notification.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.jointappeal.notification.DomainRule;
import org.jointappeal.notification.DomainRuleViolation;
import org.jointappeal.notification.RequestInFlight;

/**
 * Idempotency-Key handling for every command, inside the command's own transaction: a first request
 * costs one statement (the key's row), or two when the answer is stored after the effect.
 *
 * <p>A request in progress holds a transaction-scoped advisory lock on its key (caller's subject
 * and key), taken by the same statement that inserts the key's row; the row becomes visible when
 * the command commits, and the lock is released then. A retry of the same request replays the
 * stored answer; the same key with another request is a 422; a key whose lock another transaction
 * holds is a 409 after a short wait (polled: nothing blocks on a lock, no lock timeout). Commands
 * whose answer is known before they write anything ({@link #record}, e.g. an announcement) insert
 * the row with the answer in one statement; the others {@link #claim} the key first and {@link
 * #complete} it with the answer.
 */
@ApplicationScoped
public class IdempotentRequests {

  /** How long a retry waits for the first request of its key before answering 409. */
  private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(1);

  private static final Duration IN_FLIGHT_POLL = Duration.ofMillis(50);

  /**
   * The advisory lock of a key: a 64-bit hash of subject and key (seed 18, this mechanism's own;
   * any other advisory lock of the service uses another seed). Another key of the same hash could
   * only make a concurrent first request wait or answer 409, which a client retries.
   */
  private static final String KEY_LOCK =
      "pg_try_advisory_xact_lock(hashtextextended(?1 || chr(10) || ?2, 18))";

  private final EntityManager em;
  private final ObjectMapper json;
  private final Clock clock;

  IdempotentRequests(EntityManager em, ObjectMapper json, Clock clock) {
    this.em = em;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Runs a command at most once per caller and key, in one transaction with the key's row (no
   * separate claim): a retry of the same request replays the stored answer, the same key with
   * another request is a 422, a key still in flight a 409. Without a key the command just runs. The
   * command's own {@code @Transactional} methods join this transaction.
   */
  @Transactional
  public <T> Answer<T> perform(
      String subject,
      Optional<IdempotencyKey> key,
      String operation,
      Object request,
      Class<T> bodyType,
      Supplier<Answer<T>> command) {
    if (key.isEmpty()) {
      return command.get();
    }
    var replay = claim(subject, key.get(), operation, request, bodyType);
    if (replay.isPresent()) {
      return replay.get();
    }
    var answer = command.get();
    complete(subject, key.get(), answer);
    return answer;
  }

  /**
   * Claims the key for this request. Empty: first time, go on and {@link #complete} it. Present:
   * the stored answer of the same request, to be replayed instead of acting again.
   */
  @Transactional(TxType.MANDATORY)
  public <T> Optional<Answer<T>> claim(
      String subject, IdempotencyKey key, String operation, Object request, Class<T> bodyType) {
    return insert(subject, key, hash(operation, request), null, bodyType);
  }

  /** Stores the answer with the key, in the same transaction as the effect. */
  @Transactional(TxType.MANDATORY)
  public void complete(String subject, IdempotencyKey key, Answer<?> answer) {
    em.createNativeQuery(
            """
            update idempotency_key set status = ?3, location = ?4, body = ?5
            where subject = ?1 and idempotency_key = ?2""")
        .setFlushMode(FlushModeType.COMMIT) // the key's table is no entity's: nothing to flush
        .setParameter(1, subject)
        .setParameter(2, key.value())
        .setParameter(3, answer.status())
        .setParameter(4, answer.location())
        .setParameter(5, write(answer.body()))
        .executeUpdate();
  }

  /**
   * Records the answer of a command that knows it before writing anything (its ids are assigned in
   * memory), as the key's row, in one statement: call it after the command's checks and before its
   * writes. Empty: recorded, go on and write. Present: the key was answered before, for this same
   * request: replay that answer and write nothing. Another request's key is a 422, a key in flight
   * a 409.
   */
  @Transactional(TxType.MANDATORY)
  public <T> Optional<Answer<T>> record(
      String subject,
      IdempotencyKey key,
      String operation,
      Object request,
      Answer<T> answer,
      Class<T> bodyType) {
    return insert(subject, key, hash(operation, request), answer, bodyType);
  }

  /**
   * What a key already stands for, for a command that checks before it records (see {@link
   * #record}) and found the request wanting: empty when the key is free (the request's own answer
   * stands); the first answer to replay when the key was used for this same request (which was fine
   * then); a 422 when it was used for another request, a 409 while it is in flight.
   */
  @Transactional(TxType.MANDATORY)
  public <T> Optional<Answer<T>> answered(
      String subject, IdempotencyKey key, String operation, Object request, Class<T> bodyType) {
    String hash = hash(operation, request);
    long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
    while (true) {
      var stored = stored(subject, key);
      if (stored.row().isPresent()) {
        return Optional.of(replay(stored.row().get(), hash, key, bodyType));
      }
      if (stored.locked()) {
        return Optional.empty();
      }
      awaitOtherRequest(key, deadline);
    }
  }

  /**
   * Inserts the key's row (with the answer, when given) under the key's advisory lock, taken in the
   * insert's own {@code where}: a key another transaction holds inserts nothing and blocks nothing.
   * Nothing inserted: the stored row decides; while the other request runs, it is waited for
   * briefly (its answer can then be replayed), then a 409.
   */
  private <T> Optional<Answer<T>> insert(
      String subject, IdempotencyKey key, String hash, Answer<T> answer, Class<T> bodyType) {
    long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
    for (int attempt = 0; attempt < 3; attempt++) {
      if (insertRow(subject, key, hash, answer) == 1) {
        return Optional.empty();
      }
      while (true) {
        var stored = stored(subject, key);
        if (stored.row().isPresent()) {
          return Optional.of(replay(stored.row().get(), hash, key, bodyType));
        }
        if (stored.locked()) {
          break; // the other request rolled back and left the key to this one: insert again
        }
        awaitOtherRequest(key, deadline);
      }
    }
    throw RequestInFlight.of(key.value());
  }

  private int insertRow(String subject, IdempotencyKey key, String hash, Answer<?> answer) {
    return em.createNativeQuery(
            """
            insert into idempotency_key
              (subject, idempotency_key, request_hash, status, location, body, created_at)
            select ?1, ?2, ?3, cast(?4 as integer), cast(?5 as varchar), cast(?6 as text),
              cast(?7 as timestamptz)
            where"""
                + " "
                + KEY_LOCK
                + " on conflict do nothing")
        .setFlushMode(FlushModeType.COMMIT) // the key's table is no entity's: nothing to flush
        .setParameter(1, subject)
        .setParameter(2, key.value())
        .setParameter(3, hash)
        .setParameter(4, answer == null ? null : answer.status())
        .setParameter(5, answer == null ? null : answer.location())
        .setParameter(6, answer == null ? null : write(answer.body()))
        .setParameter(7, Timestamp.from(clock.instant()))
        .executeUpdate();
  }

  /** Waits a moment for the request holding the key, or answers 409 once it took too long. */
  private static void awaitOtherRequest(IdempotencyKey key, long deadline) {
    if (System.nanoTime() >= deadline) {
      throw RequestInFlight.of(key.value());
    }
    try {
      Thread.sleep(IN_FLIGHT_POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RequestInFlight.of(key.value());
    }
  }

  /** The key's row as committed, and whether its lock is (now) this transaction's. */
  private record Stored(Optional<Object[]> row, boolean locked) {}

  private Stored stored(String subject, IdempotencyKey key) {
    Object[] result =
        (Object[])
            em.createNativeQuery(
                    "select "
                        + KEY_LOCK
                        + """
                        , k.request_hash, k.status, k.location, k.body
                        from (select 1) one
                          left join idempotency_key k on k.subject = ?1 and k.idempotency_key = ?2""")
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter(1, subject)
                .setParameter(2, key.value())
                .getSingleResult();
    boolean locked = Boolean.TRUE.equals(result[0]);
    return new Stored(
        result[1] == null
            ? Optional.empty()
            : Optional.of(new Object[] {result[1], result[2], result[3], result[4]}),
        locked);
  }

  /** The stored answer of the same request; another request's key is a 422. */
  private <T> Answer<T> replay(Object[] row, String hash, IdempotencyKey key, Class<T> bodyType) {
    if (!hash.equals(row[0])) {
      throw DomainRuleViolation.of(
          DomainRule.IDEMPOTENCY_KEY_REUSED,
          "Idempotency-Key " + key + " was first used for another request");
    }
    if (row[1] == null) {
      throw RequestInFlight.of(key.value()); // a claim without its answer: not ours to replay
    }
    return new Answer<>(
        ((Number) row[1]).intValue(), (String) row[2], read((String) row[3], bodyType));
  }

  /** The operation and the parsed request, serialised canonically (records keep their order). */
  private String hash(String operation, Object request) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(operation.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
      digest.update(json.writeValueAsBytes(request));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("request cannot be hashed", e);
    }
  }

  private String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("answer cannot be stored", e);
    }
  }

  private <T> T read(String body, Class<T> type) {
    try {
      return json.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored answer cannot be read", e);
    }
  }
}
