import { parse } from 'yaml';
import { type DataFile, readDataFile } from '../knowledge/dataFile';
import type { ProblemSeverity } from '../check/problems';
import type { Knowledge } from '../knowledge/knowledge';
import type { DetectorRule } from '../detect/rules';
import type { LayerRule } from '../layers/violations';

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
  /** The layers each layer may import, by layer, as `allowed` and `closed` give them together; a layer not named is held to the built-in rules only. */
  dependencies: Readonly<Record<string, readonly string[]>>;
  /** Folders of the team's own detector rules, relative to the root. */
  ruleDirs: readonly string[];
}

/** No file: the built-in behaviour. */
export const NO_CONFIG: WorkspaceConfig = { severities: {}, exclude: [], layers: [], dependencies: {}, ruleDirs: [] };

/** The rule a layer dependency the team did not allow breaks (docs/diagnostics.md). */
export const LAYER_DEPENDENCY_RULE = 'layer-dependency';

/** Reads the configuration file; a file that is not valid YAML or breaks the schema throws a `DataFileError` naming it and the key. */
export function parseWorkspaceConfig(file: DataFile): WorkspaceConfig {
  // An empty file, or one of comments only, parses to null: as good as no settings.
  const document = isEmptyYaml(file.text) ? {} : readDataFile('configFile', file);
  return {
    file: file.name,
    severities: document.severities ?? {},
    exclude: document.exclude ?? [],
    layers: Object.entries(document.layers ?? {}).map(([glob, layer]) => ({ glob, layer })),
    dependencies: allowedDependencies(document.dependencies ?? {}),
    ruleDirs: document.ruleDirs ?? [],
  };
}

/**
 * `allowed` and `closed` as one map: a closed layer may import the next one down, the last closed
 * layer none of them, each besides what `allowed` lists for it.
 */
function allowedDependencies({ allowed = {}, closed = [] }: { allowed?: Record<string, string[]>; closed?: string[] }): Record<string, string[]> {
  const dependencies: Record<string, string[]> = {};
  for (const [position, layer] of closed.entries()) {
    const below = closed[position + 1];
    dependencies[layer] = below ? [below] : [];
  }
  for (const [layer, layers] of Object.entries(allowed)) dependencies[layer] = [...new Set([...(dependencies[layer] ?? []), ...layers])];
  return dependencies;
}

/**
 * The layer rules with the team's allowed dependencies: for each layer it constrains, one rule per
 * layer of the model it may not import, in place of the built-in rules from that layer to other
 * layers (the built-in rules to outside modules, a web framework in the domain, stay).
 */
function layerRulesWith(builtin: readonly LayerRule[], config: WorkspaceConfig, modelLayers: readonly string[]): LayerRule[] {
  const constrained = Object.keys(config.dependencies);
  if (!constrained.length) return [...builtin];
  const layers = new Set([...modelLayers, ...config.layers.map(({ layer }) => layer), ...constrained, ...Object.values(config.dependencies).flat()]);
  const rules = builtin.filter((rule) => !(rule.to && constrained.includes(rule.from)));
  for (const [from, allowed] of Object.entries(config.dependencies)) {
    const message = `The ${from} layer may import ${allowed.length ? `only ${allowed.join(', ')}` : 'no other layer'} (${config.file ?? CONFIG_FILE_NAMES[0]}, dependencies).`;
    for (const to of layers) if (to !== from && !allowed.includes(to)) rules.push({ id: LAYER_DEPENDENCY_RULE, from, to, message });
  }
  return rules;
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
 * The knowledge with the team's settings: its layer overrides put before the built-in roles, its
 * allowed dependencies among the layer rules, its own detectors beside the built-in ones. The same
 * settings give the same object (an update compares knowledge by identity), and the kept result's
 * key (its `source`) holds them, so a changed setting or rule is a changed analysis.
 */
export function knowledgeWithConfig(knowledge: Knowledge, config: WorkspaceConfig, userRules: readonly DetectorRule[] = []): Knowledge {
  if (!config.layers.length && !Object.keys(config.dependencies).length && !userRules.length) return knowledge;
  const key = JSON.stringify([config.layers, config.dependencies, userRules.map((rule) => [rule.source, rule.language, rule.query])]);
  let byKey = configured.get(knowledge);
  if (!byKey) configured.set(knowledge, (byKey = new Map<string, Knowledge>()));
  let made = byKey.get(key);
  if (!made) {
    const ruleRoles = new Map(knowledge.ruleRoles);
    const rulePackages = new Map(knowledge.rulePackages);
    for (const rule of userRules) {
      if (rule.resolves) ruleRoles.set(rule.id, rule.resolves);
      if (rule.packages) rulePackages.set(rule.id, rule.packages);
    }
    made = {
      ...knowledge,
      layerRoles: config.layers.length ? knowledge.layerRoles.withOverrides(config.layers, config.file ?? CONFIG_FILE_NAMES[0]) : knowledge.layerRoles,
      layerRules: layerRulesWith(knowledge.layerRules, config, knowledge.layerRoles.modelLayers()),
      ruleRoles,
      rulePackages,
      source: JSON.stringify([knowledge.source, key]),
    };
    byKey.set(key, made);
  }
  return made;
}
