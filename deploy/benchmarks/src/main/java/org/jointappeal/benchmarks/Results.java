package org.jointappeal.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run measured; written as report.json and rendered as report.md and charts. */
final class Results {

  /** One data size: the pledges and appeals loaded when its figures were taken. */
  record Level(
      int scale,
      long pledges,
      int appeals,
      double loadPledgesPerSecond,
      Step writes,
      Step propagation,
      List<Step> reads) {}

  /**
   * One appeal of a given number of pledges (issue #15): its load rate, propagation on it alone,
   * and reads of it alone.
   */
  record AppealSize(
      int pledges,
      String appeal,
      double loadPledgesPerSecond,
      Step propagation,
      List<Step> reads) {}

  record Target(String what, String target, String measured, String verdict) {}

  public String startedAt;
  public String machine;
  public String mode;
  public String options;
  public double stackStartSeconds;
  public Map<String, Double> serviceStartupSeconds = new LinkedHashMap<>();
  public Map<String, Long> idleMib = new LinkedHashMap<>();
  public Map<String, Long> underLoadMib = new LinkedHashMap<>();
  public List<Step> writeRamp = new ArrayList<>();
  public Step writeAtHalfSaturation;
  public Step jdbcBaseline;

  /** The fair baseline (issue #18): the rows of one announcement per transaction. */
  public Step pledgeRowsBaseline;

  /** CPU milliseconds per pledge of each process over the write ramp, and in total. */
  public Map<String, Double> writeRampCpuMsPerPledge = new LinkedHashMap<>();

  /** The same ramp with two instances of pledge-service, requests spread round robin. */
  public List<Step> writeRampTwoInstances = new ArrayList<>();

  public Map<String, Double> writeRampTwoInstancesCpuMsPerPledge = new LinkedHashMap<>();
  public Soak.Result soak;
  public Step kafkaBaseline;
  public List<Step> alertPropagation = new ArrayList<>();
  public List<Level> levels = new ArrayList<>();
  public List<AppealSize> appealSizes = new ArrayList<>();
  public List<Step> consolePages = new ArrayList<>();
  public Replay.Result replay;
  public BankStatementImport.Result bankStatement;
  public List<Target> targets = new ArrayList<>();
  public List<String> notes = new ArrayList<>();

  double maxPledgesPerSecond() {
    return writeRamp.stream().mapToDouble(Step::achievedRate).max().orElse(0);
  }

  double maxPledgesPerSecondTwoInstances() {
    return writeRampTwoInstances.stream().mapToDouble(Step::achievedRate).max().orElse(0);
  }

  /** Pledges created by the steps of a ramp (answers 201). */
  static long created(List<Step> ramp) {
    return ramp.stream().mapToLong(s -> s.count() - s.errors()).sum();
  }
}
