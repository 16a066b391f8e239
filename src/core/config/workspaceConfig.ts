import { parse } from 'yaml';
import { type DataFile, readDataFile } from '../knowledge/dataFile';
import type { ProblemSeverity } from '../check/problems';
import type { Knowledge } from '../knowledge/knowledge';

/** The names the team's configuration file may have at the analysed folder's root, in the order they are looked for. */
export const CONFIG_FILE_NAMES = ['archtrace.yml', '.archtrace/config.yml'] as const;

/**
 * The team's own settings, from `archtrace.yml` (schemas/archtrace.schema.json). It is data: the
 * workspace may be untrusted, and nothing in it is run.
 */
export interface WorkspaceConfig {
  /** Where it was read from (relative to the root); undefined when there is no file, or it was refused. */
  file?: string;
  severities: Readonly<Record<string, ProblemSeverity>>;
  exclude: readonly string[];
  /** Layer roles by glob, in the file's order (the first match wins). */
  layers: readonly { glob: string; layer: string }[];
}

/** No file: the built-in behaviour. */
export const NO_CONFIG: WorkspaceConfig = { severities: {}, exclude: [], layers: [] };

/** Reads the configuration file; a file that is not valid YAML or breaks the schema throws a `DataFileError` naming it and the key. */
export function parseWorkspaceConfig(file: DataFile): WorkspaceConfig {
  // An empty file, or one of comments only, parses to null: as good as no settings.
  const document = isEmptyYaml(file.text) ? {} : readDataFile('configFile', file);
  return {
    file: file.name,
    severities: document.severities ?? {},
    exclude: document.exclude ?? [],
    layers: Object.entries(document.layers ?? {}).map(([glob, layer]) => ({ glob, layer })),
  };
}

function isEmptyYaml(text: string): boolean {
  try {
    return parse(text) == null;
  } catch {
    return false; // readDataFile says what is wrong with it
  }
}

const configured = new WeakMap<Knowledge, Map<string, Knowledge>>();

/**
 * The knowledge with the team's layer overrides put before the built-in roles. The same overrides
 * give the same object (an update compares knowledge by identity), and the kept result's key (its
 * `source`) holds them, so a changed override is a changed analysis.
 */
export function knowledgeWithConfig(knowledge: Knowledge, config: WorkspaceConfig): Knowledge {
  if (!config.layers.length) return knowledge;
  const key = JSON.stringify(config.layers);
  let byKey = configured.get(knowledge);
  if (!byKey) configured.set(knowledge, (byKey = new Map<string, Knowledge>()));
  let made = byKey.get(key);
  if (!made) {
    made = { ...knowledge, layerRoles: knowledge.layerRoles.withOverrides(config.layers, config.file ?? CONFIG_FILE_NAMES[0]), source: JSON.stringify([knowledge.source, config.layers]) };
    byKey.set(key, made);
  }
  return made;
}
