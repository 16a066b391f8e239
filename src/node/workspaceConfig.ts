import { promises as fs, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { CONFIG_FILE_NAMES, NO_CONFIG, parseWorkspaceConfig, type WorkspaceConfig } from '../core/config/workspaceConfig';
import { CompiledRules } from '../core/detect/compiledRules';
import { type DetectorRule, RuleError } from '../core/detect/rules';
import { DataFileError } from '../core/knowledge/checkData';
import { Grammars, type ParsedLanguage } from '../core/parse/grammars';
import { GlobSet } from '../core/workspacePatterns';
import { grammarsDirectory } from './assets';
import { readChecked, readCheckedSync, RefusedRead } from './checkedRead';
import { builtinRules, loadRuleDirectory, RULE_FOLDERS } from './rules';

/** A configuration file is a few lines; a larger one is refused before it is read. */
const MAX_CONFIG_BYTES = 256 * 1024;
/** As large as a rule file gets: the built-in ones are a few kilobytes. */
const MAX_RULE_BYTES = 256 * 1024;

/** Something wrong in the team's configuration or rules: the file (from the root), where in it when known, and what. */
export interface ConfigProblem {
  file: string;
  /** Zero-based, as editors count; none: the file as a whole. */
  line?: number;
  character?: number;
  message: string;
}

/** The team's configuration and rules as read, and what was wrong with them: the analysis goes on with the built-in behaviour and rules. */
export interface ReadConfig {
  config: WorkspaceConfig;
  /** The team's detectors that load and compile (`ruleDirs`). */
  rules: DetectorRule[];
  problems: ConfigProblem[];
}

/** One line for a terminal: `archtrace.yml:3:5: has an unknown key 'exlude'`. */
export function problemLine(problem: ConfigProblem): string {
  return `${problem.file}${problem.line !== undefined ? `:${problem.line + 1}:${(problem.character ?? 0) + 1}` : ''}: ${problem.message}`;
}

/**
 * Reads `archtrace.yml` (or `.archtrace/config.yml`) at the root, through the checked read (the
 * workspace is untrusted: a regular file, within the size limit, inside the root), and the rules of
 * its `ruleDirs`. No file: the built-in behaviour; a broken one: the same, with a problem naming the
 * file and the key; a broken rule is left out, with a problem naming it.
 */
export async function readWorkspaceConfig(root: string): Promise<ReadConfig> {
  for (const name of CONFIG_FILE_NAMES) {
    let text: string;
    try {
      text = (await readChecked(join(root, name), { maxBytes: MAX_CONFIG_BYTES, root })).toString('utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      const reason = error instanceof RefusedRead ? error.reason : error instanceof Error ? error.message : String(error);
      return { config: NO_CONFIG, rules: [], problems: [{ file: name, message: `not read (${reason}); using the built-in settings` }] };
    }
    let config: WorkspaceConfig;
    try {
      config = parseWorkspaceConfig({ name, text });
    } catch (error) {
      if (!(error instanceof DataFileError)) throw error;
      return { config: NO_CONFIG, rules: [], problems: [{ file: name, ...positionIn(text, error.at), message: `${withoutFile(error.message, name)}; using the built-in settings` }] };
    }
    const problems: ConfigProblem[] = [];
    const unused = (key: string, glob: string, reason: string) => problems.push({ file: name, ...positionIn(text, key === 'layers' ? [key, glob] : [key]), message: `${key}: '${glob}' is not used: ${reason}` });
    for (const entry of new GlobSet(config.exclude).unsupported) unused('exclude', entry.glob, entry.reason);
    for (const { glob } of config.layers) for (const entry of new GlobSet([glob]).unsupported) unused('layers', entry.glob, entry.reason);
    const rules = await readUserRules(root, config, (problem) => problems.push(problem), (directory) => positionIn(text, ['ruleDirs', String(config.ruleDirs.indexOf(directory))]));
    return { config, rules, problems };
  }
  return { config: NO_CONFIG, rules: [], problems: [] };
}

/**
 * The rules of the configuration's rule folders, read by the loader of the built-in ones, each
 * compiled alone against its grammar here so that a broken one is told and left out, never
 * breaking the workers' combined query. Reads only inside the root: a rule is data of the
 * workspace, as its source files are.
 */
async function readUserRules(root: string, config: WorkspaceConfig, onProblem: (problem: ConfigProblem) => void, placeOf: (directory: string) => Pick<ConfigProblem, 'line' | 'character'>): Promise<DetectorRule[]> {
  if (!config.ruleDirs.length) return [];
  const loaded: DetectorRule[] = [];
  for (const directory of config.ruleDirs) {
    const name = directory.endsWith('/') ? directory.slice(0, -1) : directory;
    const configProblem = (message: string) => onProblem({ file: config.file ?? CONFIG_FILE_NAMES[0], ...placeOf(directory), message });
    let isDirectory = false;
    try {
      // A folder of the workspace once links are resolved: its rules are the workspace's data, not a file elsewhere on the machine.
      const real = realpathSync(join(root, name));
      const inside = relative(realpathSync(root), real);
      isDirectory = statSync(real).isDirectory() && !inside.startsWith('..') && !isAbsolute(inside);
    } catch {
      // said below
    }
    if (!isDirectory) {
      configProblem(`ruleDirs: '${directory}' is not a folder of the workspace`);
      continue;
    }
    const rules = loadRuleDirectory(join(root, name), {
      name,
      read: (path) => readCheckedSync(path, { maxBytes: MAX_RULE_BYTES, root }).toString('utf8'),
      onProblem: (file, message) => onProblem({ file, line: 0, message: `${withoutFile(message, file)}; the rule is left out` }),
    });
    if (!rules.size) configProblem(`ruleDirs: '${directory}' holds no rules: they go in ${name}/<language>/<id>.scm, the language one of ${Object.keys(RULE_FOLDERS).join(', ')}`);
    loaded.push(...[...rules.values()].flat());
  }
  // An id names a rule in findings and in its snippet tests: a rule that takes one already given is left out.
  const builtinIds = new Set([...builtinRules().values()].flat().map((rule) => rule.id));
  const owners = new Map<string, string>();
  const clashing = new Set<string>();
  for (const rule of loaded) {
    const owner = builtinIds.has(rule.id) ? 'a built-in rule' : owners.get(rule.id);
    if (owner === undefined || owner === rule.source) owners.set(rule.id, rule.source);
    else if (!clashing.has(rule.source)) {
      clashing.add(rule.source);
      onProblem({ file: rule.source, line: 0, message: `the id '${rule.id}' is already taken by ${owner}; the rule is left out` });
    }
  }
  const named = loaded.filter((rule) => !clashing.has(rule.source));
  return compiledAlone(named, onProblem);
}

/** The rules whose query compiles on its own for its language; the others told once per file (an ecmascript rule is compiled for three grammars). */
async function compiledAlone(rules: readonly DetectorRule[], onProblem: (problem: ConfigProblem) => void): Promise<DetectorRule[]> {
  if (!rules.length) return [];
  const grammarFiles = grammarsDirectory();
  const grammars = new Grammars((name) => fs.readFile(join(grammarFiles, name)));
  const broken = new Set<string>();
  const compiled: DetectorRule[] = [];
  for (const rule of rules) {
    if (broken.has(rule.source)) continue;
    try {
      CompiledRules.compile(await grammars.grammar(rule.language as ParsedLanguage), [rule]).query.delete();
      compiled.push(rule);
    } catch (error) {
      broken.add(rule.source);
      const offset = error instanceof RuleError && error.offset !== undefined ? Buffer.from(rule.query).subarray(0, error.offset).toString('utf8').length : 0;
      onProblem({ file: rule.source, ...positionIn(rule.query, offset), message: `${withoutFile(error instanceof Error ? error.message : String(error), rule.source)}; the rule is left out` });
    }
  }
  return compiled.filter((rule) => !broken.has(rule.source));
}

/** A message without the file name it starts with (a diagnostic sits on the file already). */
function withoutFile(message: string, file: string): string {
  return message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message;
}

/** Where the keys lead in the YAML text (as far as they do), or an offset in it. */
function positionIn(text: string, at: readonly string[] | number | undefined): Pick<ConfigProblem, 'line' | 'character'> {
  if (at === undefined) return {};
  if (typeof at === 'number') return positionAt(text, at);
  let offset: number | undefined;
  let node: unknown = parseDocument(text).contents;
  for (const step of at) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === step);
      if (!pair || !isScalar(pair.key)) break;
      offset = pair.key.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && /^\d+$/.test(step)) {
      node = node.items[Number(step)];
      offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0] ?? offset;
    } else break;
  }
  return offset === undefined ? {} : positionAt(text, offset);
}

/** An offset in a text as a zero-based line and character. */
function positionAt(text: string, offset: number): Pick<ConfigProblem, 'line' | 'character'> {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
