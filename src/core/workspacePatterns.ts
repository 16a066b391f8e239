import { RE2JS, RE2Set } from 're2js';

/**
 * Patterns the workspace writes — `.gitignore` lines, exclude globs from its settings, Django
 * `re_path` regexes, NestJS exclusions, route templates — matched in time linear in the text they
 * are matched against. JavaScript's own engine backtracks: a crafted pattern (`(a*)*b`, `*a*a*a*b`
 * as a glob) takes seconds to minutes per match, on the analysis thread, and cancelling cannot
 * stop a match. Regexes and globs are compiled for RE2JS instead, RE2's automaton-based engine in
 * pure JavaScript; a construct it has no linear-time way to run (backreferences, lookaround) makes
 * the pattern unsupported, with the reason, and it is never handed to a backtracking engine.
 * Route templates are matched segment by segment without any regex.
 */

/** Longer patterns are not compiled: RE2's cost is the text's length times the pattern's size. */
export const MAX_PATTERN_LENGTH = 1024;

export interface LinearPattern {
  /** Whether the whole text matches. */
  matches(text: string): boolean;
}

/** A pattern compiled, or why it is not used. */
export type Compiled = { pattern: LinearPattern } | { unsupported: string };

/** A regular expression as the workspace writes it (Python's or JavaScript's syntax, RE2's semantics). */
export function compileRegex(source: string): Compiled {
  let regex = compiledRegexes.get(source);
  if (!regex) {
    if (compiledRegexes.size >= MAX_COMPILED_REGEXES) compiledRegexes.clear();
    compiledRegexes.set(source, (regex = compiled(source, source, 0)));
  }
  return regex;
}

/**
 * The regexes compiled so far, by source: an update reads every route pattern of the workspace
 * again (Django's `re_path`s), and compiling one costs more than matching it. Bounded, as the
 * patterns change while the user types.
 */
const compiledRegexes = new Map<string, Compiled>();
const MAX_COMPILED_REGEXES = 10_000;

/** A text as a regex that matches it and nothing else. */
export function quoteForRegex(text: string): string {
  return RE2JS.quote(text);
}

function compiled(written: string, source: string, flags: number): Compiled {
  if (written.length > MAX_PATTERN_LENGTH) return { unsupported: `longer than ${MAX_PATTERN_LENGTH} characters` };
  try {
    const regex = RE2JS.compile(source, flags);
    return { pattern: { matches: (text) => regex.matches(text) } };
  } catch (error) {
    return { unsupported: unsupportedReason(error) };
  }
}

function unsupportedReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/invalid escape sequence: `\\[1-9]/.test(message)) return 'a backreference, which no linear-time engine can run';
  if (/`\(\?<?[=!]/.test(message)) return 'a lookahead or lookbehind, which no linear-time engine can run';
  return message.replace(/^error parsing regexp: /, 'not a regular expression RE2 reads: ');
}

/**
 * Globs as VS Code's `files.exclude` and picomatch write them, matched against a whole
 * `/`-separated path relative to the root: `**` (any number of folders), `*` and `?` (within a
 * name), `[...]` and `{a,b}`; names starting with a dot included. All of them are one RE2 set: a
 * path is matched against every glob in one pass. A negated glob (`!x`) and extended globs
 * (`@(x|y)`) are not supported.
 */
export class GlobSet {
  private readonly set = new RE2Set(RE2Set.ANCHOR_BOTH, RE2JS.DOTALL);
  private size = 0;
  /** The globs not applied, with their reason. */
  readonly unsupported: { glob: string; reason: string }[] = [];

  constructor(globs: readonly string[]) {
    for (const glob of globs) {
      const source = glob.startsWith('!') ? { unsupported: 'a negated glob (`!`), which an exclude list cannot honour' } : globSource(glob, false);
      if ('unsupported' in source) this.unsupported.push({ glob, reason: source.unsupported });
      else {
        this.set.add(source.regex);
        this.size++;
      }
    }
    try {
      if (this.size) this.set.compile();
    } catch (error) {
      this.size = 0;
      this.unsupported.push({ glob: globs.join(', '), reason: tooLarge(error) });
    }
  }

  matches(path: string): boolean {
    return this.size > 0 && this.set.match(path).length > 0;
  }
}

/**
 * A glob's body as RE2 syntax. `gitignore`: a trailing `/**` matches what is inside the folder but
 * not the folder itself (git's reading); otherwise the folder too (picomatch's).
 */
function globSource(glob: string, gitignore: boolean): { regex: string } | { unsupported: string } {
  if (glob.length > MAX_PATTERN_LENGTH) return { unsupported: `longer than ${MAX_PATTERN_LENGTH} characters` };
  if (/[!@+*?]\(/.test(glob)) return { unsupported: 'an extended glob (`@(...)`, `!(...)`), which ArchTrace does not read' };
  let regex = '';
  let braces = 0;
  for (let at = 0; at < glob.length; ) {
    const character = glob[at] as string;
    if (character === '*') {
      let end = at;
      while (glob[end] === '*') end++;
      const wholeName = (at === 0 || glob[at - 1] === '/') && (end === glob.length || glob[end] === '/');
      if (end - at >= 2 && wholeName) {
        if (end === glob.length) {
          // `a/**`: everything under a (and a itself, but for git); `**` alone: everything.
          if (regex.endsWith('/')) regex = gitignore ? `${regex}.+` : `${regex.slice(0, -1)}(?:/.*)?`;
          else regex += '.*';
          at = end;
        } else {
          regex += '(?:[^/]*/)*'; // `**/`: any number of folders, none included
          at = end + 1;
        }
      } else {
        regex += '[^/]*';
        at = end;
      }
      continue;
    }
    if (character === '[') {
      const close = classEnd(glob, at);
      if (close > 0) {
        regex += characterClass(glob.slice(at + 1, close));
        at = close + 1;
        continue;
      }
    }
    if (character === '\\' && at + 1 < glob.length) {
      regex += RE2JS.quote(glob[at + 1] as string);
      at += 2;
      continue;
    }
    if (character === '{') {
      braces++;
      regex += '(?:';
    } else if (character === ',' && braces > 0) regex += '|';
    else if (character === '}' && braces > 0) {
      braces--;
      regex += ')';
    } else if (character === '?') regex += '[^/]';
    else regex += RE2JS.quote(character);
    at++;
  }
  if (braces > 0) return { unsupported: 'a `{` without its `}`' };
  const alone = compiled(glob, regex, RE2JS.DOTALL); // a class such as `[z-a]` is no pattern
  return 'unsupported' in alone ? alone : { regex };
}

/** Where a `[...]` that starts at `open` closes (a `]` right after `[` or `[!` is a member), or -1. */
function classEnd(glob: string, open: number): number {
  let at = open + 1;
  if (glob[at] === '!' || glob[at] === '^') at++;
  if (glob[at] === ']') at++;
  return glob.indexOf(']', at);
}

function tooLarge(error: unknown): string {
  return `together too large for a linear-time engine (${error instanceof Error ? error.message : String(error)})`;
}

/** A glob's `[...]` body as RE2's; a negated class never matches the separator. */
function characterClass(body: string): string {
  const negated = body.startsWith('!') || body.startsWith('^');
  const members = (negated ? body.slice(1) : body).replace(/[[\]\\]/g, '\\$&');
  return negated ? `[^/${members}]` : `[${members}]`;
}

/**
 * One `.gitignore`'s rules, applied to paths relative to its folder: all of them one RE2 set, which
 * tells every rule that matches a path in one pass (the last one decides, as in git).
 */
export class GitignoreRules {
  private readonly rules: { negated: boolean; directoriesOnly: boolean }[] = [];
  private readonly set = new RE2Set(RE2Set.ANCHOR_BOTH, RE2JS.DOTALL);
  /** The lines not applied, with their reason (1-based line numbers; 0: the whole file). */
  readonly unsupported: { line: number; reason: string }[] = [];

  constructor(text: string) {
    text.split('\n').forEach((written, position) => {
      const rule = gitignoreRule(written);
      if (!rule) return;
      if ('unsupported' in rule) {
        this.unsupported.push({ line: position + 1, reason: rule.unsupported });
        return;
      }
      this.set.add(rule.regex);
      this.rules.push(rule);
    });
    try {
      this.set.compile();
    } catch (error) {
      this.rules.length = 0;
      this.unsupported.push({ line: 0, reason: tooLarge(error) });
    }
  }

  /** Whether the rules ignore the path (relative to the `.gitignore`'s folder): the last rule that matches decides. */
  ignores(relative: string, isDirectory: boolean): boolean {
    if (!this.rules.length) return false;
    let decided: boolean | undefined;
    let last = -1;
    for (const matched of this.set.match(relative)) {
      const rule = this.rules[matched] as GitignoreRules['rules'][number];
      if (matched > last && (!rule.directoriesOnly || isDirectory)) {
        last = matched;
        decided = !rule.negated;
      }
    }
    return decided ?? false;
  }
}

/** A `.gitignore` line as a rule (undefined for blank lines and comments), as git reads it. */
function gitignoreRule(line: string): { negated: boolean; directoriesOnly: boolean; regex: string } | { unsupported: string } | undefined {
  let body = line.endsWith('\r') ? line.slice(0, -1) : line;
  if (body === '' || body.startsWith('#')) return undefined;
  // Trailing spaces are dropped unless escaped with a backslash.
  let end = body.length;
  while (end > 0 && body[end - 1] === ' ' && body[end - 2] !== '\\') end--;
  body = body.slice(0, end);
  const negated = body.startsWith('!');
  if (negated) body = body.slice(1);
  const directoriesOnly = body.endsWith('/');
  if (directoriesOnly) body = body.slice(0, -1);
  if (body === '') return undefined;
  // A slash at the start or in the middle anchors the pattern to the folder; otherwise it matches at any depth.
  const anchored = body.includes('/');
  if (body.startsWith('/')) body = body.slice(1);
  const source = globSource(body, true);
  if ('unsupported' in source) return source;
  return { negated, directoriesOnly, regex: anchored ? source.regex : `(?:.*/)?${source.regex}` };
}

/**
 * Whether a request path (`/orders/42`) is an instance of a route template (`/orders/{id}`), each
 * `{...}` standing for one or more characters within a segment. Segment by segment, each literal
 * found from left to right (for wildcards that cannot cross a segment, the leftmost place is never
 * wrong): no regex is made of the template, and the cost is linear in the path.
 */
export function matchesRouteTemplate(template: string, path: string): boolean {
  const templateSegments = template.split('/');
  const pathSegments = path.split('/');
  return templateSegments.length === pathSegments.length && templateSegments.every((segment, position) => segmentMatches(literalsOf(segment), pathSegments[position] as string));
}

function segmentMatches(literals: readonly string[], text: string): boolean {
  if (literals.length === 1) return text === literals[0];
  const first = literals[0] as string;
  const last = literals[literals.length - 1] as string;
  const end = text.length - last.length;
  if (!text.startsWith(first) || !text.endsWith(last)) return false;
  let at = first.length + 1; // the first placeholder takes a character at least
  for (let position = 1; position < literals.length - 1; position++) {
    const literal = literals[position] as string;
    const found = text.indexOf(literal, at);
    if (found < 0 || found + literal.length >= end) return false;
    at = found + literal.length + 1;
  }
  return at <= end;
}

/** The literal text around a route template's placeholders: `{a}-{b}.json` → `''`, `-`, `.json`. */
function literalsOf(template: string): string[] {
  const literals: string[] = [];
  let from = 0;
  for (let open = template.indexOf('{'); open >= 0; open = template.indexOf('{', from)) {
    const close = template.indexOf('}', open);
    if (close < 0) break;
    literals.push(template.slice(from, open));
    from = close + 1;
  }
  literals.push(template.slice(from));
  return literals;
}

/** A route template with each placeholder emptied (`/orders/{id}` → `/orders/{}`), to compare templates whatever their names. */
export function templateShape(template: string): string {
  return literalsOf(template).join('{}');
}
