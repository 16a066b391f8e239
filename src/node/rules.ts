import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DetectorRule, parseRuleFile } from '../core/detect/rules';
import type { Language } from '../core/result';

const RULE_LANGUAGES: readonly Language[] = ['python', 'typescript', 'tsx', 'javascript'];

/** Reads `<directory>/<language>/*.scm`; built-in and user rule folders are read the same way. */
export function loadRuleDirectory(directory: string): Map<Language, DetectorRule[]> {
  const rules = new Map<Language, DetectorRule[]>();
  for (const language of RULE_LANGUAGES) {
    let names: string[];
    try {
      names = readdirSync(join(directory, language)).filter((name) => name.endsWith('.scm')).sort();
    } catch {
      continue; // no rules for this language
    }
    rules.set(language, names.map((name) => parseRuleFile({ name: `${language}/${name}`, text: readFileSync(join(directory, language, name), 'utf8') }, language)));
  }
  return rules;
}
