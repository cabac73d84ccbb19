package org.jointappeal.pledge.bankstatement;

/**
 * Example bodies for the OpenAPI document; ExamplesTest parses each, BankStatementExamplesTest the
 * statement (as the import does), so none rots. Amounts are illustrative.
 */
public final class BankStatementExamples {

  public static final String STATEMENT =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
        <BkToCstmrStmt>
          <GrpHdr><MsgId>UBS-19971016-1</MsgId><CreDtTm>1997-10-16T06:00:00+01:00</CreDtTm></GrpHdr>
          <Stmt>
            <Id>UBS-1997-10-15-001</Id>
            <CreDtTm>1997-10-16T06:00:00+01:00</CreDtTm>
            <Acct><Id><IBAN>CH9300762011623852957</IBAN></Id><Ccy>USD</Ccy></Acct>
            <Ntry>
              <NtryRef>1</NtryRef>
              <Amt Ccy="NOK">746000.00</Amt>
              <CdtDbtInd>CRDT</CdtDbtInd>
              <Sts>BOOK</Sts>
              <BookgDt><Dt>1997-10-15</Dt></BookgDt>
              <ValDt><Dt>1997-10-15</Dt></ValDt>
              <AcctSvcrRef>NDEA-19971015-0042</AcctSvcrRef>
              <NtryDtls><TxDtls>
                <Refs><EndToEndId>NOR-GEO-1997-01</EndToEndId></Refs>
                <RltdPties><Dbtr><Nm>Royal Norwegian Ministry of Foreign Affairs</Nm></Dbtr>
                  <DbtrAcct><Id><IBAN>NO9386011117947</IBAN></Id></DbtrAcct></RltdPties>
                <RmtInf><Ustrd>Contribution CIS Programme of Action 1997</Ustrd></RmtInf>
              </TxDtls></NtryDtls>
            </Ntry>
          </Stmt>
        </BkToCstmrStmt>
      </Document>""";

  public static final String IMPORTED =
      """
      {"id":"6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f","statementId":"UBS-1997-10-15-001",
       "accountIban":"CH9300762011623852957","createdAtBank":"1997-10-16T05:00:00Z",
       "status":"IMPORTED","entriesProcessed":1,"entriesTotal":1,
       "summary":{"entries":1,"credits":1,"debitsIgnored":0,"notBookedIgnored":0,
         "duplicatesSkipped":0,"receiptsCreated":1,"autoMatched":1,"unmatched":0,"reversals":0},
       "entries":[{"id":"0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f70","position":1,"transactionIndex":0,
         "entryReference":"NDEA-19971015-0042","amount":{"amount":"746000.00","currency":"NOK"},
         "valueDate":"1997-10-15","matching":"AUTO_MATCHED","donorCode":"NOR",
         "receiptId":"3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
         "pledgeId":"9b3f5d7e-1a2b-4c3d-8e4f-5a6b7c8d9e0f","charges":null,"reversedOn":null}],
       "refusal":null,"importedBy":"finance","receivedAt":"1997-10-16T08:12:00Z",
       "importedAt":"1997-10-16T08:12:00Z"}""";

  /** A large statement, queued (202) or being imported: its progress, nothing imported yet. */
  public static final String IMPORTING =
      """
      {"id":"7a2d3b5f-9e4c-4d6b-8f80-1b2c3d4e5f60","statementId":"UBS-1997-10-31-001",
       "accountIban":"CH9300762011623852957","createdAtBank":"1997-11-01T05:00:00Z",
       "status":"IMPORTING","entriesProcessed":4500,"entriesTotal":10000,"summary":null,
       "entries":[],"refusal":null,"importedBy":"finance","receivedAt":"1997-11-01T08:12:00Z",
       "importedAt":null}""";

  /** A large statement a rule refused in the background: nothing of it was written. */
  public static final String REFUSED =
      """
      {"id":"7a2d3b5f-9e4c-4d6b-8f80-1b2c3d4e5f61","statementId":"UBS-1997-10-31-002",
       "accountIban":"CH9300762011623852957","createdAtBank":"1997-11-01T05:00:00Z",
       "status":"REFUSED","entriesProcessed":0,"entriesTotal":10000,"summary":null,
       "entries":[],"refusal":{"type":"https://jointappeal.org/problems/missing-unore-rate",
         "title":"No UN operational rate of exchange",
         "detail":"Ntry[7311]: no UN operational rate for ISK for 1997-10 (1997-10-20): none on file before that date",
         "errors":[]},
       "importedBy":"finance","receivedAt":"1997-11-01T08:12:00Z","importedAt":null}""";

  /**
   * A page of the list, the latest received first: each statement's status, progress and summary,
   * no entries (they are in the statement).
   */
  public static final String LIST =
      """
      [{"id":"7a2d3b5f-9e4c-4d6b-8f80-1b2c3d4e5f60","statementId":"UBS-1997-10-31-001",
        "accountIban":"CH9300762011623852957","createdAtBank":"1997-11-01T05:00:00Z",
        "status":"IMPORTING","entriesProcessed":4500,"entriesTotal":10000,"summary":null,
        "refusal":null,"importedBy":"finance","receivedAt":"1997-11-01T08:12:00Z",
        "importedAt":null},
       {"id":"6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f","statementId":"UBS-1997-10-15-001",
        "accountIban":"CH9300762011623852957","createdAtBank":"1997-10-16T05:00:00Z",
        "status":"IMPORTED","entriesProcessed":1,"entriesTotal":1,
        "summary":{"entries":1,"credits":1,"debitsIgnored":0,"notBookedIgnored":0,
          "duplicatesSkipped":0,"receiptsCreated":1,"autoMatched":1,"unmatched":0,"reversals":0},
        "refusal":null,"importedBy":"finance","receivedAt":"1997-10-16T08:12:00Z",
        "importedAt":"1997-10-16T08:12:00Z"}]""";

  public static final String INVALID_PAGE_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/invalid-page-request",
       "title":"The page request is not valid","status":422,
       "detail":"limit must be a whole number from 1 to 1000, not 5000",
       "instance":"/unmatched-receipts"}""";

  public static final String UNMATCHED =
      """
      {"id":"0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f71","bankStatementId":"6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f",
       "entryReference":"NDEA-19971015-0043","amount":{"amount":"500000.00","currency":"NOK"},
       "valueDate":"1997-10-15","matching":"UNMATCHED","donorCode":"NOR",
       "receiptId":"3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e70","payerIban":"NO9386011117947",
       "payerAccount":null,"payerAccountRegistrable":false,
       "charges":{"amount":"5000.00","currency":"NOK"},"endToEndId":null,"remittanceText":"Contribution 1997","creditorReference":null,
       "suggestions":[
         {"pledgeId":"9b3f5d7e-1a2b-4c3d-8e4f-5a6b7c8d9e0f","appealCode":"CIS-1997","donorCode":"NOR",
          "instalmentNumber":null,"outstanding":{"amount":"500000.00","currency":"NOK"},
          "reason":"AMOUNT","score":90,"allocatable":true,
          "amountToAllocate":{"amount":"500000.00","currency":"NOK"},"suggestedWriteOff":null,
          "detail":"0% from the outstanding amount"},
         {"pledgeId":"1e2d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b","appealCode":"GEO-1997","donorCode":"NOR",
          "instalmentNumber":2,"outstanding":{"amount":"505000.00","currency":"NOK"},
          "reason":"AMOUNT","score":80,"allocatable":true,
          "amountToAllocate":{"amount":"500000.00","currency":"NOK"},
          "suggestedWriteOff":{"amount":"5000.00","currency":"NOK"},
          "detail":"0.9901% from instalment 2"}]}""";

  public static final String UNMATCHED_LIST = "[" + UNMATCHED + "]";

  /** The donor named for a credit: assigned its receipt, or holding the payer's account. */
  public static final String DONOR =
      """
      {"donorCode":"NOR"}""";

  public static final String UNREADABLE_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/unreadable-bank-statement",
       "title":"The bank statement is not well-formed XML","status":400,
       "detail":"a document type declaration (DOCTYPE) is refused: no DTDs, no entities",
       "instance":"/bank-statements"}""";

  public static final String INVALID_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/invalid-bank-statement",
       "title":"The bank statement has errors; nothing was imported","status":422,
       "detail":"the statement has 2 errors, first at Ntry[2]/Amt: 746000.001 has 3 decimals, NOK allows 2; nothing was imported",
       "instance":"/bank-statements",
       "errors":[{"field":"Ntry[2]/Amt","message":"746000.001 has 3 decimals, NOK allows 2"},
                 {"field":"Ntry[3]/ValDt","message":"a booked credit needs ValDt/Dt or ValDt/DtTm"}]}""";

  public static final String TOO_LARGE_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/bank-statement-too-large",
       "title":"The bank statement is too large","status":413,
       "detail":"the statement has 10485761 bytes, at most 10485760 are accepted",
       "instance":"/bank-statements"}""";

  public static final String UNSUPPORTED_MEDIA_TYPE_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/unsupported-media-type",
       "title":"Unsupported Media Type","status":415,
       "detail":"send application/json (text/csv for a rate table, application/xml for a bank statement)",
       "instance":"/bank-statements"}""";

  public static final String INVALID_REQUEST_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/invalid-request","title":"The request is not valid",
       "status":400,"detail":"invalid: donorCode",
       "instance":"/unmatched-receipts/0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f71/donor-assignment",
       "errors":[{"field":"donorCode","message":"must not be null"}]}""";

  public static final String KEY_REUSED_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/idempotency-key-reused",
       "title":"The Idempotency-Key was used for another request","status":422,
       "detail":"Idempotency-Key 5b0e6a52-1f1c-4d8e-9a51-0c7d2f0e9b11 was first used for another request",
       "instance":"/unmatched-receipts/0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f71/donor-assignment"}""";

  public static final String PAYER_ALREADY_IDENTIFIED_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/state-conflict",
       "title":"The pledge has already taken another transition","status":409,
       "detail":"cannot assign SWE: statement entry 0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f71 already has donor NOR and receipt 3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e70",
       "instance":"/unmatched-receipts/0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f71/donor-assignment"}""";

  public static final String PAYER_ACCOUNT_STATE_CONFLICT_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/state-conflict",
       "title":"The pledge has already taken another transition","status":409,
       "detail":"cannot register the payer account for SWE: statement entry 0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f71 already has donor NOR and receipt 3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e70",
       "instance":"/unmatched-receipts/0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f71/payer-account"}""";

  public static final String ACCOUNT_OF_ANOTHER_DONOR_PROBLEM =
      """
      {"type":"https://jointappeal.org/problems/account-of-another-donor",
       "title":"The account belongs to another donor","status":422,
       "detail":"the USABA account ending 6789 given is already registered for donor USA",
       "instance":"/unmatched-receipts/0d9e8f7a-6b5c-4d3e-8f1a-2b3c4d5e6f71/payer-account"}""";

  private BankStatementExamples() {}
}
