import type { ProtoHttpRules } from '../frameworks/frameworks';
import type { ReadLimits, WorkspaceFs } from '../host';
import { readWorkspaceText } from '../discover/discover';
import { Turns } from '../nextTurn';
import { type Finding, type InterfaceImplementations, type Route, type Skipped, SymbolId } from '../result';
import { normalizeRoutePath } from './routePaths';
import type { SymbolIndex } from './symbolIndex';

/** An RPC of a `.proto` service that an HTTP rule maps a request to (`option (google.api.http) = { get: "/v1/{name=users/*}" }`). */
export interface ProtoHttpRule {
  file: string;
  /** The file's `package` ('' when it declares none). */
  protoPackage: string;
  service: string;
  rpc: string;
  method: string;
  /** The path as the rule writes it, variables and all (`/v1/{name=users/*}`). */
  template: string;
  /** 0-based line of the rule's verb. */
  line: number;
}

/** Enough service definitions for any workspace; a vendored tree of thousands of `.proto` files is not read whole. */
const MAX_PROTO_FILES = 400;
const HTTP_VERBS = new Set(['get', 'put', 'post', 'delete', 'patch']);

/** The HTTP rules of the workspace's `.proto` files, when a framework serves them. */
export async function readProtoHttpRules(fs: Pick<WorkspaceFs, 'readText'>, limits: ReadLimits & { root: string }, otherFiles: readonly string[], frameworks: readonly ProtoHttpRules[], skipped: Skipped[]): Promise<ProtoHttpRule[]> {
  if (!frameworks.length) return [];
  const protos = otherFiles.filter((file) => file.endsWith('.proto'));
  if (protos.length > MAX_PROTO_FILES) skipped.push({ path: '.', reason: `${protos.length - MAX_PROTO_FILES} .proto files not read for HTTP rules: only the first ${MAX_PROTO_FILES} are` });
  const files = protos.slice(0, MAX_PROTO_FILES);
  const rules: ProtoHttpRule[] = [];
  for (const file of files) {
    const text = await readWorkspaceText(fs, limits, file, skipped);
    if (text !== undefined && text.includes('google.api.http')) rules.push(...httpRulesOf(file, text));
  }
  return rules;
}

interface Token {
  text: string;
  line: number;
  string?: boolean;
}

/** The tokens of a `.proto` file: names, strings (unquoted) and punctuation; comments dropped. One pass, no backtracking. */
function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 0;
  for (let at = 0; at < text.length; ) {
    const char = text[at] as string;
    if (char === '\n') line++;
    if (/\s/.test(char)) {
      at++;
    } else if (text.startsWith('//', at)) {
      const end = text.indexOf('\n', at);
      at = end < 0 ? text.length : end;
    } else if (text.startsWith('/*', at)) {
      const end = text.indexOf('*/', at + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (let inside = at; inside < stop; inside++) if (text[inside] === '\n') line++;
      at = stop;
    } else if (char === '"' || char === "'") {
      let end = at + 1;
      while (end < text.length && text[end] !== char && text[end] !== '\n') end += text[end] === '\\' && text[end + 1] !== '\n' ? 2 : 1;
      tokens.push({ text: text.slice(at + 1, end), line, string: true });
      // An unterminated string ends at its line's end, which is still counted.
      at = text[end] === char ? end + 1 : end;
    } else if (/[\w.]/.test(char)) {
      let end = at + 1;
      while (end < text.length && /[\w.]/.test(text[end] as string)) end++;
      tokens.push({ text: text.slice(at, end), line });
      at = end;
    } else {
      tokens.push({ text: char, line });
      at++;
    }
  }
  return tokens;
}

/**
 * The HTTP rules of one file: in each `service`, each `rpc` whose options hold `(google.api.http)`,
 * its verb and path, and those of its `additional_bindings` (a `custom` rule's `kind` and `path` too).
 */
export function httpRulesOf(file: string, text: string): ProtoHttpRule[] {
  const tokens = tokensOf(text);
  const rules: ProtoHttpRule[] = [];
  let protoPackage = '';
  let service: string | undefined;
  let serviceDepth = -1;
  let rpc: string | undefined;
  let rpcDepth = -1;
  let httpDepth = -1;
  let depth = 0;
  /** Inside a `custom { kind: "HEAD" path: "/x" }` rule: what it has said so far. */
  let custom: { depth: number; kind?: string; path?: string; line: number } | undefined;
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at] as Token;
    const next = tokens[at + 1];
    if (token.string) continue;
    if (token.text === '{') {
      depth++;
      continue;
    }
    if (token.text === '}') {
      if (custom && depth === custom.depth) {
        if (custom.kind && custom.path !== undefined && service && rpc) rules.push({ file, protoPackage, service, rpc, method: custom.kind.toUpperCase(), template: custom.path, line: custom.line });
        custom = undefined;
      }
      if (depth === httpDepth) httpDepth = -1;
      if (depth === rpcDepth) rpc = undefined;
      if (depth === serviceDepth) service = undefined;
      depth--;
      continue;
    }
    if (token.text === 'package' && next && !next.string && depth === 0) {
      protoPackage = next.text;
    } else if (token.text === 'service' && next && !next.string && depth === 0) {
      service = next.text;
      serviceDepth = depth + 1;
    } else if (token.text === 'rpc' && next && !next.string && service && depth === serviceDepth) {
      rpc = next.text;
      rpcDepth = depth + 1;
    } else if (token.text === 'google.api.http' && rpc && tokens[at + 1]?.text === ')' && tokens[at + 2]?.text === '=' && tokens[at + 3]?.text === '{') {
      httpDepth = depth + 1;
    } else if (httpDepth >= 0 && token.text === 'custom' && (tokens[at + 1]?.text === '{' || (tokens[at + 1]?.text === ':' && tokens[at + 2]?.text === '{'))) {
      custom = { depth: depth + 1, line: token.line };
    } else if (httpDepth >= 0 && tokens[at + 1]?.text === ':' && tokens[at + 2]?.string) {
      const value = (tokens[at + 2] as Token).text;
      if (custom && depth === custom.depth && (token.text === 'kind' || token.text === 'path')) custom[token.text] = value;
      else if (HTTP_VERBS.has(token.text) && service && rpc) rules.push({ file, protoPackage, service, rpc, method: token.text.toUpperCase(), template: value, line: token.line });
    }
  }
  return rules;
}

/**
 * A path template of an HTTP rule as a route's path: a variable bound to segments stands in the
 * path as those segments, each `*` (and `**`) a placeholder named after its field (`/v1/{name=shelves/*}`
 * → `/v1/shelves/{name}`); a plain variable stays (`{id}`); the verb after `:` is the path's own.
 */
export function templatePath(template: string): string {
  let path = '';
  for (let at = 0; at < template.length; ) {
    const open = template.indexOf('{', at);
    if (open < 0) {
      path += template.slice(at);
      break;
    }
    const close = template.indexOf('}', open);
    if (close < 0) return template;
    path += template.slice(at, open);
    const variable = template.slice(open + 1, close);
    const equals = variable.indexOf('=');
    const field = (equals < 0 ? variable : variable.slice(0, equals)).trim();
    const name = field.slice(field.lastIndexOf('.') + 1);
    // Several wildcards bound to one field each get a placeholder of their own: `{name}`, `{name_2}`.
    let wildcards = 0;
    path += equals < 0 ? `{${name}}` : variable.slice(equals + 1).split('/').map((segment) => (segment === '*' || segment === '**' ? `{${name}${++wildcards > 1 ? `_${wildcards}` : ''}}` : segment)).join('/');
    at = close + 1;
  }
  return path;
}

/**
 * The routes of the HTTP rules, when the workspace imports a package of the framework that serves
 * them: each RPC's handler is the method of that name of the type registered as the service's
 * server (the last argument of a registration call: `RegisterAuthServiceHandlerServer(ctx, mux, s)`),
 * else of the one implementation of its server interface that is no generated stub.
 */
export async function protoRoutes(index: SymbolIndex, interfaces: readonly InterfaceImplementations[], rules: readonly ProtoHttpRule[], frameworks: readonly ProtoHttpRules[], turns = new Turns()): Promise<{ routes: Route[]; findings: Finding[] }> {
  const routes: Route[] = [];
  const findings: Finding[] = [];
  if (!rules.length) return { routes, findings };
  const framework = frameworks.find(({ packages }) => index.files().some((file) => file.imports.some((statement) => packages.includes(statement.module))));
  if (!framework) return { routes, findings };
  // A service name two packages declare (`api.v1.UserService`, `api.v2.UserService`) is told apart by neither the
  // generated names nor the registrations read here: no route rather than one served by the other version.
  const packagesOf = new Map<string, Set<string>>();
  for (const rule of rules) packagesOf.set(rule.service, (packagesOf.get(rule.service) ?? new Set()).add(rule.protoPackage));
  const served = rules.filter((rule) => packagesOf.get(rule.service)?.size === 1);
  const handed = registeredServers(index, framework, new Set(served.map((rule) => rule.service)));
  const servers = new Map<string, string | undefined>();
  await turns.each(served, (rule) => {
    if (!servers.has(rule.service)) servers.set(rule.service, serverOf(interfaces, framework, rule.service, handed.get(rule.service)));
    const server = servers.get(rule.service);
    const handler = server ? index.methodOrInherited(server, rule.rpc) : undefined;
    const definition = handler ? index.definition(handler) : undefined;
    if (!handler || !definition) return;
    const path = normalizeRoutePath(templatePath(rule.template));
    routes.push({ method: rule.method, path, handler, framework: framework.framework, source: { path: rule.file, line: rule.line } });
    findings.push({ category: 'route', symbol: handler, range: definition.range, layer: '', details: { rule: 'proto-http-rule', framework: framework.framework, method: rule.method.toLowerCase(), path } });
  });
  return { routes, findings };
}

function named(pattern: string, service: string): string {
  return pattern.split('{service}').join(service);
}

/** By service: the types the workspace's registration calls hand over as its server (`RegisterAuthServiceHandlerServer(ctx, mux, s)`, `s *APIV1Service`). */
function registeredServers(index: SymbolIndex, framework: ProtoHttpRules, services: ReadonlySet<string>): Map<string, Set<string>> {
  const serviceOf = new Map<string, string>();
  for (const service of services) for (const pattern of framework.registrations) serviceOf.set(named(pattern, service), service);
  const handed = new Map<string, Set<string>>();
  for (const file of index.files()) {
    for (const definition of file.symbols) {
      for (const call of definition.calls ?? []) {
        const service = serviceOf.get(call.callee.slice(call.callee.lastIndexOf('.') + 1));
        const given = service ? call.arguments?.[call.arguments.length - 1] : undefined;
        if (!service || !given) continue;
        const written = definition.parameters?.find((parameter) => parameter.name === given)?.annotation ?? definition.locals?.find((local) => local.name === given)?.type;
        const type = written ? index.resolve(file.path, written.replace(/^\*/, '')) : undefined;
        if (!type || index.definition(type)?.kind !== 'class') continue;
        let types = handed.get(service);
        if (!types) handed.set(service, (types = new Set()));
        types.add(type);
      }
    }
  }
  return handed;
}

/** The type that serves a service's RPCs: the one its registration is handed, else its server interface's only implementation that is no stub. */
function serverOf(interfaces: readonly InterfaceImplementations[], framework: ProtoHttpRules, service: string, handed: ReadonlySet<string> | undefined): string | undefined {
  if (handed?.size === 1) return [...handed][0];
  const serverInterface = named(framework.serverInterface, service);
  const stub = named(framework.stub, service);
  const declared = interfaces.filter((entry) => SymbolId.parse(entry.base).name === serverInterface);
  const implementations = declared.length === 1 ? (declared[0]?.implementations ?? []) : [];
  const served = implementations.filter((implementation) => SymbolId.parse(implementation).name !== stub);
  return served.length === 1 ? served[0] : undefined;
}
