package org.jointappeal.appeal.funding;

/** Example answers for the OpenAPI document; ExamplesTest parses each one. */
public final class FundingExamples {

  private FundingExamples() {}

  public static final String STATUS =
      """
      {"appealCode":"GEO-1997","asOf":"1997-09-30","revision":0,
       "originalRequirements":{"amount":"500000.00","currency":"USD"},
       "currentRequirements":{"amount":"500000.00","currency":"USD"},
       "pledged":{"amount":"0.00","currency":"USD"},
       "committed":{"amount":"300000.00","currency":"USD"},
       "paid":{"amount":"0.00","currency":"USD"},
       "funding":{"amount":"300000.00","currency":"USD"},
       "coveragePercent":"60.00",
       "unmet":{"amount":"200000.00","currency":"USD"},
       "writtenOff":{"amount":"0.00","currency":"USD"},
       "requirementLines":[{"lineId":"5f0c1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f","country":"GEO",
         "agency":"UNHCR","sector":"EMERGENCY_ASSISTANCE","category":"INTERNALLY_DISPLACED_PERSONS",
         "priority":"EMERGENCY","currentRequirements":{"amount":"500000.00","currency":"USD"},
         "pledged":{"amount":"0.00","currency":"USD"},"committed":{"amount":"0.00","currency":"USD"},
         "paid":{"amount":"0.00","currency":"USD"},"funding":{"amount":"0.00","currency":"USD"},
         "coveragePercent":"0.00","unmet":{"amount":"500000.00","currency":"USD"}}],
       "requirementLinesNotSpecified":{"key":null,"currentRequirements":null,
         "pledged":{"amount":"0.00","currency":"USD"},"committed":{"amount":"300000.00","currency":"USD"},
         "paid":{"amount":"0.00","currency":"USD"},"funding":{"amount":"300000.00","currency":"USD"},
         "coveragePercent":null,"unmet":null},
       "groupBy":"country",
       "groups":[{"key":"GEO","currentRequirements":{"amount":"500000.00","currency":"USD"},
         "pledged":{"amount":"0.00","currency":"USD"},"committed":{"amount":"300000.00","currency":"USD"},
         "paid":{"amount":"0.00","currency":"USD"},"funding":{"amount":"300000.00","currency":"USD"},
         "coveragePercent":"60.00","unmet":{"amount":"200000.00","currency":"USD"}}],
       "groupsNotSpecified":{"key":null,"currentRequirements":null,
         "pledged":{"amount":"0.00","currency":"USD"},"committed":{"amount":"0.00","currency":"USD"},
         "paid":{"amount":"0.00","currency":"USD"},"funding":{"amount":"0.00","currency":"USD"},
         "coveragePercent":null,"unmet":null}}""";

  public static final String CSV =
      """
      level,key,country,agency,sector,category,priority,currentRequirements,pledged,committed,paid,funding,coveragePercent,unmet
      appeal,GEO-1997,,,,,,500000.00,0.00,300000.00,0.00,300000.00,60.00,200000.00
      line,5f0c1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f,GEO,UNHCR,EMERGENCY_ASSISTANCE,INTERNALLY_DISPLACED_PERSONS,EMERGENCY,500000.00,0.00,0.00,0.00,0.00,0.00,500000.00
      line,NOT_SPECIFIED,,,,,,,0.00,300000.00,0.00,300000.00,,
      """;

  public static final String FLOW_SUMMARY =
      """
      {"appealCode":"GEO-1997","asOf":null,
       "requirements":{"originalRequirements":{"amount":"500000.00","currency":"USD"},
         "revisedRequirements":{"amount":"500000.00","currency":"USD"}},
       "funding":{"totalFunding":{"amount":"300000.00","currency":"USD"},
         "pledgeTotal":{"amount":"0.00","currency":"USD"},
         "unmetRequirements":{"amount":"200000.00","currency":"USD"},"progress":"60.00"},
       "groups":[{"type":"country","name":"GEO","requirements":{"amount":"500000.00","currency":"USD"},
         "funding":{"amount":"300000.00","currency":"USD"},"pledges":{"amount":"0.00","currency":"USD"},
         "coverage":"60.00"},
        {"type":"country","name":"NOT_SPECIFIED","requirements":null,
         "funding":{"amount":"0.00","currency":"USD"},"pledges":{"amount":"0.00","currency":"USD"},
         "coverage":null}]}""";
}
