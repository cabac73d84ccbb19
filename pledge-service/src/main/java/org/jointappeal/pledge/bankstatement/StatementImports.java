package org.jointappeal.pledge.bankstatement;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jointappeal.pledge.DomainRuleViolation;

/**
 * Imports queued statements in the background, one at a time per instance: woken when a statement
 * is queued (after its transaction commits), and by a sweep for what a stop or crash left. The
 * queue is the database (RECEIVED and IMPORTING statements with their files), so nothing is lost
 * with a process. Each import is one transaction and holds the statement's advisory lock, so of
 * several instances one takes it; one a dead process left IMPORTING is free to be taken again, and
 * begins from the start (nothing of it was committed).
 */
@ApplicationScoped
public class StatementImports {

  private final BankStatementService service;
  private final ImportProgress progress;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "bank-statement-import"));
  private final AtomicBoolean drainQueued = new AtomicBoolean();
  private volatile boolean stopping;

  StatementImports(BankStatementService service, ImportProgress progress) {
    this.service = service;
    this.progress = progress;
  }

  // the database work runs on the worker, not in the completion callback (quarkus #33309)
  void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatementReceived received) {
    requestDrain();
  }

  @Scheduled(
      every = "{pledge.bank-statements.sweep-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void sweep() {
    requestDrain();
  }

  /**
   * A stop interrupts the import under way: its transaction rolls back, the statement stays
   * IMPORTING, and the next start (or another instance's sweep) begins it again.
   */
  void stop(@Observes ShutdownEvent event) {
    stopping = true;
    worker.shutdownNow();
  }

  private void requestDrain() {
    if (drainQueued.compareAndSet(false, true) && !worker.isShutdown()) {
      worker.execute(
          () -> {
            drainQueued.set(false);
            drain();
          });
    }
  }

  /** Imports what may run, oldest first, until nothing is left that this instance can take. */
  void drain() {
    try {
      boolean tookOne = true;
      while (tookOne && !stopping) {
        tookOne = false;
        List<UUID> runnable = service.runnable();
        for (var id : runnable) {
          if (run(id)) {
            tookOne = true;
            break; // the queue may have changed: look again
          }
        }
      }
    } catch (RuntimeException e) {
      Log.warnf("bank statement imports stopped, the sweep tries again: %s", e.toString());
    }
  }

  /** Returns false when another import holds the statement. */
  private boolean run(UUID id) {
    try {
      return service.importQueued(id);
    } catch (DomainRuleViolation e) {
      Log.infof("bank statement refused bankStatementId=%s rule=%s", id, e.rule().slug());
      progress.ended(id, BankStatementStatus.REFUSED, Refusal.of(e));
      return true;
    } catch (RuntimeException e) {
      if (stopping || Thread.currentThread().isInterrupted()) {
        // stopped mid-import: left IMPORTING, begun again after the restart
        Log.infof("bank statement import interrupted by a stop bankStatementId=%s", id);
        throw e;
      }
      String errorId = UUID.randomUUID().toString();
      Log.errorf(e, "bank statement import failed bankStatementId=%s errorId=%s", id, errorId);
      progress.ended(
          id,
          BankStatementStatus.FAILED,
          Refusal.internal(
              "the import failed; quote error id "
                  + errorId
                  + " to the operators. Nothing of the"
                  + " statement was written: it may be sent again"));
      return true;
    }
  }
}
