/**
 * The accuracy corpus's label files (`test/accuracy/labels/*.yml`, format in LABELS.md) and the
 * manifest (`corpus.yml`): read, checked against their schema, typed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import type { RepoKind } from '../../src/core/result';

export type Split = 'tuned' | 'held-back';
export const SPLITS: readonly Split[] = ['tuned', 'held-back'];

/** The finding categories a label lists by symbol (interfaces, routes and entities have entries of their own). */
export const SYMBOL_CATEGORIES = ['middleware', 'decorator', 'signal', 'receiver', 'manager', 'model', 'repository', 'task', 'event'] as const;
export type SymbolCategory = (typeof SYMBOL_CATEGORIES)[number];

/** A finding named by its symbol, or by a 1-based line (`path:LINE`) its range must cover. */
export interface SymbolEntry {
  symbol?: string;
  at?: string;
  why?: string;
}

export interface InterfaceEntry {
  base: string;
  implementations: string[];
  why?: string;
}

export interface RouteEntry {
  method: string;
  path: string;
  handler?: string;
  why?: string;
}

export interface EntityEntry {
  name: string;
  why?: string;
}

export type MustFind = { [C in SymbolCategory]?: SymbolEntry[] } & {
  interface?: InterfaceEntry[];
  route?: RouteEntry[];
  entity?: EntityEntry[];
};

/** A plausible false positive: a finding (by symbol or line), a route (method and path), an entity (name) or an implementation (base and class). */
export interface ForbiddenEntry {
  category: SymbolCategory | 'interface' | 'route' | 'entity';
  symbol?: string;
  at?: string;
  method?: string;
  path?: string;
  name?: string;
  base?: string;
  implementation?: string;
  why: string;
}

export interface LayerEntry {
  path: string;
  role: string;
  why?: string;
}

export interface TraceEntry {
  route: string;
  mustVisit: string[];
  why?: string;
}

export interface Label {
  repo: string;
  commit: string;
  split: Split;
  languages: string[];
  files: number;
  kind: RepoKind;
  kindWhy: string;
  parts?: { path: string; kind: RepoKind; why?: string }[];
  checked: string;
  mustFind: MustFind;
  mustNotFind?: ForbiddenEntry[];
  layers?: LayerEntry[];
  traces?: TraceEntry[];
}

export interface ManifestEntry {
  repo: string;
  commit: string;
  split: Split;
}

const why = { type: 'string' } as const;
const symbolEntry = {
  type: 'object',
  additionalProperties: false,
  properties: { symbol: { type: 'string', pattern: '^[^:]+:.+$' }, at: { type: 'string', pattern: '^[^:]+:[0-9]+$' }, why },
  oneOf: [{ required: ['symbol'] }, { required: ['at'] }],
} as const;
const kind = { enum: ['framework', 'service', 'library'] } as const;

/** The label format of LABELS.md as a JSON Schema: a label that does not follow it is refused with the place it breaks. */
export const LABEL_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['repo', 'commit', 'split', 'languages', 'files', 'kind', 'kindWhy', 'checked', 'mustFind'],
  properties: {
    repo: { type: 'string', pattern: '^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$' },
    commit: { type: 'string', pattern: '^[0-9a-f]{40}$' },
    split: { enum: SPLITS },
    languages: { type: 'array', minItems: 1, items: { enum: ['python', 'typescript', 'javascript', 'java', 'go'] } },
    files: { type: 'integer', minimum: 1 },
    kind,
    kindWhy: { type: 'string', minLength: 1 },
    parts: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['path', 'kind'], properties: { path: { type: 'string' }, kind, why } } },
    checked: { type: 'string', minLength: 1 },
    mustFind: {
      type: 'object',
      additionalProperties: false,
      properties: {
        ...Object.fromEntries(SYMBOL_CATEGORIES.map((category) => [category, { type: ['array', 'null'], items: symbolEntry }])),
        interface: {
          type: ['array', 'null'],
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['base', 'implementations'],
            properties: { base: { type: 'string', pattern: '^[^:]+:.+$' }, implementations: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[^:]+:.+$' } }, why },
          },
        },
        route: {
          type: ['array', 'null'],
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['method', 'path'],
            properties: { method: { type: 'string', pattern: '^[A-Z]+$' }, path: { type: 'string', pattern: '^[/*]' }, handler: { type: ['string', 'null'], pattern: '^[^:]+:.+$' }, why },
          },
        },
        entity: { type: ['array', 'null'], items: { type: 'object', additionalProperties: false, required: ['name'], properties: { name: { type: 'string', minLength: 1 }, why } } },
      },
    },
    mustNotFind: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['category', 'why'],
        properties: {
          category: { enum: [...SYMBOL_CATEGORIES, 'interface', 'route', 'entity'] },
          symbol: { type: 'string' },
          at: { type: 'string', pattern: '^[^:]+:[0-9]+$' },
          method: { type: 'string' },
          path: { type: 'string' },
          name: { type: 'string' },
          base: { type: 'string' },
          implementation: { type: 'string' },
          why,
        },
      },
    },
    layers: {
      type: ['array', 'null'],
      items: { type: 'object', additionalProperties: false, required: ['path', 'role'], properties: { path: { type: 'string', minLength: 1 }, role: { type: 'string' }, why } },
    },
    traces: {
      type: ['array', 'null'],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['route', 'mustVisit'],
        properties: { route: { type: 'string', pattern: '^[A-Z]+ /' }, mustVisit: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[^:]+:.+$' } }, why },
      },
    },
  },
} as const;

const MANIFEST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['repositories'],
  properties: {
    repositories: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['repo', 'commit', 'split'],
        properties: { repo: { type: 'string' }, commit: { type: 'string', pattern: '^[0-9a-f]{40}$' }, split: { enum: SPLITS } },
      },
    },
  },
} as const;

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validateLabel = ajv.compile(LABEL_SCHEMA);
const validateManifest = ajv.compile<{ repositories: ManifestEntry[] }>(MANIFEST_SCHEMA);

function refuse(file: string, errors: typeof validateLabel.errors): never {
  const problems = (errors ?? []).slice(0, 5).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
  throw new Error(`${file}: ${problems.join('; ')}`);
}

/** A label as written; throws with the file and the place it breaks the schema. */
export function parseLabel(text: string, file: string): Label {
  const data: unknown = parse(text);
  if (!validateLabel(data)) refuse(file, validateLabel.errors);
  const label = data as unknown as Label;
  const expected = `${label.repo.replace('/', '__')}.yml`;
  if (basename(file) !== expected && file.endsWith('.yml')) throw new Error(`${file}: a label of ${label.repo} is named ${expected}`);
  return label;
}

export function parseManifest(text: string, file: string): ManifestEntry[] {
  const data: unknown = parse(text);
  if (!validateManifest(data)) refuse(file, validateManifest.errors);
  return data.repositories;
}

/** Every label of a folder, checked against the manifest: each repository listed once, at the commit and split the label names. */
export function loadCorpus(labelsDir: string, manifestFile: string): Label[] {
  const manifest = parseManifest(readFileSync(manifestFile, 'utf8'), manifestFile);
  const labels = readdirSync(labelsDir)
    .filter((name) => name.endsWith('.yml'))
    .sort()
    .map((name) => parseLabel(readFileSync(join(labelsDir, name), 'utf8'), join(labelsDir, name)));
  const byRepo = new Map(labels.map((label) => [label.repo, label]));
  for (const entry of manifest) {
    const label = byRepo.get(entry.repo);
    if (!label) throw new Error(`${manifestFile}: ${entry.repo} has no label in ${labelsDir}`);
    if (label.commit !== entry.commit || label.split !== entry.split) {
      throw new Error(`${entry.repo}: the manifest says ${entry.split} at ${entry.commit}, its label ${label.split} at ${label.commit}`);
    }
  }
  const listed = new Set(manifest.map((entry) => entry.repo));
  const unlisted = labels.filter((label) => !listed.has(label.repo)).map((label) => label.repo);
  if (unlisted.length) throw new Error(`${manifestFile} does not list ${unlisted.join(', ')}`);
  return labels;
}

/** The folder a repository is checked out in, inside the corpus folder: `owner__name`. */
export function checkoutName(repo: string): string {
  return repo.replace('/', '__');
}
