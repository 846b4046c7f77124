// Validates YAML documents against the editor schema with Ajv (JSON Schema draft 2020-12): an independent validator for
// the schema the CLI generates. Reads {"schema": "<path>", "documents": [{"name", "text"}]} on stdin and prints
// [{"name", "valid", "errors": ["<path> <message>"]}] on stdout.
//
// Documentation often shows a fragment of collaborations.yaml rather than a whole file. A fragment is checked inside a
// minimal file: a list is the `collaborations` list; a mapping's top-level keys stay at the top and any other keys are
// settings, placed under `defaults`.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import YAML from 'yaml';

const input = JSON.parse(readFileSync(0, 'utf8'));
const schema = JSON.parse(readFileSync(input.schema, 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
const topLevel = new Set(Object.keys(schema.properties));

function asDocument(value) {
  if (Array.isArray(value)) return { version: 1, collaborations: value };
  if (value === null || typeof value !== 'object' || 'version' in value) return value;
  const document = { version: 1, collaborations: [] };
  for (const [key, item] of Object.entries(value)) {
    if (topLevel.has(key)) document[key] = item;
    else (document.defaults ??= {})[key] = item;
  }
  return document;
}

const results = input.documents.map(({ name, text }) => {
  const parsed = YAML.parseDocument(text);
  if (parsed.errors.length > 0) return { name, valid: false, errors: parsed.errors.map(e => e.message) };
  const valid = validate(asDocument(parsed.toJS()));
  return { name, valid, errors: (validate.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message}`) };
});
process.stdout.write(JSON.stringify(results));
