package org.jointappeal.notification.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jointappeal.notification.DomainRuleViolation;
import org.jointappeal.notification.RequestInFlight;

/**
 * Idempotency-Key handling for every command, inside the command's own transaction: the key is
 * inserted first ({@code on conflict do nothing}), the answer stored with it before commit. A retry
 * of the same request replays the answer; the same key with another request is a 422; a key whose
 * first request has not committed yet is a 409 (after a short wait).
 */
@ApplicationScoped
public class IdempotentRequests {

  /** How long a retry waits for the first request's transaction before answering 409. */
  private static final String IN_FLIGHT_WAIT = "1s";

  private static final String LOCK_NOT_AVAILABLE = "55P03";

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
    String hash = hash(operation, request);
    if (insert(subject, key, hash) == 1) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked") // native query: each row is an Object[] in select order
    List<Object[]> rows =
        em.createNativeQuery(
                """
                select request_hash, status, location, body from idempotency_key
                where subject = ?1 and idempotency_key = ?2""")
            .setParameter(1, subject)
            .setParameter(2, key.value())
            .getResultList();
    Object[] row = rows.get(0);
    if (!hash.equals(row[0])) {
      throw DomainRuleViolation.of(
          "idempotency-key-reused",
          "The Idempotency-Key was used for another request",
          "Idempotency-Key " + key + " was first used for another request");
    }
    if (row[1] == null) {
      throw RequestInFlight.of(key.value());
    }
    return Optional.of(
        new Answer<>(
            ((Number) row[1]).intValue(), (String) row[2], read((String) row[3], bodyType)));
  }

  /** Stores the answer with the key, in the same transaction as the effect. */
  @Transactional(TxType.MANDATORY)
  public void complete(String subject, IdempotencyKey key, Answer<?> answer) {
    em.createNativeQuery(
            """
            update idempotency_key set status = ?3, location = ?4, body = ?5
            where subject = ?1 and idempotency_key = ?2""")
        .setParameter(1, subject)
        .setParameter(2, key.value())
        .setParameter(3, answer.status())
        .setParameter(4, answer.location())
        .setParameter(5, write(answer.body()))
        .executeUpdate();
  }

  /**
   * A concurrent first request holds the key's row until it commits: wait for it briefly (then its
   * answer can be replayed), and give up with 409 rather than block a request thread.
   */
  private int insert(String subject, IdempotencyKey key, String hash) {
    String previous =
        (String) em.createNativeQuery("select current_setting('lock_timeout')").getSingleResult();
    setLockTimeout(IN_FLIGHT_WAIT);
    int inserted;
    try {
      inserted =
          em.createNativeQuery(
                  """
                  insert into idempotency_key (subject, idempotency_key, request_hash, created_at)
                  values (?1, ?2, ?3, ?4) on conflict do nothing""")
              .setParameter(1, subject)
              .setParameter(2, key.value())
              .setParameter(3, hash)
              .setParameter(4, Timestamp.from(clock.instant()))
              .executeUpdate();
    } catch (PersistenceException e) {
      if (lockNotAvailable(e)) {
        throw RequestInFlight.of(key.value());
      }
      throw e;
    }
    setLockTimeout(previous); // the rest of the command waits for locks as usual
    return inserted;
  }

  private void setLockTimeout(String value) {
    em.createNativeQuery("select set_config('lock_timeout', ?1, true)")
        .setParameter(1, value)
        .getSingleResult();
  }

  private static boolean lockNotAvailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
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
