package org.jointappeal.pledge.donor;

/** Example JSON for the OpenAPI document; ExamplesTest parses each, so none rots. */
public final class DonorExamples {

  public static final String REGISTER_REQUEST =
      """
      {"code":"NOR","name":"Norway","kind":"STATE","ibans":["NO9386011117947"]}""";

  public static final String NORWAY =
      """
      {"code":"NOR","name":"Norway","kind":"STATE","ibans":["NO9386011117947"],"accounts":[],
       "version":0}""";

  /** The United States pay from a US account (routing and account number), not an IBAN. */
  public static final String REVISE_REQUEST =
      """
      {"name":"United States of America","ibans":[],
       "accounts":[{"scheme":"USABA","identifier":"021000021-123456789"}]}""";

  /** As revised: the account identifier normalised (no hyphens, upper case). */
  public static final String UNITED_STATES =
      """
      {"code":"USA","name":"United States of America","kind":"STATE","ibans":[],
       "accounts":[{"scheme":"USABA","identifier":"021000021123456789"}],"version":1}""";

  public static final String DONORS = "[" + NORWAY + "," + UNITED_STATES + "]";

  private DonorExamples() {}
}
