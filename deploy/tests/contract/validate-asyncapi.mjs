// Parses docs/asyncapi.yaml with the official AsyncAPI parser, resolving the external $refs to
// docs/events/*.schema.json, and prints every diagnostic. The parser does not check a 3.0
// document's message examples, so this script validates each example's payload and headers
// against the message's resolved schemas too. Exits non-zero on any error.
// Run by this module's Maven build (test phase); by hand: node validate-asyncapi.mjs [file]
import { DiagnosticSeverity, Parser, fromFile } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const file = path.resolve(here, process.argv[2] ?? '../../../docs/asyncapi.yaml');
const shown = path.relative(process.cwd(), file);
const severityName = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

function where(diagnostic) {
  const at = diagnostic.path?.length ? diagnostic.path.join('/') : '(document)';
  const line = diagnostic.range?.start ? ` line ${diagnostic.range.start.line + 1}` : '';
  const source = diagnostic.source && diagnostic.source !== file ? ` in ${diagnostic.source}` : '';
  return `${at}${line}${source}`;
}

// A 3.0 multi-format schema object ({schemaFormat, schema}) stands for its inner schema.
function schemaJson(schema) {
  const json = schema.json();
  return json.schemaFormat !== undefined && json.schema !== undefined ? json.schema : json;
}

function fail(message) {
  console.error(`${shown}: INVALID: ${message}`);
  process.exit(1);
}

// 1. The document, as the official parser sees it.
const { document, diagnostics } = await fromFile(new Parser(), file).parse();
for (const d of diagnostics) {
  console.log(`${severityName[d.severity] ?? d.severity} [${d.code}] ${where(d)}: ${d.message}`);
}
const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
if (errors > 0 || document === undefined) {
  fail(`${errors} error(s) among ${diagnostics.length} diagnostic(s)`);
}

// 2. Payloads and headers were resolved from the files they reference, not left as bare $refs.
const messages = document.allMessages().all();
const unresolved = messages.filter(
  (m) =>
    (m.hasPayload() && schemaJson(m.payload()).$ref !== undefined) ||
    (m.hasHeaders() && JSON.stringify(schemaJson(m.headers())).includes('"$ref"')),
);
if (unresolved.length > 0) {
  fail(`$ref not resolved for ${unresolved.map((m) => m.id()).join(', ')}`);
}

// 3. Every example matches its message's payload and headers schemas (draft-07, formats asserted).
// strict: false because the parser annotates resolved schemas with x-parser-* keywords.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
let examples = 0;
const mismatches = [];
for (const message of messages) {
  for (const example of message.examples().all()) {
    examples += 1;
    const label = `${message.id()} example ${example.name() ?? examples}`;
    const parts = [
      ['payload', message.hasPayload() ? message.payload() : undefined, example.payload()],
      ['headers', message.hasHeaders() ? message.headers() : undefined, example.headers()],
    ];
    for (const [part, schema, value] of parts) {
      if (schema === undefined || value === undefined) {
        continue;
      }
      const validate = ajv.compile(schemaJson(schema));
      if (!validate(value)) {
        for (const e of validate.errors) {
          mismatches.push(`${label} ${part}${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
        }
      }
    }
  }
}
mismatches.forEach((m) => console.log(`error [example-mismatch] ${m}`));
if (mismatches.length > 0) {
  fail(`${mismatches.length} example mismatch(es)`);
}

console.log(
  `${shown}: valid AsyncAPI ${document.version()}: ${document.allChannels().length} channels, ` +
    `${document.allOperations().length} operations, ${messages.length} messages, ` +
    `${examples} examples checked; ${diagnostics.length} non-error diagnostic(s)`,
);
