package org.jointappeal.console.publicview;

import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jointappeal.console.web.Charts;

/**
 * An appeal's funding grouped by one dimension (country, sector, ...): its table rows and the same
 * figures as a chart.
 */
@TemplateData
public record GroupView(String dimension, List<Map<String, Object>> groups, String chart) {

  @SuppressWarnings("unchecked")
  public static GroupView of(String dimension, Map<String, Object> funding) {
    List<Map<String, Object>> groups = new ArrayList<>();
    if (funding.get("groups") instanceof List<?> list) {
      groups.addAll((List<Map<String, Object>>) list);
    }
    boolean codes = dimension.equals("country") || dimension.equals("agency");
    return new GroupView(dimension, groups, Charts.groups(groups, !codes));
  }
}
