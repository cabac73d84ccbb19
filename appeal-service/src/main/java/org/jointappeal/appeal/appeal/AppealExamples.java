package org.jointappeal.appeal.appeal;

/** Example JSON for the OpenAPI document; ExamplesTest parses each one. */
public final class AppealExamples {

  private AppealExamples() {}

  public static final String CREATE_REQUEST =
      """
      {"code":"CIS-1997","title":"CIS Conference follow-up: UNHCR/IOM joint appeal 1997",
       "agencies":["UNHCR","IOM"],"periodStart":"1997-01-01","periodEnd":"1997-12-31",
       "description":"Programme of Action of the May 1996 Geneva CIS Conference",
       "requirementLines":[
        {"country":"GEO","agency":"UNHCR","sector":"EMERGENCY_ASSISTANCE",
         "category":"INTERNALLY_DISPLACED_PERSONS","priority":"EMERGENCY",
         "amount":{"amount":"600000.00","currency":"USD"}},
        {"country":"TJK","agency":"IOM","sector":"MIGRATION_ASSISTANCE","category":"RETURNEES",
         "priority":"NON_EMERGENCY","amount":{"amount":"400000.00","currency":"USD"}}]}""";

  public static final String DRAFT =
      """
      {"code":"CIS-1997","title":"CIS Conference follow-up: UNHCR/IOM joint appeal 1997",
       "agencies":["UNHCR","IOM"],"periodStart":"1997-01-01","periodEnd":"1997-12-31",
       "description":"Programme of Action of the May 1996 Geneva CIS Conference","status":"DRAFT",
       "launchedOn":null,"closedOn":null,
       "originalRequirements":{"amount":"1000000.00","currency":"USD"},
       "currentRequirements":{"amount":"1000000.00","currency":"USD"},"revision":null,
       "requirementLines":[{"lineId":"5f0c1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f","country":"GEO",
         "agency":"UNHCR","sector":"EMERGENCY_ASSISTANCE","category":"INTERNALLY_DISPLACED_PERSONS",
         "priority":"EMERGENCY","description":null,"amount":{"amount":"600000.00","currency":"USD"}},
        {"lineId":"9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d","country":"TJK","agency":"IOM",
         "sector":"MIGRATION_ASSISTANCE","category":"RETURNEES","priority":"NON_EMERGENCY",
         "description":null,"amount":{"amount":"400000.00","currency":"USD"}}],
       "version":0}""";

  public static final String UPDATE_REQUEST =
      """
      {"title":"CIS Conference follow-up: UNHCR/IOM joint appeal 1997","agencies":["UNHCR","IOM"],
       "periodStart":"1997-01-01","periodEnd":"1997-12-31",
       "description":"Programme of Action of the May 1996 Geneva CIS Conference",
       "requirementLines":[
        {"country":"GEO","agency":"UNHCR","sector":"EMERGENCY_ASSISTANCE",
         "category":"INTERNALLY_DISPLACED_PERSONS","priority":"EMERGENCY",
         "amount":{"amount":"600000.00","currency":"USD"}},
        {"country":"TJK","agency":"IOM","sector":"MIGRATION_ASSISTANCE","category":"RETURNEES",
         "priority":"NON_EMERGENCY","description":"Transport of returnees from the Russian Federation",
         "amount":{"amount":"450000.00","currency":"USD"}}]}""";

  public static final String RESTATED_DRAFT =
      """
      {"code":"CIS-1997","title":"CIS Conference follow-up: UNHCR/IOM joint appeal 1997",
       "agencies":["UNHCR","IOM"],"periodStart":"1997-01-01","periodEnd":"1997-12-31",
       "description":"Programme of Action of the May 1996 Geneva CIS Conference","status":"DRAFT",
       "launchedOn":null,"closedOn":null,
       "originalRequirements":{"amount":"1050000.00","currency":"USD"},
       "currentRequirements":{"amount":"1050000.00","currency":"USD"},"revision":null,
       "requirementLines":[{"lineId":"2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f","country":"GEO",
         "agency":"UNHCR","sector":"EMERGENCY_ASSISTANCE","category":"INTERNALLY_DISPLACED_PERSONS",
         "priority":"EMERGENCY","description":null,"amount":{"amount":"600000.00","currency":"USD"}},
        {"lineId":"7d6c5b4a-3f2e-4d1c-8b0a-9f8e7d6c5b4a","country":"TJK","agency":"IOM",
         "sector":"MIGRATION_ASSISTANCE","category":"RETURNEES","priority":"NON_EMERGENCY",
         "description":"Transport of returnees from the Russian Federation",
         "amount":{"amount":"450000.00","currency":"USD"}}],
       "version":1}""";

  public static final String REVISION_REQUEST =
      """
      {"reason":"Mid-year review: Tajikistan returnee programme expanded","effectiveOn":"1997-07-15",
       "requirementLines":[
        {"lineId":"5f0c1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f","country":"GEO","agency":"UNHCR",
         "sector":"EMERGENCY_ASSISTANCE","category":"INTERNALLY_DISPLACED_PERSONS","priority":"EMERGENCY",
         "amount":{"amount":"600000.00","currency":"USD"}},
        {"country":"TJK","agency":"IOM","sector":"MIGRATION_ASSISTANCE","category":"RETURNEES",
         "priority":"NON_EMERGENCY","amount":{"amount":"500000.00","currency":"USD"}}]}""";

  public static final String REVISED =
      """
      {"code":"CIS-1997","title":"CIS Conference follow-up: UNHCR/IOM joint appeal 1997",
       "agencies":["UNHCR","IOM"],"periodStart":"1997-01-01","periodEnd":"1997-12-31",
       "description":"Programme of Action of the May 1996 Geneva CIS Conference",
       "status":"LAUNCHED","launchedOn":"1996-11-20","closedOn":null,
       "originalRequirements":{"amount":"1000000.00","currency":"USD"},
       "currentRequirements":{"amount":"1100000.00","currency":"USD"},"revision":1,
       "requirementLines":[{"lineId":"5f0c1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f","country":"GEO",
         "agency":"UNHCR","sector":"EMERGENCY_ASSISTANCE","category":"INTERNALLY_DISPLACED_PERSONS",
         "priority":"EMERGENCY","description":null,"amount":{"amount":"600000.00","currency":"USD"}},
        {"lineId":"3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7","country":"TJK","agency":"IOM",
         "sector":"MIGRATION_ASSISTANCE","category":"RETURNEES","priority":"NON_EMERGENCY",
         "description":null,"amount":{"amount":"500000.00","currency":"USD"}}],
       "version":2}""";

  public static final String NOT_DRAFT_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/appeal-not-draft",
       "title":"Only a draft appeal can be changed this way","status":422,
       "detail":"cannot edit: appeal CIS-1997 is LAUNCHED","instance":"/appeals/CIS-1997"}""";

  public static final String NOT_OPEN_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/appeal-not-open",
       "title":"Only a launched appeal can be revised or closed","status":422,
       "detail":"cannot revise: appeal CIS-1997 is DRAFT","instance":"/appeals/CIS-1997/revisions"}""";

  public static final String VERSION_CONFLICT_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/version-conflict","title":"Version conflict",
       "status":409,"detail":"appeal CIS-1997 is at version 3, not 2: read it again",
       "instance":"/appeals/CIS-1997"}""";

  public static final String HISTORY =
      """
      [{"at":"1996-11-20T09:00:00Z","actor":"6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b","action":"CREATED",
        "appealVersion":0,"detail":"2 lines, requirements 1000000.00 USD"},
       {"at":"1997-07-15T09:30:00Z","actor":"6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b","action":"REVISED",
        "appealVersion":2,"detail":"revision 1 effective 1997-07-15: Mid-year review; 2 lines, requirements 1100000.00 USD"}]""";

  public static final String APPEAL =
      """
      {"code":"GEO-1997","title":"Georgia: IDP emergency assistance 1997","agencies":["UNHCR"],
       "periodStart":"1997-01-01","periodEnd":"1997-12-31","description":null,"status":"LAUNCHED",
       "launchedOn":"1997-07-01","closedOn":null,
       "originalRequirements":{"amount":"500000.00","currency":"USD"},
       "currentRequirements":{"amount":"650000.00","currency":"USD"},"revision":1,
       "requirementLines":[{"lineId":"5f0c1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f","country":"GEO",
         "agency":"UNHCR","sector":"EMERGENCY_ASSISTANCE","category":"INTERNALLY_DISPLACED_PERSONS",
         "priority":"EMERGENCY","description":null,"amount":{"amount":"650000.00","currency":"USD"}}],
       "version":2}""";

  public static final String APPEALS = "[" + APPEAL + "]";

  public static final String LAUNCHED =
      """
      {"code":"GEO-1997","title":"Georgia: IDP emergency assistance 1997","agencies":["UNHCR"],
       "periodStart":"1997-01-01","periodEnd":"1997-12-31","description":null,"status":"LAUNCHED",
       "launchedOn":"1997-07-01","closedOn":null,
       "originalRequirements":{"amount":"500000.00","currency":"USD"},
       "currentRequirements":{"amount":"500000.00","currency":"USD"},"revision":0,
       "requirementLines":[{"lineId":"5f0c1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f","country":"GEO",
         "agency":"UNHCR","sector":"EMERGENCY_ASSISTANCE","category":"INTERNALLY_DISPLACED_PERSONS",
         "priority":"EMERGENCY","description":null,"amount":{"amount":"500000.00","currency":"USD"}}],
       "version":1}""";

  public static final String CLOSED =
      """
      {"code":"GEO-1997","title":"Georgia: IDP emergency assistance 1997","agencies":["UNHCR"],
       "periodStart":"1997-01-01","periodEnd":"1997-12-31","description":null,"status":"CLOSED",
       "launchedOn":"1997-07-01","closedOn":"1997-12-31",
       "originalRequirements":{"amount":"500000.00","currency":"USD"},
       "currentRequirements":{"amount":"650000.00","currency":"USD"},"revision":1,
       "requirementLines":[{"lineId":"5f0c1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f","country":"GEO",
         "agency":"UNHCR","sector":"EMERGENCY_ASSISTANCE","category":"INTERNALLY_DISPLACED_PERSONS",
         "priority":"EMERGENCY","description":null,"amount":{"amount":"650000.00","currency":"USD"}}],
       "version":3}""";

  public static final String REVISION =
      """
      {"number":1,"reason":"Mid-year review: more IDPs than planned","effectiveOn":"1997-07-15",
       "recordedAt":"1997-07-15T09:30:00Z","recordedBy":"6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b",
       "requirements":{"amount":"650000.00","currency":"USD"},
       "requirementLines":[{"lineId":"5f0c1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f","country":"GEO",
         "agency":"UNHCR","sector":"EMERGENCY_ASSISTANCE","category":"INTERNALLY_DISPLACED_PERSONS",
         "priority":"EMERGENCY","description":null,"amount":{"amount":"650000.00","currency":"USD"}}]}""";

  public static final String ORIGINAL_REVISION =
      """
      {"number":0,"reason":"original requirements","effectiveOn":"1997-07-01",
       "recordedAt":"1997-07-01T09:00:00Z","recordedBy":"6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b",
       "requirements":{"amount":"500000.00","currency":"USD"},
       "requirementLines":[{"lineId":"5f0c1e2d-3b4a-4c5d-8e6f-7a8b9c0d1e2f","country":"GEO",
         "agency":"UNHCR","sector":"EMERGENCY_ASSISTANCE","category":"INTERNALLY_DISPLACED_PERSONS",
         "priority":"EMERGENCY","description":null,"amount":{"amount":"500000.00","currency":"USD"}}]}""";

  public static final String REVISIONS = "[" + ORIGINAL_REVISION + "," + REVISION + "]";
}
