/** What the route resolvers share: route paths in one syntax, where a route is declared, routers. */
import type { RouterFramework } from '../frameworks/frameworks';
import type { ValueShape } from '../parse/facts';
import { type Finding, type Route, type RouteFinding, SymbolId } from '../result';
import { trimEnd, trimStart } from '../text';
import { MAX_CONSTANT_DEPTH } from './constants';
import type { SymbolIndex } from './symbolIndex';

/** How many full prefixes one router's (or urlconf's) routes are listed under, at most. */
export const MAX_PREFIXES_PER_ROUTER = 16;
/** How many routers deep mounts are followed, at most: deeper is a cycle in practice. */
export const MAX_ROUTER_DEPTH = 12;

/** An application or router object, its framework, and the prefix it gives its own routes. */
export interface Router {
  symbol: string;
  framework: RouterFramework;
  ownPrefix: string;
  /** The router it is made on, which it serves under (`Api(blueprint)`, `api.namespace(...)`). */
  madeOn?: string;
  /** A function that makes a router and returns it: the local that holds the router in its body. */
  local?: string;
  /** Made by the workspace's copy of its framework's router class: where the copy keeps the framework's package. */
  copy?: FrameworkCopy;
  /** Its routes' paths end without a slash (DRF's `DefaultRouter(trailing_slash=False)`). */
  withoutTrailingSlash?: boolean;
}

/** A framework's package kept as a copy in the workspace: `root` (`core.base`) stands for `package` (`rest_framework`). */
export interface FrameworkCopy {
  root: string;
  package: string;
}

/** A dotted name of a copy (`core.base.decorators.action`) as the framework's (`rest_framework.decorators.action`); others as they are. */
export function asFrameworkName(name: string, copy: FrameworkCopy | undefined): string {
  return copy && name.startsWith(`${copy.root}.`) ? `${copy.package}${name.slice(copy.root.length)}` : name;
}

/** Where a route is declared: its decorator, or the registration (`router.get(...)`) of a handler defined elsewhere. */
export function sourceOf(finding: Finding): NonNullable<Route['source']> {
  const registered = finding.details.registeredAt?.[0];
  const site = registered === undefined ? null : /^(.*):(\d+)$/.exec(registered);
  if (site?.[1] && site[2]) return { path: site[1], line: Number(site[2]) - 1 };
  return { path: SymbolId.parse(finding.symbol).path, line: finding.range.start.line };
}

/** The paths a route is registered for, as written: one, or several (`api.add_resource(Users, "/users", "/people")`). */
export function pathsOf(finding: RouteFinding): (string | undefined)[] {
  const written = finding.details.path;
  return Array.isArray(written) ? written : [written];
}

/** Whether `outer`'s range holds `inner`'s (an entry of a list, a route under a `Mount`). */
export function contains(outer: { range: Finding['range'] }, inner: { range: Finding['range'] }): boolean {
  const { start: os, end: oe } = outer.range;
  const { start: is, end: ie } = inner.range;
  const before = os.line < is.line || (os.line === is.line && os.character <= is.character);
  const after = oe.line > ie.line || (oe.line === ie.line && oe.character >= ie.character);
  return before && after && !(os.line === is.line && os.character === is.character);
}

const PLACEHOLDER_OR_SPACE = /[\s<{:]/;

/**
 * One placeholder syntax whatever the framework writes: `<int:pk>` and `<pk>` (Django, Flask),
 * `:id` (Express), `{id:int}` and `{id:path}` (Starlette) all become `{pk}` / `{id}`.
 */
export function normalizeRoutePath(path: string): string {
  // Most paths have nothing to rewrite (no white space, `<`, `{` or `:`): they skip the four rewrites, which every update runs on every route.
  const normalized = !PLACEHOLDER_OR_SPACE.test(path) ? path : path
    .replace(/\s+/g, '') // a URL path has no white space; broken code can put some in a literal
    .replace(/<(?:[^<>:]+:)?([A-Za-z_][A-Za-z0-9_]*)>/g, '{$1}')
    .replace(/\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?\}/g, '{$1}')
    .replace(/(^|\/):([A-Za-z_][A-Za-z0-9_]*)\??/g, '$1{$2}');
  if (normalized === '') return '/';
  return normalized.startsWith('/') ? normalized : `/${normalized}`;
}

/** Joins two route path pieces with exactly one slash between them. */
export function joinRoutePaths(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return `${trimEnd(prefix, '/')}/${trimStart(path, '/')}`;
}

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/**
 * A URL regex (one RE2 reads: its groups are balanced) as a route template, in one pass: anchors,
 * classes, quantifiers and non-capturing groups dropped, `(?P<name>...)` → `{name}`, a group with
 * no name → the next of `names` (the parameters the framework passes the groups to, in order) or
 * `{argN}`, escaped punctuation as itself. Linear in the pattern's length: the pattern is workspace text.
 */
export function regexAsTemplate(regex: string, names: readonly string[] = []): string {
  let text = regex.startsWith('^') ? regex.slice(1) : regex;
  if (text.endsWith('$') && !text.endsWith('\\$')) text = text.slice(0, -1);
  const { groupEnd, classEnd, wordEnd } = regexStructure(text);
  const afterQuantifier = (at: number) => (at < text.length && '?*+'.includes(text[at] as string) ? at + 1 : at);
  let template = '';
  let unnamed = 0;
  for (let at = 0; at < text.length; ) {
    const character = text[at] as string;
    const nameClose = text.startsWith('(?P<', at) ? (wordEnd[at + 4] as number) : -1;
    const name = nameClose > at + 4 && text[nameClose] === '>' ? text.slice(at + 4, nameClose) : undefined;
    const end = (name !== undefined || (character === '(' && text[at + 1] !== '?')) ? (groupEnd[at] as number) : -1;
    if (end > 0) {
      template += `{${name ?? names[unnamed] ?? `arg${unnamed + 1}`}}`;
      if (name === undefined) unnamed++;
      at = end + 1;
    } else if (character === '[' && (classEnd[at + 1] as number) > 0) at = afterQuantifier((classEnd[at + 1] as number) + 1);
    else if (text.startsWith('(?:', at)) at += 3;
    else if (character === ')') at = afterQuantifier(at + 1);
    else if (character === '\\') {
      const escaped = text[at + 1] ?? '';
      if (!/[A-Za-z0-9]/.test(escaped)) template += escaped; // `\.` is a dot; `\d`, `\w`, `\b` are no text
      at += 2;
    } else {
      if (!'?*+'.includes(character)) template += character;
      at++;
    }
  }
  return template;
}

/**
 * Where each group closes (by the position of its `(`; escapes and classes skipped), and for each
 * position the next `]` at or after it (-1 when none) and where the run of word characters starting
 * there ends: read once, so that `regexAsTemplate` never scans ahead again from each bracket.
 */
function regexStructure(text: string): { groupEnd: Int32Array; classEnd: Int32Array; wordEnd: Int32Array } {
  const length = text.length;
  const classEnd = new Int32Array(length + 1).fill(-1);
  const wordEnd = new Int32Array(length + 1).fill(length);
  for (let at = length - 1; at >= 0; at--) {
    classEnd[at] = text[at] === ']' ? at : (classEnd[at + 1] as number);
    wordEnd[at] = /\w/.test(text[at] as string) ? (wordEnd[at + 1] as number) : at;
  }
  const groupEnd = new Int32Array(length + 1).fill(-1);
  const open: number[] = [];
  for (let at = 0; at < length; at++) {
    const character = text[at];
    if (character === '\\') at++;
    else if (character === '[') {
      const close = classEnd[at + 1] as number;
      if (close > 0) at = close;
    } else if (character === '(') open.push(at);
    else if (character === ')') {
      const from = open.pop();
      if (from !== undefined) groupEnd[from] = at;
    }
  }
  return { groupEnd, classEnd, wordEnd };
}

/** A class-based view's or resource's handlers: each HTTP method it, or a workspace base class, defines a method for (`get` inherited from a project's base view). */
export function classHandlers(index: SymbolIndex, view: string): { method: string; handler: string }[] {
  const classes = [view, ...index.ancestry(view).classes];
  return HTTP_METHODS.flatMap((method) => {
    const owner = classes.find((symbol) => index.definition(`${symbol}.${method}`));
    return owner ? [{ method: method.toUpperCase(), handler: `${owner}.${method}` }] : [];
  });
}

/**
 * The string a name stands for where `symbol` (a function, or the module's code) uses it: a
 * constant string the function declares (`const globalPrefix = 'api'`), else what constantString
 * reads in its file.
 */
export function constantStringIn(index: SymbolIndex, symbol: string, written: string | undefined): string | undefined {
  const { path } = SymbolId.parse(symbol);
  const local = written === undefined ? undefined : index.definition(symbol)?.locals?.find((candidate) => candidate.name === written && candidate.value !== undefined);
  return constantString(index, path, local?.value ?? written);
}

/**
 * The string a written value stands for: a literal, or a constant the workspace states — a
 * variable, a member of an object a module keeps (`config.api.prefix`), a class attribute read on
 * an instance, an f-string or template literal whose values are constants; undefined otherwise.
 */
export function constantString(index: SymbolIndex, path: string, written: string | undefined, depth = 0): string | undefined {
  if (!written || depth > MAX_CONSTANT_DEPTH) return undefined;
  if (INTERPOLATED.test(written)) return interpolated(index, path, written, depth);
  const quoted = /^[rRbBuU]?(['"])(.*)\1$/s.exec(written);
  if (quoted) return quoted[2];
  const fromEnvironment = environmentRead(index, path, written);
  if (fromEnvironment !== undefined) return fromEnvironment;
  const helped = helperString(index, path, written, depth);
  if (helped !== undefined) return helped;
  if (!/^[\w.$]+$/.test(written)) return undefined; // an expression: not a constant we can read
  const member = memberOfObject(index, path, written);
  if (member?.value.kind === 'call') {
    const [key] = member.value.args;
    return member.value.args.length === 1 && key?.kind === 'string' && !member.value.receiver ? environmentHelperValue(index, member.path, member.value.callee, key.value) : undefined;
  }
  if (member) return member.value.kind === 'string' || member.value.kind === 'number' ? member.value.value : member.value.kind === 'name' || member.value.kind === 'other' ? constantString(index, member.path, member.value.kind === 'name' ? member.value.value : member.value.text, depth + 1) : undefined;
  const target = index.qualify(path, written);
  if (!target) return undefined;
  if ('symbol' in target) {
    const definition = index.definition(target.symbol);
    const number = definition?.shape?.kind === 'number' ? definition.shape.value : undefined;
    return definition?.literal ?? number ?? (definition?.shape?.kind === 'other' ? constantString(index, index.pathOf(target.symbol), definition.shape.text, depth + 1) : undefined);
  }
  // `settings.API_V1_STR` where `settings = Settings()`: the class attribute's literal.
  const instance = /^(.+:[\w.]+)\(\)\.(\w+)$/.exec(target.external);
  if (!instance?.[1]) return undefined;
  for (const symbol of [instance[1], ...index.ancestry(instance[1]).classes]) {
    const attribute = index.definition(symbol)?.attributes?.find((candidate) => candidate.name === instance[2]);
    if (attribute?.literal !== undefined) return attribute.literal;
  }
  return undefined;
}

const CALL = /^([A-Za-z_][\w.]*)\(([\s\S]*)\)$/;

/**
 * `org_scoped_rule("/login")`: what a workspace function returns for constant arguments, when its
 * last statement returns a string made of literals and its parameters (`returnsString`). An earlier
 * `return` under a condition (a setting that adds an organisation prefix) is not taken: the helper's
 * own default case is.
 */
function helperString(index: SymbolIndex, path: string, written: string, depth: number): string | undefined {
  const call = CALL.exec(written);
  if (!call?.[1] || call[2] === undefined) return undefined;
  const helper = index.resolve(path, call[1]);
  const definition = helper ? index.definition(helper) : undefined;
  if (!helper || definition?.kind !== 'function' || definition.returnsString === undefined) return undefined;
  const parameters = definition.parameters ?? [];
  const values = new Map<string, string>();
  let position = 0;
  for (const argument of splitTopLevel(call[2])) {
    const keyword = /^([A-Za-z_]\w*)\s*=(?!=)/.exec(argument);
    const positional = keyword ? undefined : parameters[position++];
    const parameter = keyword ? keyword[1] : positional?.splat === undefined ? positional?.name : undefined;
    const value = constantString(index, path, keyword ? argument.slice(keyword[0].length).trim() : argument, depth + 1);
    if (parameter === undefined || value === undefined) return undefined;
    values.set(parameter, value);
  }
  const helperPath = index.pathOf(helper);
  const named = new Set(definition.returnsString.match(/[A-Za-z_]\w*/g));
  for (const parameter of parameters) {
    // A default that is itself a call is not followed: defaults calling the helper would multiply the work at each level.
    if (values.has(parameter.name) || parameter.default === undefined || !named.has(parameter.name) || parameter.default.includes('(')) continue;
    const value = constantString(index, helperPath, parameter.default, depth + 1);
    if (value !== undefined) values.set(parameter.name, value);
  }
  return stringMade(definition.returnsString, values);
}

/** A Python string expression of literals and names (`"/<org>{}".format(rule)`, `f"/v1{rule}"`, `PREFIX + rule`) with the names' values put in. */
function stringMade(expression: string, values: ReadonlyMap<string, string>): string | undefined {
  let text = '';
  for (const piece of splitTopLevel(expression, '+')) {
    const value = stringPiece(piece.replace(/^\(([\s\S]*)\)$/, '$1').trim(), values);
    if (value === undefined) return undefined;
    text += value;
  }
  return text;
}

function stringPiece(piece: string, values: ReadonlyMap<string, string>): string | undefined {
  if (values.has(piece)) return values.get(piece);
  const formatted = /^([rRuU]?(['"])[\s\S]*\2)\.format\(([\s\S]*)\)$/.exec(piece);
  if (formatted?.[1] && formatted[3] !== undefined) {
    const given = splitTopLevel(formatted[3]).map((argument) => stringPiece(argument, values));
    if (given.some((value) => value === undefined)) return undefined;
    let next = 0;
    return filled(pythonBody(formatted[1]), FORMAT_FIELD, (name) => (name === '' ? given[next++] : /^\d+$/.test(name) ? given[Number(name)] : undefined));
  }
  if (/^[fF][rR]?['"]|^[rR][fF]['"]/.test(piece)) return filled(pythonBody(piece), FORMAT_FIELD, (name) => values.get(name));
  const quoted = /^[rRuU]?(['"])([\s\S]*)\1$/.exec(piece);
  return quoted ? quoted[2] : undefined;
}

/** A JavaScript template literal's `${name}` fields; a Python format string's `{name}` fields (`{}` has the empty name), `{{` and `}}` its braces. */
const TEMPLATE_FIELD = /\$\{([^}]*)\}/g;
const FORMAT_FIELD = /\{\{|\}\}|\{([^{}!:]*)(?:![rsa])?(?::[^{}]*)?\}/g;

/** A template's fields with the values `valueOf` gives (names trimmed); undefined when one has none. */
function filled(body: string, field: RegExp, valueOf: (name: string) => string | undefined): string | undefined {
  let missing = false;
  const text = body.replace(field, (whole: string, name: string | undefined) => {
    if (name === undefined) return whole[0] ?? '';
    const value = valueOf(name.trim());
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? undefined : text;
}

/**
 * The value the workspace's environment files give a key the code reads from the environment:
 * `process.env.API_PREFIX`, `process.env['API_PREFIX']`, or a workspace function given the key
 * alone (`getOsEnv('API_PREFIX')`, the usual helper that reads and checks `process.env[key]`).
 */
function environmentRead(index: SymbolIndex, path: string, written: string): string | undefined {
  const read = /^process\.env(?:\.([A-Za-z_]\w*)|\[\s*(['"`])([A-Za-z_][\w.-]*)\2\s*\])$/.exec(written);
  const key = read?.[1] ?? read?.[3];
  if (key !== undefined) return index.environmentValue(key);
  const helper = /^([\w$.]+)\(\s*(['"`])([A-Za-z_][\w.-]*)\2\s*\)$/.exec(written);
  return helper?.[1] && helper[3] !== undefined ? environmentHelperValue(index, path, helper[1], helper[3]) : undefined;
}

/** `getOsEnv('API_PREFIX')` written in `path`: the environment files' value of the key, when the callee is a workspace function. */
function environmentHelperValue(index: SymbolIndex, path: string, callee: string, key: string): string | undefined {
  const value = index.environmentValue(key);
  if (value === undefined) return undefined;
  const helper = index.resolve(path, callee);
  return helper && index.definition(helper)?.kind === 'function' ? value : undefined;
}

/**
 * A property of an object a module keeps (`config.api.prefix` of `export default { api: { prefix: '/api' } }`,
 * `routesV1.user.root`), with the file it is written in; undefined when the name is no such property.
 */
function memberOfObject(index: SymbolIndex, path: string, written: string): { value: ValueShape; path: string } | undefined {
  const parts = written.split('.');
  for (let length = parts.length - 1; length > 0; length--) {
    const holder = index.resolve(path, parts.slice(0, length).join('.'));
    const shape = holder ? index.definition(holder)?.shape : undefined;
    if (!holder || shape?.kind !== 'object') continue;
    let value: ValueShape | undefined = shape;
    for (const key of parts.slice(length)) value = value?.kind === 'object' ? value.properties[key] : undefined;
    return value ? { value, path: index.pathOf(holder) } : undefined;
  }
  return undefined;
}

/** A string with values put in, as the scan keeps it: a Python f-string, a JavaScript template literal. */
const INTERPOLATED = /^(?:[fF][rR]?|[rR][fF])(['"])[\s\S]*\1$|^`[\s\S]*`$/;

/**
 * `f"/api/{API_VERSION}"`, `` `/${root}/:id` `` with each value put in that is a constant the
 * workspace states (a string, a number); undefined when one is not.
 */
function interpolated(index: SymbolIndex, path: string, written: string, depth: number): string | undefined {
  const template = written.startsWith('`');
  const valueOf = (expression: string) => (/^[\w.]+$/.test(expression) ? constantString(index, path, expression, depth + 1) : undefined);
  return filled(template ? written.slice(1, -1) : pythonBody(written), template ? TEMPLATE_FIELD : FORMAT_FIELD, valueOf);
}

/**
 * A string a detector captured: a literal as it is, one with values put in read through the
 * constants it names (a value that is no constant is left out, as the literal's parts alone).
 */
export function statedString(index: SymbolIndex, path: string, written: string | undefined): string {
  const text = written ?? '';
  // A path helper's call (`org_scoped_rule("/login")`): what it returns; one from outside the
  // workspace given the path alone, that path; else the call as written.
  const call = CALL.exec(text);
  if (call?.[1] && call[2] !== undefined) {
    const made = constantString(index, path, text);
    if (made !== undefined) return made;
    const [given, ...more] = splitTopLevel(call[2]);
    const outside = index.resolve(path, call[1]) === undefined;
    return outside && given !== undefined && !more.length && /^[fFrRuUbB]*['"`]/.test(given) ? (INTERPOLATED.test(given) ? literalParts(given) : pythonBody(given)) : text;
  }
  if (!INTERPOLATED.test(text)) return text;
  return constantString(index, path, text) ?? literalParts(text);
}

/** The literal parts of an f-string or template literal, the values left out. */
function literalParts(written: string): string {
  if (written.startsWith('`')) return written.slice(1, -1).replace(/\$\{[^}]*\}/g, '');
  return pythonBody(written).replace(/\{\{|\}\}|\{[^{}]*\}/g, (whole) => (whole === '{{' ? '{' : whole === '}}' ? '}' : ''));
}

/** What a Python string's quotes (single or triple) and prefix enclose. */
function pythonBody(written: string): string {
  return /^[A-Za-z]*("""|'''|"|')([\s\S]*)\1$/.exec(written)?.[2] ?? written;
}

/** A path as a framework that drops a trailing slash serves it (`/user/` answers at `/user`); the root stays `/`. */
export function servedPath(joined: string, dropsTrailingSlash: boolean): string {
  return dropsTrailingSlash && joined.length > 1 ? trimEnd(joined, '/') : joined;
}

/** A detail captured as text, or the empty string for one not captured. */
export function textOf(captured: unknown): string {
  return typeof captured === 'string' ? captured : '';
}

/** The parts of `text` between `separator`s (commas by default) outside brackets and string literals, trimmed; empty parts left out. */
export function splitTopLevel(text: string, separator = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (quote) {
      if (char === '\\') at++;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') depth--;
    else if (char === separator && depth === 0) {
      parts.push(text.slice(start, at).trim());
      start = at + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((part) => part.length > 0 && !part.startsWith('#'));
}

/** The entries of a list or tuple written in place (`["/a", "/b"]`), as written; a single value is its own entry. */
export function listEntries(written: string): string[] {
  const trimmed = written.trim();
  const open = trimmed[0];
  if ((open === '[' && trimmed.endsWith(']')) || (open === '(' && trimmed.endsWith(')'))) return splitTopLevel(trimmed.slice(1, -1));
  return [trimmed];
}
