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
}
