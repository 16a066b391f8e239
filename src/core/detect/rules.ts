import { checkData } from '../knowledge/checkData';
import type { DataFile } from '../knowledge/dataFile';
import type { RuleRole } from '../knowledge/documents';
import type { FindingCategory, Language } from '../result';

/**
 * A detector is a tree-sitter query file with a metadata header of `;; key: value` comments.
 * Built-in detectors (src/core/detect/rules/<language>/) and user detectors go through the same
 * loading path. Captures:
 * - `@finding` (required): the node whose range the finding takes. A class or function definition
 *   names the finding after itself; an assignment after its target.
 * - `@symbol`: a name (identifier or dotted) that the finding is about, when the `@finding` node is
 *   not a definition (`app.add_middleware(CORSMiddleware)`).
 * - `(#set! symbol "anonymous")` names the finding after its own line, not the function around it
 *   (an inline handler).
 * - other names become `details` of the finding; names starting with `_` only serve predicates.
 */
export interface DetectorRule {
  id: string;
  language: Language;
  /** What the rule finds; a rule with a `hint` instead feeds a resolver and is not reported itself. */
  category?: FindingCategory;
  /** For the resolvers: `router`, `include`, `viewset`, … */
  hint?: string;
  /**
   * The finding stands only if the name in this capture resolves, through the file's imports, to
   * one of these qualified names (`path` must be `django.urls.path`, not `os.path`).
   */
  qualifies?: { capture: string; names: string[] };
  /** The findings stand only in files built on one of these npm packages (importing one, or in a package that depends on one). */
  packages?: string[];
  description: string;
  /** Matches nested inside another match of the same rule are dropped (a decorator factory's inner decorator). */
  outermost?: boolean;
  /** A match relates several top-level statements: after an edit the rule runs over the whole file, not only the statements the edit touched. */
  wholeFile?: boolean;
  /** The framework or library the pattern belongs to, when it belongs to one. */
  framework?: string;
  /** How the route resolver reads the rule's findings, when it reads them in a way of their own. */
  resolves?: RuleRole;
  query: string;
  /** Where the rule came from, for error messages. */
  source: string;
}

/** A rule file: its name (for messages and the default id: `python/fastapi-route.scm`) and its text. */
export type RuleFile = DataFile;

/** A rule that cannot run; `offset` is where in its query text, in bytes, when the query is what is wrong. */
export class RuleError extends Error {
  constructor(
    message: string,
    readonly offset?: number,
  ) {
    super(message);
  }
}

/**
 * A rule file's header (its leading `;; key: value` comments, up to the first line of query),
 * checked against the knowledge schema's `ruleHeader`, and its query.
 */
export function parseRuleFile(file: RuleFile, language: Language): DetectorRule {
  const written: Record<string, string | string[]> = {};
  for (const line of file.text.split('\n')) {
    const match = /^\s*;;\s*([a-z-]+):(.*)$/.exec(line);
    const value = match?.[2]?.trim();
    if (match?.[1] && value !== undefined) written[match[1]] = match[1] === 'qualifies' || match[1] === 'packages' ? value.split(/\s+/).filter(Boolean) : value;
    else if (line.trim() && !line.trim().startsWith(';')) break;
  }
  const header = checkData('ruleHeader', written, file.name);
  const [capture, ...names] = header.qualifies ?? [];
  return {
    id: header.id ?? file.name.slice(file.name.lastIndexOf('/') + 1).replace(/\.scm$/, ''),
    language,
    ...(header.category ? { category: header.category } : {}),
    ...(header.hint ? { hint: header.hint } : {}),
    ...(capture ? { qualifies: { capture, names } } : {}),
    ...(header.packages ? { packages: header.packages } : {}),
    description: header.description,
    ...(header.outermost === 'true' ? { outermost: true } : {}),
    ...(header.scope === 'file' ? { wholeFile: true } : {}),
    ...(header.framework ? { framework: header.framework } : {}),
    ...(header.resolves ? { resolves: header.resolves } : {}),
    query: file.text,
    source: file.name,
  };
}
