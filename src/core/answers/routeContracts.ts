import type { SymbolDefinition } from '../parse/facts';
import { type AnswerFact, type AnswerPart, SymbolId } from '../result';
import { type AnswerContext, answerPart, detailText, fact, findingsByFunction, firstFileOf, gap, locationOf } from './context';
import { responseStatus } from './errors';
import { studyFlow, studyRoutes } from './flow';
import { statusOf } from '../resolve/errorStatus';
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

/** Fields of a body or response model told at most, each as declared. */
const MAX_FIELDS = 12;

/** A field's declaration longer than this is cut: its constraints are in the first part. */
const MAX_FIELD_TEXT = 100;

/**
 * What the traced route takes and answers with, each part where the code declares it: its path
 * parameters (named in the path), the body model it validates (a Pydantic-style model, or a
 * workspace class a parameter is typed with) with its fields and the checks its methods refuse
 * under, the other plain parameters (FastAPI's query parameters, neither a dependency nor the
 * body), the success status the route writes, and the model it answers with and its fields.
 */
export function flowContractAnswer(context: AnswerContext): AnswerPart[] {
  const route = studyFlow(context);
  const handler = route ? handlerOf(context, route.handler, route.method) : undefined;
  if (!route || !handler) return [];
  const { index } = context;
  const { path } = SymbolId.parse(handler.symbol);
  const at = locationOf(index, handler.symbol);
  const facts: AnswerFact[] = [];
  const request = requestParameter(context, handler.symbol, handler.definition);
  const inPath = new Set([...route.path.matchAll(/\{(\w+)(?::[^}]*)?\}/g)].map((match) => match[1] ?? ''));
  const parameters = (handler.definition.parameters ?? []).filter((parameter, position) => !(position === 0 && handler.definition.kind === 'method') && parameter !== request.parameter && !parameter.splat);
  const written = (parameter: (typeof parameters)[number]) => cut(`${parameter.name}${parameter.annotation ? `: ${parameter.annotation}` : ''}${parameter.default !== undefined ? ` = ${parameter.default}` : ''}`);
  for (const parameter of parameters) {
    const model = parameter.annotation && /^[\w.]+$/.test(parameter.annotation) ? index.resolve(path, parameter.annotation) : undefined;
    if (inPath.has(parameter.name)) facts.push(fact(at, 'takesPathParameter', written(parameter)));
    else if (model && index.definition(model)?.kind === 'class') facts.push(...modelFacts(context, model, 'takesBody', parameter.name), ...checkFacts(context, model));
    else if (!isDependency(context, path, parameter)) facts.push(fact(at, 'takesOtherParameter', written(parameter)));
  }
  facts.push(...successFacts(context, handler.symbol, handler.definition, route.framework));
  return [answerPart(say('flowContractTopic', `${route.method} ${route.path}`), facts)];
}

/**
 * The parameters a handler declares that the framework validates from the request (path, query and
 * body values): not `self`, the request object itself (`request: Request`), a `*args`/`**kwargs`
 * catch-all, or a dependency the framework fills (`Depends(...)`).
 */
export function validatedParameters(context: AnswerContext, symbol: string): NonNullable<SymbolDefinition['parameters']> {
  const definition = context.index.definition(symbol);
  if (!definition) return [];
  const { path } = SymbolId.parse(symbol);
  const request = requestParameter(context, symbol, definition);
  return (definition.parameters ?? []).filter((parameter, position) => !(position === 0 && definition.kind === 'method') && parameter.name !== 'self' && parameter !== request.parameter && !parameter.splat && !isDependency(context, path, parameter));
}

/** A parameter the framework fills from a dependency: `Depends(...)` as its default, in its annotation, or in the alias its annotation names (`SessionDep = Annotated[Session, Depends(get_db)]`). */
function isDependency(context: AnswerContext, path: string, parameter: NonNullable<SymbolDefinition['parameters']>[number]): boolean {
  if (/\bDepends\(/.test(`${parameter.default ?? ''} ${parameter.annotation ?? ''}`)) return true;
  const alias = parameter.annotation && /^[\w.]+$/.test(parameter.annotation) ? context.index.resolve(path, parameter.annotation) : undefined;
  return !!alias && /\bDepends\(/.test(context.index.definition(alias)?.alias ?? '');
}

/** A model class with its fields as declared (`email: str = Field(max_length=120)`), its own then those of the workspace classes it inherits, a name once; told at the class. */
function modelFacts(context: AnswerContext, model: string, key: 'takesBody' | 'answersWithModel', name: string): AnswerFact[] {
  const { index } = context;
  const named = new Set<string>();
  const attributes = [model, ...index.ancestry(model).classes.filter((ancestor) => ancestor !== model)]
    .flatMap((owner) => index.definition(owner)?.attributes ?? [])
    .filter((attribute) => !attribute.name.startsWith('_') && !named.has(attribute.name) && named.add(attribute.name));
  const fields = attributes.slice(0, MAX_FIELDS).map((attribute) => {
    const call = attribute.call ? ` = ${attribute.call.callee}(${[...attribute.call.args, ...Object.entries(attribute.call.keywords).map(([keyword, value]) => `${keyword}=${value}`)].join(', ')})` : '';
    const text = `${attribute.name}${attribute.type ? `: ${attribute.type}` : ''}${call}`;
    return `\`${text.length > MAX_FIELD_TEXT ? `${text.slice(0, MAX_FIELD_TEXT - 1)}…` : text}\``;
  });
  if (attributes.length > MAX_FIELDS) fields.push('…');
  return [fact(locationOf(context.index, model), key, name, SymbolId.label(model), fields.length ? fields.join(', ') : '—')];
}

/** The checks a body model's own methods make: where they refuse (a validator raising under a condition). */
function checkFacts(context: AnswerContext, model: string): AnswerFact[] {
  const { path } = SymbolId.parse(model);
  const facts: AnswerFact[] = [];
  for (const { symbol, definition } of context.index.definitionsIn(path)) {
    if (!symbol.startsWith(`${model}.`) || definition.kind !== 'method') continue;
    for (const raised of definition.raises ?? []) {
      if (raised.condition && !raised.asserted) facts.push(fact({ path, line: raised.line }, 'bodyRefusesWhen', SymbolId.label(symbol), raised.condition, `${raised.exception}${raised.message ? `("${raised.message}")` : ''}`));
    }
  }
  return facts;
}

/**
 * The status a route answers with on success, as it writes it (a route decorator's `status_code=`, a
 * 2xx response it makes, or returns in a tuple where its framework reads one so), and the model it answers with.
 */
function successFacts(context: AnswerContext, symbol: string, definition: SymbolDefinition, framework: string): AnswerFact[] {
  const { index } = context;
  const { path } = SymbolId.parse(symbol);
  const at = locationOf(index, symbol);
  const facts: AnswerFact[] = [];
  let model: string | undefined;
  for (const name of definition.decorators) {
    const call = definition.decoratorCalls?.[name];
    if (!registersRoute(call)) continue;
    const status = call?.keywords['status_code'];
    if (status) facts.push(fact(at, 'answersOnSuccess', statusOf(status) ?? status, `status_code=${status}`));
    model ??= call?.keywords['response_model'];
  }
  for (const finding of findingsByFunction(context, 'error-response').get(symbol) ?? []) {
    const status = responseStatus(context, finding);
    if (status !== undefined && status < 300) facts.push(fact({ path, line: finding.range.start.line }, 'answersOnSuccess', status, detailText(finding.details['response'], 'status')));
  }
  for (const returned of context.frameworks.tupleResponses.has(framework) ? (definition.returnedStatuses ?? []) : []) {
    const status = statusOf(returned.status);
    if (status !== undefined && status >= 200 && status < 300) facts.push(fact({ path, line: returned.line }, 'answersOnSuccess', status, `return …, ${returned.status}`));
  }
  // No status written: the framework answers its default one.
  if (!facts.length) facts.push(fact(at, 'noSuccessStatus'));
  model ??= definition.returns && /^[\w.]+$/.test(definition.returns) ? definition.returns : undefined;
  const resolved = model && /^[\w.]+$/.test(model) ? index.resolve(path, model) : undefined;
  if (resolved && index.definition(resolved)?.kind === 'class') facts.push(...modelFacts(context, resolved, 'answersWithModel', model ?? ''));
  else if (model) facts.push(fact(at, 'answersWith', model));
  return facts;
}
