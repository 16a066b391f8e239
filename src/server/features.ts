/**
 * What the LSP server answers, as plain functions of a result: hover, CodeLens, diagnostics, code
 * actions and workspace symbols, in LSP's own types (the same as the extension shows through VS
 * Code's API). Nothing here reads a file or talks to a client.
 */
import { pathToFileURL } from 'node:url';
import { CodeAction, CodeActionKind, type CodeLens, type Diagnostic, DiagnosticSeverity, type Range, SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import { findRoute } from '../core/analyze';
import { renderTraceHover } from '../core/render/traceHover';
import { stepMarks } from '../core/render/trace';
import { plainText } from '../core/render/escape';
import { AnalysisResult, type Route, SymbolId, type Trace, type TraceStep } from '../core/result';
import { Commands } from '../protocol/protocol';
import type { ProblemSeverity } from '../core/check/problems';
import type { ConfigProblem } from '../node/workspaceConfig';
import { t } from './localization';

/** The `file:` URI of a workspace file. */
export function fileUri(root: string, path: string): string {
  return pathToFileURL(`${root.replace(/\/$/, '')}/${path}`).href;
}

function lineRange(line: number, from = 0, to = 0): Range {
  return { start: { line, character: from }, end: { line, character: to } };
}

export function routeKey(route: Route): string {
  return `${route.method} ${route.path}`;
}

/** The routes declared at a line of a file: on the decorator block, the `def` (or method) line, or a `path(...)` entry. */
export function routesAtLine(result: AnalysisResult, path: string, line: number, lineText: (line: number) => string | undefined): Route[] {
  return result.routes.filter((route) => route.source?.path === path && line >= route.source.line && line <= declarationEnd(lineText, route.source.line));
}

/** The last line of a route's declaration: through its decorators to the `def` line, or the line itself (as the extension's hover reads it). */
function declarationEnd(lineText: (line: number) => string | undefined, start: number): number {
  for (let line = start; line < start + 30; line++) {
    const text = lineText(line);
    if (text === undefined) return start;
    if (/^\s*(async\s+)?def\s/.test(text)) return line;
    // TypeScript: the method under its decorators (`@Get(':id')` then `findOne(@Param('id') id) {`).
    if (line > start && /^\s*(?:(?:public|private|protected|static|async|override)\s+)*[A-Za-z_$][\w$]*\s*(?:<[^>]*>\s*)?\(/.test(text)) return line;
    if (line > start && !/^\s*(@|\)|,|\w+\s*=|["'])/.test(text) && !/^\s*$/.test(text)) return start;
  }
  return start;
}

/** A hover's Markdown for the traces of the routes under the cursor: each step a link to where it is; VS Code's command links only for the extension. */
export function traceHoverMarkdown(traces: readonly Trace[], root: string, commandLinks = false): string {
  const words = {
    steps: (count: number) => t('{0} steps', count),
    marks: (step: TraceStep) => stepMarks(step, t),
    more: (count: number) => (commandLinks ? t('{0} more in Step through', count) : t('{0} more (archtrace/trace has them all)', count)),
    stepThrough: t('Step through'),
    sequenceDiagram: t('Sequence diagram'),
  };
  return traces.map((trace) => renderTraceHover(trace, root, words, (absolute) => pathToFileURL(absolute).href, commandLinks)).join('\n---\n\n');
}

export interface LensSettings {
  roles: boolean;
  trace: boolean;
}

/** "Trace POST /orders" above each route declaration; the layer role above each class, and each function the analysis found something about. */
export function codeLenses(result: AnalysisResult, path: string, uri: string, definitions: readonly { name: string; kind: string; line: number }[], settings: LensSettings): CodeLens[] {
  const lenses: CodeLens[] = [];
  if (settings.trace) {
    for (const route of result.routes) {
      if (route.source?.path !== path) continue;
      lenses.push({ range: lineRange(route.source.line), command: { title: t('Trace {0}', plainText(routeKey(route))), command: Commands.trace, arguments: [result.root, routeKey(route)] } });
    }
  }
  const layer = settings.roles ? result.files.find((file) => file.path === path)?.layer : undefined;
  if (!layer) return lenses;
  const categories = new Map<string, Set<string>>();
  for (const finding of AnalysisResult.findingsIn(result, path)) {
    const name = finding.symbol.slice(path.length + 1);
    categories.set(name, (categories.get(name) ?? new Set()).add(finding.category));
  }
  const implementations = new Map(result.interfaces.filter((entry) => entry.base.startsWith(`${path}:`)).map((entry) => [entry.base.slice(path.length + 1), entry.implementations.length]));
  for (const definition of definitions) {
    const roles = [...(categories.get(definition.name) ?? [])];
    if (definition.kind !== 'class' && !roles.length) continue;
    const count = implementations.get(definition.name);
    const title = [layer, ...roles].join(' · ') + (count !== undefined ? ` · ${count === 1 ? t('1 implementation') : t('{0} implementations', count)}` : '');
    lenses.push({ range: lineRange(definition.line), command: { title, command: Commands.showLayer, arguments: [uri] } });
  }
  return lenses;
}

/** The whole line: LSP's largest character (a uinteger), which clients clamp to the line's end. */
const END_OF_LINE = 2 ** 31 - 1;

/** The code N+1 diagnostics carry, which their quick fix answers. */
const N_PLUS_ONE = 'n-plus-one';
/** The code of a problem in the team's configuration or rules, and its section of docs/diagnostics.md. */
const CONFIG_PROBLEM = 'configuration';

/**
 * Every problem of a result, by workspace-relative path: layer violations on the importing line,
 * N+1 queries on the read that queries once per item (the loop as related information). Each code
 * links to its explanation in `docs/diagnostics.md` (`explanations`: that file's URI).
 */
export function diagnosticsOf(result: AnalysisResult, explanations: string, severities: Readonly<Record<string, ProblemSeverity>> = {}): Map<string, Diagnostic[]> {
  const byPath = new Map<string, Diagnostic[]>();
  // As `archtrace check` counts them: the team's severity per rule, a warning when it sets none.
  const add = (path: string, diagnostic: Diagnostic) => {
    const severity = severities[String(diagnostic.code)];
    if (severity === 'off') return;
    if (severity === 'error') diagnostic.severity = DiagnosticSeverity.Error;
    const list = byPath.get(path);
    if (list) list.push(diagnostic);
    else byPath.set(path, [diagnostic]);
  };
  for (const violation of result.violations) {
    add(violation.path, {
      range: lineRange(violation.line, 0, END_OF_LINE),
      severity: DiagnosticSeverity.Warning,
      source: 'ArchTrace',
      code: violation.rule,
      codeDescription: { href: `${explanations}#${violation.rule}` },
      message: `${violation.message} (${violation.imported})`,
    });
  }
  for (const warning of result.queryWarnings) {
    const { line, character } = warning.access;
    add(warning.path, {
      range: lineRange(line, character, character + warning.read.length),
      severity: DiagnosticSeverity.Warning,
      source: 'ArchTrace',
      code: N_PLUS_ONE,
      codeDescription: { href: `${explanations}#${N_PLUS_ONE}` },
      message: warning.message,
      relatedInformation: [{ location: { uri: fileUri(result.root, warning.path), range: lineRange(warning.loop.line, warning.loop.character, warning.loop.character) }, message: t('the loop over the query') }],
    });
  }
  return byPath;
}

/** What is wrong in the team's archtrace.yml and rules, as errors on those files (the analysis went on without them). */
export function configDiagnosticsOf(problems: readonly ConfigProblem[], explanations: string): Map<string, Diagnostic[]> {
  const byPath = new Map<string, Diagnostic[]>();
  for (const problem of problems) {
    const diagnostic: Diagnostic = {
      range: lineRange(problem.line ?? 0, problem.character ?? 0, END_OF_LINE),
      severity: DiagnosticSeverity.Error,
      source: 'ArchTrace',
      code: CONFIG_PROBLEM,
      codeDescription: { href: `${explanations}#${CONFIG_PROBLEM}` },
      message: problem.message,
    };
    byPath.set(problem.file, [...(byPath.get(problem.file) ?? []), diagnostic]);
  }
  return byPath;
}

/**
 * The N+1 quick fixes for a range of a file: one for each warning the core offers a fix for
 * (`insertAt`: where the loading call is appended to the query the loop iterates) whose read is in
 * the range or among the client's diagnostics.
 */
export function codeActions(result: AnalysisResult, path: string, uri: string, range: Range, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const warning of result.queryWarnings) {
    if (warning.path !== path || !warning.insertAt) continue;
    const { line, character } = warning.access;
    const diagnostic = diagnostics.find((candidate) => candidate.code === N_PLUS_ONE && candidate.range.start.line === line && candidate.range.start.character === character);
    const inRange = (line > range.start.line || (line === range.start.line && character >= range.start.character)) && (line < range.end.line || (line === range.end.line && character <= range.end.character));
    if (!diagnostic && !inRange) continue;
    const at = warning.insertAt;
    const action = CodeAction.create(`Load ${warning.relation} with the query: add .${warning.fix}`, { changes: { [uri]: [{ range: lineRange(at.line, at.character, at.character), newText: `.${warning.fix}` }] } }, CodeActionKind.QuickFix);
    if (diagnostic) action.diagnostics = [diagnostic];
    action.isPreferred = true;
    actions.push(action);
  }
  return actions;
}

/** Where a workspace symbol is defined (0-based line), when the index knows it. */
export type DefinitionLine = (symbol: SymbolId) => number | undefined;

/**
 * Routes (`GET /orders`, found by their method and path, handler, or as a request is sent:
 * `GET /orders/42`) and interfaces (by name) whose text holds every word of the query, each at
 * its handler's or its own definition.
 */
export function workspaceSymbols(result: AnalysisResult, query: string, definitionLine: DefinitionLine, limit = 200): SymbolInformation[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (text: string) => words.every((word) => text.includes(word));
  const symbols: { exact: boolean; symbol: SymbolInformation }[] = [];
  const requested = words.length === 2 ? findRoute(result.routes, query) : undefined;
  const at = (symbol: SymbolId, fallback?: { path: string; line: number }) => {
    const { path } = SymbolId.parse(symbol);
    const line = definitionLine(symbol);
    return line !== undefined ? { uri: fileUri(result.root, path), range: lineRange(line) } : fallback ? { uri: fileUri(result.root, fallback.path), range: lineRange(fallback.line) } : { uri: fileUri(result.root, path), range: lineRange(0) };
  };
  for (const route of result.routes) {
    const name = routeKey(route);
    const handler = SymbolId.label(route.handler);
    if (route !== requested && !matches(`${name} ${handler}`.toLowerCase())) continue;
    symbols.push({ exact: route === requested || name.toLowerCase() === query.trim().toLowerCase(), symbol: { name, kind: SymbolKind.Function, location: at(route.handler, route.source), containerName: `${handler} (${route.framework})` } });
  }
  for (const entry of result.interfaces) {
    const name = SymbolId.parse(entry.base).name;
    if (!matches(name.toLowerCase())) continue;
    const count = entry.implementations.length;
    symbols.push({ exact: name.toLowerCase() === query.trim().toLowerCase(), symbol: { name, kind: SymbolKind.Interface, location: at(entry.base), containerName: count === 1 ? t('1 implementation') : t('{0} implementations', count) } });
    for (const implementation of entry.implementations) {
      symbols.push({ exact: false, symbol: { name: SymbolId.parse(implementation).name, kind: SymbolKind.Class, location: at(implementation), containerName: t('implements {0}', name) } });
    }
  }
  // The exact match first (`GET /orders` before `GET /orders/{id}`), the rest as found.
  return symbols
    .sort((a, b) => Number(b.exact) - Number(a.exact))
    .slice(0, limit)
    .map((entry) => entry.symbol);
}
