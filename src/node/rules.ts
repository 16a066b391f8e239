import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DetectorRule, parseRuleFile } from '../core/detect/rules';
import type { Language } from '../core/result';

/**
 * Rule folders and the languages their queries run on: `ecmascript` rules use node kinds the
 * TypeScript, TSX and JavaScript grammars share; `typescript` rules use what only TypeScript's
 * grammars have (a method's decorators are the class body's children, not the method's).
 */
const RULE_FOLDERS: Readonly<Record<string, readonly Language[]>> = {
  python: ['python'],
  ecmascript: ['typescript', 'tsx', 'javascript'],
  typescript: ['typescript', 'tsx'],
  java: ['java'],
  go: ['go'],
};

/** Reads `<directory>/<folder>/*.scm`; built-in and user rule folders are read the same way. */
export function loadRuleDirectory(directory: string): Map<Language, DetectorRule[]> {
  const rules = new Map<Language, DetectorRule[]>();
  for (const [folder, languages] of Object.entries(RULE_FOLDERS)) {
    let names: string[];
    try {
      names = readdirSync(join(directory, folder)).filter((name) => name.endsWith('.scm')).sort();
    } catch {
      continue; // no rules for these languages
    }
    const texts = names.map((name) => ({ name: `${folder}/${name}`, text: readFileSync(join(directory, folder, name), 'utf8') }));
    for (const language of languages) rules.set(language, [...(rules.get(language) ?? []), ...texts.map((file) => parseRuleFile(file, language))]);
  }
  return rules;
}
