package org.jointappeal.pledge.iati;

/**
 * Example answers for the OpenAPI document (illustrative amounts); IatiExamplesTest validates the
 * document against the IATI 2.03 schema and parses the problems.
 */
public final class IatiExamples {

  private IatiExamples() {}

  public static final String ACTIVITIES =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <iati-activities version="2.03" generated-datetime="1997-12-01T09:00:00Z">
        <iati-activity xml:lang="en" humanitarian="1">
          <iati-identifier>XM-OCHA-CIS-1997</iati-identifier>
          <reporting-org ref="XM-OCHA" type="40">
            <narrative>United Nations Office for the Coordination of Humanitarian Affairs</narrative>
          </reporting-org>
          <title><narrative>CIS Conference Programme of Action 1997</narrative></title>
          <description>
            <narrative>Joint appeal CIS-1997: pledges, commitments and funds received, as recorded by the joint appeal funding platform.</narrative>
          </description>
          <participating-org ref="NOR" role="1"><narrative>Norway</narrative></participating-org>
          <participating-org role="4"><narrative>IOM</narrative></participating-org>
          <participating-org role="4"><narrative>UNHCR</narrative></participating-org>
          <activity-status code="2"/>
          <activity-date type="3" iso-date="1997-12-31"/>
          <humanitarian-scope type="2" vocabulary="2-1" code="CIS-1997"/>
          <transaction>
            <transaction-type code="13"/>
            <transaction-date iso-date="1997-07-02"/>
            <value currency="NOK" value-date="1997-07-02">1492000.00</value>
            <description><narrative>Pledge 9b3f5d7e-2a4c-4b6d-8f1e-3c5a7e9b1d24</narrative></description>
            <provider-org ref="NOR"><narrative>Norway</narrative></provider-org>
          </transaction>
          <transaction>
            <transaction-type code="11"/>
            <transaction-date iso-date="1997-09-15"/>
            <value currency="NOK" value-date="1997-07-02">1492000.00</value>
            <description><narrative>Agreement NOR-UNHCR-IOM-1997-014</narrative></description>
            <provider-org ref="NOR"><narrative>Norway</narrative></provider-org>
          </transaction>
          <transaction>
            <transaction-type code="1"/>
            <transaction-date iso-date="1997-10-15"/>
            <value currency="NOK" value-date="1997-10-15">746000.00</value>
            <description><narrative>Receipt allocated to pledge 9b3f5d7e-2a4c-4b6d-8f1e-3c5a7e9b1d24</narrative></description>
            <provider-org ref="NOR"><narrative>Norway</narrative></provider-org>
          </transaction>
        </iati-activity>
      </iati-activities>
      """;

  public static final String NO_APPEAL_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/invalid-request","title":"The request is not valid",
       "status":400,"detail":"invalid: appeal","instance":"/exports/iati",
       "errors":[{"field":"appeal","message":"must not be null"}]}""";
}
