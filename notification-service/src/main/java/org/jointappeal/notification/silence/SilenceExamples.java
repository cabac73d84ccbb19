package org.jointappeal.notification.silence;

/** Example JSON for the OpenAPI document; a test parses each one so none rots. */
public final class SilenceExamples {

  /** POST /silences: mute the CIS appeal's funding-gap alerts for the week of the revision. */
  public static final String CREATE =
      """
      {"matchers":[{"name":"appeal","value":"CIS-1997"},{"name":"rule","value":"funding-gap"}],
       "startsAt":"1997-07-02T00:00:00Z","endsAt":"1997-07-09T00:00:00Z",
       "comment":"mid-year revision under way, figures settle next week"}""";

  public static final String CREATED =
      """
      {"id":"c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f",
       "matchers":[{"name":"appeal","value":"CIS-1997"},{"name":"rule","value":"funding-gap"}],
       "startsAt":"1997-07-02T00:00:00Z","endsAt":"1997-07-09T00:00:00Z","createdBy":"finance",
       "comment":"mid-year revision under way, figures settle next week",
       "createdAt":"1997-07-02T09:40:00Z","state":"ACTIVE"}""";

  /** A page of silences, newest first: the one above, and an earlier one ended ahead of time. */
  public static final String SILENCES =
      """
      [{"id":"c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f",
        "matchers":[{"name":"appeal","value":"CIS-1997"},{"name":"rule","value":"funding-gap"}],
        "startsAt":"1997-07-02T00:00:00Z","endsAt":"1997-07-09T00:00:00Z","createdBy":"finance",
        "comment":"mid-year revision under way, figures settle next week",
        "createdAt":"1997-07-02T09:40:00Z","state":"ACTIVE"},
       {"id":"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d","matchers":[{"name":"donor","value":"NOR"}],
        "startsAt":"1997-05-12T00:00:00Z","endsAt":"1997-05-13T15:20:00Z","createdBy":"manager",
        "comment":"NOR pledge re-entered in NOK after the currency correction",
        "createdAt":"1997-05-12T08:05:00Z","state":"EXPIRED"}]""";

  private SilenceExamples() {}
}
