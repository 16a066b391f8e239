import type { DataDocuments, DataKind } from './documents';
import configSchema from '../../../schemas/archtrace.schema.json';
import schema from './knowledge.schema.json';
import * as validators from './validators.generated';

/**
 * A knowledge file that cannot be read: the message names the file and the key at fault; `at` is
 * where, for an editor to mark: the keys down to the value at fault, or an offset in the text.
 */
export class DataFileError extends Error {
  constructor(
    message: string,
    readonly at?: readonly string[] | number,
  ) {
    super(message);
  }
}

/** What the generated validators report, as ajv writes it (its messages are left out: `describe` words them). */
interface ValidationError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

type Validator = ((data: unknown) => boolean) & { errors?: ValidationError[] | null };

const validatorOf = validators as unknown as Record<DataKind, Validator>;

/** Checks a document already read (a detector's header) against its definition in `knowledge.schema.json`. */
export function checkData<K extends DataKind>(kind: K, document: unknown, source: string): DataDocuments[K] {
  const validate = validatorOf[kind];
  if (!validate(document)) throw new DataFileError(`${source}: ${describe(kind, document, validate.errors ?? [])}`, placeInDocument(validate.errors ?? []));
  return document as DataDocuments[K];
}

/**
 * One sentence for the first thing wrong: where (the keys and list positions down to it, with the
 * `id` or `name` of each entry on the way) and what. The validator stops at the first failure; a
 * failed `oneOf`, `anyOf` or `propertyNames` comes after the errors of what it applies, and is
 * the one to tell.
 */
function describe(kind: DataKind, document: unknown, errors: readonly ValidationError[]): string {
  const last = errors[errors.length - 1];
  const error = last && SUMMARIES.has(last.keyword) ? last : errors[0];
  if (!error) return 'not valid';
  const steps = error.instancePath.split('/').slice(1).map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'));
  const where = placeOf(document, steps);
  const what = error.keyword === 'propertyNames' && errors[0] && errors[0] !== error
    ? `has a key '${String(error.params['propertyName'])}' that ${problem(errors[0], undefined)}`
    : problem(error, schemaAt(kind === 'configFile' ? (configSchema as unknown as SchemaNode) : `#/$defs/${kind}`, steps));
  return `${where ? `${where}: ` : ''}${what}`;
}

/** The keys down to what the first error is about: an unknown key itself, not the mapping that holds it. */
function placeInDocument(errors: readonly ValidationError[]): string[] {
  const error = errors[0];
  if (!error) return [];
  const steps = error.instancePath.split('/').slice(1).map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'));
  const key = error.params['additionalProperty'] ?? error.params['propertyName'];
  return typeof key === 'string' ? [...steps, key] : steps;
}

/** Keywords whose error sums up the errors before it. */
const SUMMARIES: ReadonlySet<string> = new Set(['oneOf', 'anyOf', 'propertyNames']);

/** `rules[3] (id: examples-folder).weight`. */
function placeOf(document: unknown, steps: readonly string[]): string {
  let place = '';
  let value = document;
  for (const step of steps) {
    value = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined;
    const named = value !== null && typeof value === 'object' ? ((value as Record<string, unknown>)['id'] ?? (value as Record<string, unknown>)['name']) : undefined;
    place += /^\d+$/.test(step) ? `[${step}]${typeof named === 'string' ? ` (${named})` : ''}` : `${place ? '.' : ''}${step}`;
  }
  return place;
}

interface SchemaNode {
  $ref?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: SchemaNode | boolean;
  oneOf?: { required?: string[] }[];
  anyOf?: { required?: string[] }[];
}

/** The schema of the value at `steps` below a definition, following `$ref`s; undefined where the schema says nothing. */
function schemaAt(reference: string | SchemaNode, steps: readonly string[]): SchemaNode | undefined {
  // The team configuration's schema is a file of its own, without `$ref`s into the knowledge schema.
  let node = typeof reference === 'string' ? resolved({ $ref: reference }) : reference;
  for (const step of steps) {
    if (!node) return undefined;
    const additional = typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
    node = resolved(/^\d+$/.test(step) && node.items ? node.items : (node.properties?.[step] ?? additional));
  }
  return node;
}

function resolved(node: SchemaNode | undefined): SchemaNode | undefined {
  for (let hops = 0; node?.$ref && hops < 8; hops++) {
    const name = node.$ref.slice('#/$defs/'.length);
    node = (schema.$defs as Record<string, SchemaNode>)[name];
  }
  return node;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  object: 'a mapping of keys to values',
  array: 'a list',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
};

function problem(error: ValidationError, node: SchemaNode | undefined): string {
  const { params } = error;
  const explained = (text: string) => (node?.description ? `${text} (${node.description})` : text);
  switch (error.keyword) {
    case 'required':
      return `needs '${String(params['missingProperty'])}'`;
    case 'additionalProperties':
      return `has an unknown key '${String(params['additionalProperty'])}'`;
    case 'type':
      return `must be ${TYPE_NAMES[String(params['type'])] ?? String(params['type'])}`;
    case 'enum':
      return `must be one of ${(params['allowedValues'] as unknown[]).map(String).join(', ')}`;
    case 'propertyNames':
      return `has a key '${String(params['propertyName'])}' it does not allow`;
    case 'dependentRequired':
      return `needs '${String(params['missingProperty'])}' with '${String(params['property'])}'`;
    case 'minLength':
      return 'must not be empty';
    case 'minItems':
      return explained(`needs at least ${String(params['limit'])} entries`);
    case 'minimum':
      return `must be at least ${String(params['limit'])}`;
    case 'exclusiveMinimum':
      return `must be more than ${String(params['limit'])}`;
    case 'pattern':
      return explained(`must match ${String(params['pattern'])}`);
    case 'oneOf':
    case 'anyOf': {
      const keys = (node?.[error.keyword] ?? []).flatMap((branch) => branch.required ?? []);
      const passing = params['passingSchemas'];
      const both = Array.isArray(passing) ? ` (it has ${passing.map((branch) => `'${String(keys[Number(branch)])}'`).join(' and ')})` : '';
      return `needs ${error.keyword === 'oneOf' ? 'exactly one' : 'at least one'} of ${keys.map((key) => `'${key}'`).join(', ')}${both}`;
    }
    default:
      return `breaks the schema's '${error.keyword}' (${JSON.stringify(params)})`;
  }
}
