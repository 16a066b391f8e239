import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DetectorRule, parseRuleFile } from '../core/detect/rules';
import type { Language } from '../core/result';
import { rulesDirectory } from './assets';

/**
 * Rule folders and the languages their queries run on: `ecmascript` rules use node kinds the
 * TypeScript, TSX and JavaScript grammars share; `typescript` rules use what only TypeScript's
 * grammars have (a method's decorators are the class body's children, not the method's).
 */
export const RULE_FOLDERS: Readonly<Record<string, readonly Language[]>> = {
  python: ['python'],
  ecmascript: ['typescript', 'tsx', 'javascript'],
  typescript: ['typescript', 'tsx'],
  java: ['java'],
  go: ['go'],
};

/** How a user's rule folder is read: its files named from the workspace's root, read as the workspace's other files are, and a broken one told and left out. */
export interface RuleDirectoryReading {
  /** The folder's name in messages and rule sources (`rules`: `rules/python/route.scm`). */
  name: string;
  read: (path: string) => string;
  onProblem: (file: string, message: string) => void;
}

/**
 * Reads `<directory>/<folder>/*.scm`; built-in and user rule folders are read the same way. The
 * built-in folder's rules are named from it (`python/fastapi-route.scm`) and a broken one throws;
 * a user's folder is read as `reading` says.
 */
export function loadRuleDirectory(directory: string, reading?: RuleDirectoryReading): Map<Language, DetectorRule[]> {
  const rules = new Map<Language, DetectorRule[]>();
  for (const [folder, languages] of Object.entries(RULE_FOLDERS)) {
    let names: string[];
    try {
      names = readdirSync(join(directory, folder)).filter((name) => name.endsWith('.scm')).sort();
    } catch {
      continue; // no rules for these languages
    }
    for (const name of names) {
      const file = reading ? `${reading.name}/${folder}/${name}` : `${folder}/${name}`;
      try {
        const text = reading ? reading.read(join(directory, folder, name)) : readFileSync(join(directory, folder, name), 'utf8');
        const parsed = languages.map((language) => parseRuleFile({ name: file, text }, language));
        for (const rule of parsed) rules.set(rule.language, [...(rules.get(rule.language) ?? []), rule]);
      } catch (error) {
        if (!reading) throw error;
        reading.onProblem(file, error instanceof Error ? error.message : String(error));
      }
    }
  }
  return rules;
}

let builtin: Map<Language, DetectorRule[]> | undefined;

/** ArchTrace's own rules, read once per thread. */
export function builtinRules(): ReadonlyMap<Language, readonly DetectorRule[]> {
  builtin ??= loadRuleDirectory(rulesDirectory());
  return builtin;
}

/** The built-in rules with the team's after them, by language: what every scanner of a workspace runs. */
export function withUserRules(rules: ReadonlyMap<Language, readonly DetectorRule[]>, userRules: readonly DetectorRule[]): Map<Language, DetectorRule[]> {
  const merged = new Map<Language, DetectorRule[]>([...rules].map(([language, list]) => [language, [...list]]));
  for (const rule of userRules) merged.set(rule.language, [...(merged.get(rule.language) ?? []), rule]);
  return merged;
}
