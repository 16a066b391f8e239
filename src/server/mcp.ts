import { isAbsolute, relative, resolve } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { type Analysis, findRoute } from '../core/analyze';
import { buildChecklist } from '../core/checklist/checklist';
import { ChecklistProgress } from '../core/checklist/progress';
import { renderStudyGuide } from '../core/render/report';
import { stepLabel, stepMarks } from '../core/render/trace';
import { describeKind, evidenceByWeight, QUESTION_TITLES } from '../core/render/text';
import { AnalysisResult, type FindingCategory, SymbolId, type TraceStep } from '../core/result';
import { FolderSession, type Logger } from './session';

/** Lists are cut to this many entries unless the caller asks for more (at most `MAX_LIMIT`): an answer must fit a model's context. */
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;
/** A trace's steps shown at most. */
const MAX_TRACE_STEPS = 80;

const page = { limit: z.number().int().min(1).max(MAX_LIMIT).optional().describe(`entries to return (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT})`), offset: z.number().int().min(0).optional().describe('entries to skip (for the next page)') };

type ToolAnswer = { content: { type: 'text'; text: string }[]; isError?: boolean };

const answer = (text: string): ToolAnswer => ({ content: [{ type: 'text', text }] });
const refusal = (text: string): ToolAnswer => ({ content: [{ type: 'text', text }], isError: true });

/** A page of a list, and the line that says what was left out and how to get it. */
function paginate<T>(items: readonly T[], limit = DEFAULT_LIMIT, offset = 0): { items: readonly T[]; footer: string } {
  const shown = items.slice(offset, offset + limit);
  const end = offset + shown.length;
  const footer = end < items.length ? `(partial: ${offset + 1}–${end} of ${items.length}; pass offset ${end} for more)` : offset > 0 ? `(${offset + 1}–${end} of ${items.length})` : '';
  return { items: shown, footer };
}

function lines(title: string, body: readonly string[], footer: string): string {
  return [title, ...body, ...(footer ? [footer] : [])].join('\n');
}

/**
 * ArchTrace for coding agents: an MCP server on stdio over one workspace folder, with tools whose
 * answers are short text naming files relative to the folder (`path:line`, 1-based), lists
 * paginated, a partial answer saying so. The analysis is the LSP server's (`FolderSession`): made
 * at start, answered from while newer ones are made.
 */
export async function runMcpServer(root: string, log: Logger): Promise<void> {
  const session = new FolderSession({ root, settings: {}, log });
  session.start();
  const server = new McpServer({ name: 'archtrace', version: '0.1.0' }, { instructions: `ArchTrace's static analysis of the backend repository at ${root}: its kind, layers, routes with their traces through the layers, interfaces, extension points, data model and layer violations. Paths are relative to that folder; lines are 1-based.` });
  const analysis = async (): Promise<Analysis> => session.analysis();

  /** `path:line` of a workspace symbol: its definition, when the index knows it. */
  const where = (current: Analysis, symbol: string, fallback?: { path: string; line: number }): string => {
    const { path, name } = SymbolId.parse(symbol);
    const definition = current.definitionsIn(path).find((candidate) => candidate.name === name);
    if (definition) return `${path}:${definition.line + 1}`;
    return fallback ? `${fallback.path}:${fallback.line + 1}` : path;
  };

  /** A workspace path as the caller wrote it (relative, or absolute inside the folder), or a refusal. */
  const workspacePath = (written: string): string | ToolAnswer => {
    const absolute = isAbsolute(written) ? resolve(written) : resolve(root, written);
    const path = relative(root, absolute).split('\\').join('/');
    if (!path || path.startsWith('..') || isAbsolute(path)) return refusal(`'${written}' is outside the workspace ${root}`);
    return path;
  };

  server.registerTool(
    'classify_repository',
    { title: 'Classify the repository', description: 'The kind of repository (framework, business service or library) with the evidence that decided it, mixed parts, and counts of what the analysis found.', inputSchema: {} },
    async () => {
      const { result } = await analysis();
      const { kind } = result;
      // Question by question, heaviest first, as every renderer shows it: the first twelve are the ones that weigh.
      const evidence = evidenceByWeight(kind).slice(0, 12).map((item) => `- ${QUESTION_TITLES[item.question]}: ${item.signal} → ${item.favours} (weight ${item.weight}) at ${item.path}`);
      const layers = new Map<string, number>();
      for (const file of result.files) layers.set(file.layer, (layers.get(file.layer) ?? 0) + 1);
      return answer(
        [
          `kind: ${describeKind(kind)}`,
          ...(kind.parts.length ? [`mixed parts: ${kind.parts.map((part) => `${part.path} (${part.kind})`).join(', ')}`] : []),
          `evidence${kind.evidence.length > 12 ? ` (12 of ${kind.evidence.length})` : ''}:`,
          ...evidence,
          `files: ${result.files.length} (${[...layers].map(([layer, count]) => `${layer} ${count}`).join(', ')})`,
          `routes: ${result.routes.length}; interfaces: ${result.interfaces.length}; findings: ${result.findings.length}; entities: ${result.dataModel.entities.length}; layer violations: ${result.violations.length}; N+1 queries: ${result.queryWarnings.length}; skipped files: ${result.skipped.length}`,
        ].join('\n'),
      );
    },
  );

  server.registerTool(
    'list_routes',
    {
      title: 'List routes',
      description: 'HTTP routes with their full paths and where their handlers are. Filter by path (a part of it, or a request such as "/orders/42"), method and file.',
      inputSchema: { path: z.string().optional().describe('a part of the route path, or a concrete request path'), method: z.string().optional().describe('GET, POST, …'), file: z.string().optional().describe("the handler's or the declaration's file, relative to the workspace"), ...page },
    },
    async ({ path, method, file, limit, offset }) => {
      const current = await analysis();
      const wantedFile = file === undefined ? undefined : workspacePath(file);
      if (typeof wantedFile === 'object') return wantedFile;
      const routes = current.result.routes.filter((route) => {
        if (method && route.method !== method.toUpperCase() && route.method !== 'ANY') return false;
        if (wantedFile && SymbolId.parse(route.handler).path !== wantedFile && route.source?.path !== wantedFile) return false;
        if (path && !route.path.includes(path) && findRoute([route], `${route.method} ${path}`) !== route) return false;
        return true;
      });
      const { items, footer } = paginate(routes, limit, offset);
      return answer(lines(`${routes.length} route(s)${routes.length < current.result.routes.length ? ` of ${current.result.routes.length}` : ''}:`, items.map((route) => `${route.method} ${route.path} → ${SymbolId.label(route.handler)} at ${where(current, route.handler, route.source)} [${route.framework}]`), footer));
    },
  );

  server.registerTool(
    'trace_route',
    {
      title: 'Trace a route',
      description: "The path of a request through the layers: the handler, injected dependencies, services, domain objects, repositories, the database, queued tasks and published events, each with its layer and where it is called. The route as 'METHOD /path' (a request such as 'DELETE /orders/42' finds 'DELETE /orders/{id}').",
      inputSchema: { route: z.string().describe("'METHOD /path'"), types: z.boolean().optional().describe('ask the TypeScript compiler about calls syntax cannot follow (default true; slower the first time)') },
    },
    async ({ route, types }) => {
      const current = await analysis();
      if (!/^\s*[A-Za-z]+\s+\/\S*\s*$/.test(route)) return refusal(`'${route}' is not a route: write "METHOD /path", such as "POST /orders"`);
      const trace = await session.trace(route, types === false ? { types: false } : {});
      if (!trace) {
        const known = current.result.routes.slice(0, 10).map((candidate) => `${candidate.method} ${candidate.path}`);
        return refusal(`no route '${route}' in the workspace${known.length ? `; routes include: ${known.join(', ')}` : '; it has no routes'}`);
      }
      const steps = trace.steps.slice(0, MAX_TRACE_STEPS).map((step) => `${'  '.repeat(step.depth ?? 0)}${step.layer} ${stepText(step)}`);
      const cut = trace.steps.length > MAX_TRACE_STEPS ? `(partial: ${MAX_TRACE_STEPS} of ${trace.steps.length} steps)` : '';
      return answer(lines(`${trace.route} — ${trace.steps.length} steps (layer, callee, how it is reached, where):`, steps, cut));
    },
  );

  server.registerTool(
    'layer_of',
    { title: 'Layer of a file or symbol', description: "A file's layer role (api, application, domain, infrastructure, …) with why and how sure, and what the analysis found in it; or a symbol's ('path:Class.method', or a class or function name).", inputSchema: { target: z.string().describe("a file path relative to the workspace, a symbol id 'path:Name', or a name") } },
    async ({ target }) => {
      const current = await analysis();
      const { result } = current;
      let path: string | undefined;
      let name: string | undefined;
      if (target.includes(':') && !isAbsolute(target)) ({ path, name } = SymbolId.parse(target));
      else if (/[/\\]|\.\w+$/.test(target)) {
        const resolved = workspacePath(target);
        if (typeof resolved === 'object') return resolved;
        path = resolved;
      } else {
        // A bare name: the files that define it.
        const defining = result.findings.filter((finding) => SymbolId.parse(finding.symbol).name === target || SymbolId.parse(finding.symbol).name.endsWith(`.${target}`));
        const fromIndex = defining.length ? [] : result.files.filter((file) => current.definitionsIn(file.path).some((definition) => definition.name === target));
        const paths = [...new Set([...defining.map((finding) => SymbolId.parse(finding.symbol).path), ...fromIndex.map((file) => file.path)])];
        if (!paths.length) return refusal(`no symbol named '${target}' found; give a file path or 'path:Name'`);
        if (paths.length > 1) return answer(`'${target}' is defined in ${paths.length} files; ask for one: ${paths.slice(0, 20).join(', ')}`);
        path = paths[0];
        name = target;
      }
      const file = result.files.find((entry) => entry.path === path);
      if (!file || path === undefined) return refusal(`'${path ?? target}' is not a file the analysis read (not a source file, excluded, or skipped)`);
      const findings = AnalysisResult.findingsIn(result, path).filter((finding) => !name || SymbolId.parse(finding.symbol).name === name);
      return answer(
        [
          `${path}${name ? `:${name}` : ''}: layer ${file.layer} (${file.confidence})`,
          `why: ${file.reasons.join('; ') || 'the default for the kind'}`,
          ...findings.slice(0, 30).map((finding) => `- ${finding.category}: ${SymbolId.parse(finding.symbol).name} at ${path}:${finding.range.start.line + 1}`),
        ].join('\n'),
      );
    },
  );

  server.registerTool(
    'find_implementations',
    { title: 'Find implementations', description: 'Interfaces (and abstract classes, protocols) with the classes that implement them, where each is defined. Filter by a part of the interface name.', inputSchema: { interface: z.string().optional().describe('a part of the interface name'), ...page } },
    async ({ interface: wanted, limit, offset }) => {
      const current = await analysis();
      const entries = current.result.interfaces.filter((entry) => !wanted || SymbolId.parse(entry.base).name.toLowerCase().includes(wanted.toLowerCase()));
      if (wanted && !entries.length) return refusal(`no interface whose name contains '${wanted}'; ${current.result.interfaces.length} interface(s) known`);
      const { items, footer } = paginate(entries, limit, offset);
      return answer(
        lines(
          `${entries.length} interface(s):`,
          items.map((entry) => `${SymbolId.parse(entry.base).name} at ${where(current, entry.base)}: ${entry.implementations.length ? entry.implementations.map((implementation) => `${SymbolId.parse(implementation).name} (${where(current, implementation)})`).join(', ') : 'no implementation in the workspace'}`),
          footer,
        ),
      );
    },
  );

  server.registerTool(
    'list_extension_points',
    {
      title: 'List extension points',
      description: "What the code hooks into its framework or builds on: middleware, decorators, signals and receivers, managers, models, repositories, tasks, events (and the interfaces), each with its layer and where it is.",
      inputSchema: { category: z.enum(['middleware', 'decorator', 'signal', 'receiver', 'manager', 'model', 'repository', 'interface', 'task', 'event']).optional(), file: z.string().optional().describe('only this file (relative to the workspace)'), ...page },
    },
    async ({ category, file, limit, offset }) => {
      const current = await analysis();
      const wantedFile = file === undefined ? undefined : workspacePath(file);
      if (typeof wantedFile === 'object') return wantedFile;
      const findings = current.result.findings.filter((finding) => finding.category !== 'route' && (!category || finding.category === (category as FindingCategory)) && (!wantedFile || SymbolId.parse(finding.symbol).path === wantedFile));
      const { items, footer } = paginate(findings, limit, offset);
      return answer(lines(`${findings.length} extension point(s):`, items.map((finding) => `${finding.category}: ${SymbolId.label(finding.symbol)} at ${SymbolId.parse(finding.symbol).path}:${finding.range.start.line + 1} (${finding.layer})`), footer));
    },
  );

  server.registerTool(
    'data_model',
    { title: 'Data model', description: 'Entities (ORM models, SQL tables, Prisma models): without an entity, the list; with one, its columns, business rules, index hints and relationships to its neighbours.', inputSchema: { entity: z.string().optional().describe('an entity or table name'), ...page } },
    async ({ entity, limit, offset }) => {
      const { result } = await analysis();
      const { entities, relationships } = result.dataModel;
      if (!entity) {
        const { items, footer } = paginate(entities, limit, offset);
        return answer(lines(`${entities.length} entit${entities.length === 1 ? 'y' : 'ies'}:`, items.map((item) => `${item.name} (table ${item.table}, ${item.columns.length} columns, ${item.source}) at ${item.location.path}:${item.location.line + 1}`), footer));
      }
      const wanted = entity.toLowerCase();
      const found = entities.find((item) => item.name.toLowerCase() === wanted || item.table.toLowerCase() === wanted);
      if (!found) return refusal(`no entity '${entity}'; entities include: ${entities.slice(0, 15).map((item) => item.name).join(', ') || 'none'}`);
      const related = relationships.filter((relation) => relation.from === found.name || relation.to === found.name);
      return answer(
        [
          `${found.name} (table ${found.table}, ${found.source}) at ${found.location.path}:${found.location.line + 1}`,
          'columns:',
          ...found.columns.map((column) => `- ${column.name}: ${column.type}${column.primaryKey ? ', primary key' : ''}${column.nullable ? ', nullable' : ''}${column.unique ? ', unique' : ''}${column.references ? `, → ${column.references.entity}` : ''}`),
          ...(found.rules.length ? ['rules:', ...found.rules.map((rule) => `- ${rule.text} (${rule.location.path}:${rule.location.line + 1})`)] : []),
          ...(found.hints.length ? ['hints:', ...found.hints.map((hint) => `- ${hint.text} (${hint.location.path}:${hint.location.line + 1})`)] : []),
          ...(related.length ? ['relationships:', ...related.map((relation) => `- ${relation.from}.${relation.field} → ${relation.to} (${relation.cardinality}${relation.required ? ', required' : ''}${relation.onDelete ? `, on delete ${relation.onDelete}` : ''}) at ${relation.location.path}:${relation.location.line + 1}`)] : []),
        ].join('\n'),
      );
    },
  );

  server.registerTool(
    'layer_violations',
    { title: 'Layer violations', description: "Imports a business service's layers should not have (the domain importing the infrastructure, the API reaching a repository directly), and the N+1 queries found; checked for services.", inputSchema: { ...page } },
    async ({ limit, offset }) => {
      const { result } = await analysis();
      const problems = [
        ...result.violations.map((violation) => `${violation.rule} at ${violation.path}:${violation.line + 1}: ${violation.message} (imports ${violation.imported})`),
        ...result.queryWarnings.map((warning) => `n-plus-one at ${warning.path}:${warning.access.line + 1}: ${warning.message}`),
      ];
      const { items, footer } = paginate(problems, limit, offset);
      const checked = result.kind.kind === 'service' ? '' : ` (layer rules are checked for business services; this is a ${result.kind.kind})`;
      return answer(lines(`${result.violations.length} layer violation(s), ${result.queryWarnings.length} N+1 quer${result.queryWarnings.length === 1 ? 'y' : 'ies'}${checked}:`, items, footer));
    },
  );

  server.registerTool(
    'study_guide',
    { title: 'Study guide', description: "A section of the study guide for newcomers: the report (kind, layers, the architecture map in Mermaid, routes, extension points, data model) and the study checklist. Without a section, the sections' names.", inputSchema: { section: z.string().optional().describe('a section title, or a part of it') } },
    async ({ section }) => {
      const analysed = await analysis();
      const { result } = analysed;
      const guide = renderStudyGuide(result, buildChecklist(result), ChecklistProgress.empty(), analysed.architectureMap());
      const sections = splitSections(guide);
      if (!section) return answer(`sections: ${sections.map((entry) => `${entry.title} (${entry.text.split('\n').length} lines)`).join('; ')}`);
      const found = sections.find((entry) => entry.title.toLowerCase() === section.toLowerCase()) ?? sections.find((entry) => entry.title.toLowerCase().includes(section.toLowerCase()));
      if (!found) return refusal(`no section '${section}'; sections: ${sections.map((entry) => entry.title).join('; ')}`);
      const cut = found.text.length > 12_000 ? `${found.text.slice(0, 12_000)}\n(partial: the first 12,000 of ${found.text.length} characters)` : found.text;
      return answer(cut);
    },
  );

  const transport = new StdioServerTransport();
  transport.onclose = () => session.dispose();
  await server.connect(transport);
}

function stepText(step: TraceStep): string {
  const marks = stepMarks(step);
  const { path } = SymbolId.parse(step.symbol);
  const at = step.external || step.unresolved ? (step.site ? ` (called at ${step.site.path}:${step.site.line + 1})` : '') : ` at ${path}:${step.line + 1}`;
  return `${stepLabel(step)}${marks.length ? ` [${marks.join(', ')}]` : ''}${at}${step.implementations?.length ? ` (implementations: ${step.implementations.map((implementation) => SymbolId.label(implementation)).join(', ')})` : ''}`;
}

/** The guide's `##` sections (the title's part before them as "Overview"). */
function splitSections(markdown: string): { title: string; text: string }[] {
  const sections: { title: string; text: string }[] = [];
  let current = { title: 'Overview', text: '' };
  for (const line of markdown.split('\n')) {
    const heading = /^## (.+)$/.exec(line);
    if (heading?.[1]) {
      if (current.text.trim()) sections.push(current);
      current = { title: heading[1].trim(), text: `${line}\n` };
    } else current.text += `${line}\n`;
  }
  if (current.text.trim()) sections.push(current);
  return sections;
}
