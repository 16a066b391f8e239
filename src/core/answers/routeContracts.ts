import type { SymbolDefinition } from '../parse/facts';
import { type AnswerFact, type AnswerPart, SymbolId } from '../result';
import { type AnswerContext, answerPart, fact, firstFileOf, gap, locationOf } from './context';
import { studyRoutes } from './flow';
import { say } from './phrases';

/** A decorator's or a parameter's text longer than this is cut: it is the workspace's text. */
const MAX_TERM = 60;

/** The names a handler's request parameter has by convention (Django's and Starlette's `request`, Express's `req`); Flask's `request` is a global of the same name. */
const REQUEST_NAMES = new Set(['request', 'req']);

/** The bases of the classes a framework validates a request body into (Pydantic's, SQLModel's, msgspec's). */
const BODY_MODELS = /^(pydantic(\.main)?\.BaseModel|sqlmodel(\.main)?\.SQLModel|msgspec\.Struct)$/;

/** The keywords of a route decorator that say what the route answers (FastAPI's path operation parameters). */
const RESPONSE_KEYWORDS = ['response_model', 'status_code', 'response_class'];

/** HTTP methods a condition on the request's method names (`request.method == "POST"`). */
const METHOD_WORDS = /\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g;

/** Handlers told at most: the question asks it of each route, so the part lists far more than an answer's usual facts. */
const MAX_ROUTE_CONTRACTS = 200;

const cut = (text: string) => (text.length > MAX_TERM ? `${text.slice(0, MAX_TERM - 1)}…` : text);

/**
 * What each route takes and answers with, as its handler says it: the decorators it runs behind
 * (`login_required`, `require_POST`, a route decorator's `dependencies=`), its parameters with their
 * types and defaults (FastAPI's body, query and `Depends` parameters, a path parameter's type),
 * what it reads of the request (`request.GET`, `request.headers`) and the methods it tests it for,
 * and the responses it makes (the frameworks' response makers and status responses, a route
 * decorator's `response_model` and `status_code`). Routes sharing a handler are told once.
 */
export function routeContractsAnswer(context: AnswerContext): AnswerPart[] {
  const routes = studyRoutes(context);
  if (!routes.length) return [];
  const facts: AnswerFact[] = [];
  const seen = new Set<string>();
  for (const route of routes) {
    const handler = handlerOf(context, route.handler, route.method);
    if (!handler || seen.has(handler.symbol)) continue;
    seen.add(handler.symbol);
    const { definition } = handler;
    const request = requestParameter(context, handler.symbol, definition);
    const decorators = decoratorTerms(definition);
    const inputs = [...parameterTerms(definition, request), ...requestReads(definition, request), ...testedMethods(definition, request)];
    const outputs = responseTerms(context, definition, request);
    if (!decorators.length && !inputs.length && !outputs.length) continue;
    const list = (terms: string[]) => (terms.length ? terms.join(', ') : '—');
    facts.push(fact(locationOf(context.index, handler.symbol), 'routeContract', `${route.method} ${route.path}`, SymbolId.label(handler.symbol), list(decorators), list(inputs), list(outputs)));
  }
  return [answerPart(say('routeContractsTopic'), facts, gap('noRouteContracts', firstFileOf(context, ['api', 'routing', 'http'])), MAX_ROUTE_CONTRACTS)];
}

/** The function that answers a route: the handler, or a class view's method for the route's method (`get` for GET). */
function handlerOf(context: AnswerContext, handler: string, method: string): { symbol: string; definition: SymbolDefinition } | undefined {
  const definition = context.index.definition(handler);
  if (definition?.kind !== 'class') return definition ? { symbol: handler, definition } : undefined;
  const symbol = `${handler}.${method.toLowerCase()}`;
  const own = context.index.definition(symbol);
  return own ? { symbol, definition: own } : undefined;
}

/** A route decorator's call: its first argument is the path (`@app.get("/items/{id}")`, `@router.post("")`). */
function registersRoute(call: NonNullable<SymbolDefinition['decoratorCalls']>[string] | undefined): boolean {
  return /^[rbuf]*["'](\/|["'])/i.test(call?.args[0] ?? '');
}

/** The decorators a handler runs behind, with their arguments (`@cors("POST")`), and a route decorator's `dependencies=`; the route decorator itself is left out. */
function decoratorTerms(definition: SymbolDefinition): string[] {
  const terms: string[] = [];
  for (const name of definition.decorators) {
    const call = definition.decoratorCalls?.[name];
    if (registersRoute(call)) {
      const dependencies = call?.keywords['dependencies'];
      if (dependencies) terms.push(cut(`dependencies=${dependencies}`));
      continue;
    }
    const args = call ? [...call.args, ...Object.entries(call.keywords).map(([key, value]) => `${key}=${value}`)] : undefined;
    terms.push(cut(args ? `@${name}(${args.join(', ')})` : `@${name}`));
  }
  return terms;
}

/** The parameters a handler declares beyond `self` and the request, as written (`item_id: int`, `db: Session = Depends(get_db)`). */
function parameterTerms(definition: SymbolDefinition, request: RequestParameter): string[] {
  const parameters = definition.parameters ?? [];
  return parameters
    .filter((parameter, position) => !(position === 0 && definition.kind === 'method') && parameter !== request.parameter && !parameter.splat)
    .map((parameter) => cut(`${parameter.name}${parameter.annotation ? `: ${parameter.annotation}` : ''}${parameter.default !== undefined ? ` = ${parameter.default}` : ''}`));
}

/** The request as a handler names it: its request parameter, if any, else the global of that name (Flask's `request`). */
interface RequestParameter {
  name: string;
  parameter?: NonNullable<SymbolDefinition['parameters']>[number];
}

/**
 * The handler's request parameter: one named as requests are by convention (`request`, `req`),
 * unless its annotation is a data model the framework validates the body into (FastAPI's
 * `request: CreateOrderRequest`, a Pydantic model), which is an input like any other.
 */
function requestParameter(context: AnswerContext, symbol: string, definition: SymbolDefinition): RequestParameter {
  const { path } = SymbolId.parse(symbol);
  const parameter = (definition.parameters ?? []).find((candidate) => {
    if (!REQUEST_NAMES.has(candidate.name)) return false;
    const type = candidate.annotation && /^[\w.]+$/.test(candidate.annotation) ? context.index.resolve(path, candidate.annotation) : undefined;
    return !type || ![...context.index.ancestry(type).names].some((name) => BODY_MODELS.test(name));
  });
  return parameter ? { name: parameter.name, parameter } : { name: 'request' };
}

/** What a handler reads of the request through calls, to the attribute read (`request.GET.get("x")` → `request.GET`, `request.get_json()`). */
function requestReads(definition: SymbolDefinition, request: RequestParameter): string[] {
  const { name } = request;
  const reads = new Set<string>();
  for (const call of definition.calls ?? []) {
    if (!call.callee.startsWith(`${name}.`)) continue;
    const [, attribute] = call.callee.split('.');
    if (attribute) reads.add(`${name}.${attribute}`);
  }
  return [...reads];
}

/** The methods a handler tests the request for (`if request.method == "POST":`), from the conditions its calls and early returns sit under. */
function testedMethods(definition: SymbolDefinition, request: RequestParameter): string[] {
  const method = `${request.name}.method`;
  const methods = new Set<string>();
  for (const condition of [...(definition.calls ?? []).map((call) => call.condition), ...(definition.refusals ?? []).map((refusal) => refusal.condition)]) {
    if (!condition?.includes(method)) continue;
    for (const [word] of condition.matchAll(METHOD_WORDS)) methods.add(word);
  }
  const tested = [...methods];
  return tested.length === 1 ? [`${method} == ${tested[0] ?? ''}`] : tested.length ? [`${method} in ${tested.join('/')}`] : [];
}

/** What a handler answers with: a route decorator's response keywords, the response makers and status responses it calls (with the status), else its return annotation. */
function responseTerms(context: AnswerContext, definition: SymbolDefinition, request: RequestParameter): string[] {
  const terms: string[] = [];
  for (const name of definition.decorators) {
    const call = definition.decoratorCalls?.[name];
    if (!registersRoute(call)) continue;
    for (const keyword of RESPONSE_KEYWORDS) if (call?.keywords[keyword]) terms.push(cut(`${keyword}=${call.keywords[keyword]}`));
  }
  const made = new Set<string>();
  for (const call of definition.calls ?? []) {
    if (call.callee.startsWith(`${request.name}.`)) continue;
    const name = call.callee.slice(call.callee.lastIndexOf('.') + 1);
    const status = context.frameworks.responseStatuses.get(name);
    if (status !== undefined) made.add(`${name} (${status})`);
    else if (context.frameworks.responseMakers.has(name)) made.add(name);
  }
  terms.push(...made);
  if (!made.size && definition.returns) terms.push(cut(`-> ${definition.returns}`));
  return terms;
}
