import { DataFileError } from '../knowledge/checkData';
import { type DataFile, readDataFile } from '../knowledge/dataFile';
import type { AnnotationRoutesDocument, AutoImportsDocument, FileExportsDocument, ModuleAliasesDocument, Cardinality, ClassRuleDocument, ControllerPathDocument, DecoratorRoutesDocument, EmbeddedColumnDocument, FileRoutesDocument, FrameworkDocument, HandlerClassesDocument, HandlerInterfaceDocument, MessageBusDocument, ModelReader, ObjectDispatchDocument, QueryReadingDocument, RequestEntryDocument, RouteArguments, ProtoHttpRulesDocument, ServiceFilesDocument, ViewObjectGetterDocument, ServletSettingsDocument, UncaughtErrorDocument, ViewSetsDocument } from '../knowledge/documents';

/** A class rule of a framework file, with the framework it belongs to. */
export interface ClassRule extends ClassRuleDocument {
  framework: string;
  extends: string[];
}

/** What route resolution knows of a framework whose objects are routers and applications. */
export interface RouterFramework {
  name: string;
  mountReplacesOwnPrefix: boolean;
  dropsTrailingSlash: boolean;
  /** What a route decorator given no `methods` answers (Flask's `route`: GET; Emmett's: GET and POST). */
  defaultMethods: readonly string[];
  viewSets: ViewSetsDocument | undefined;
  /** The prefix of the methods that answer a resource object's routes (Falcon's `on_`). */
  responderPrefix?: string | undefined;
  /** The request-handler classes a routing table gives paths to (Tornado's `RequestHandler`). */
  handlerClasses?: HandlerClassesDocument | undefined;
  /** How its dispatcher walks a tree of objects mounted at a path (CherryPy's exposed methods). */
  objectDispatch?: ObjectDispatchDocument | undefined;
  /** A router made on another, given first (`Api(blueprint)`), serves under it. */
  servesUnderFirstArgument: boolean;
  /** The maker's keywords that give the router's own prefix. */
  prefixKeywords: readonly string[];
  /** Without a prefix keyword, the prefix is the router's name (the maker's first argument). */
  prefixFromName: boolean;
  /** The maker's positional argument that gives the router's own prefix when no prefix keyword does (Cornice's `Service(name, path)`: 1). */
  prefixArgument?: number;
  /** The path a route decorator among the package verbs given no path routes: `/`, or `/` and the function's name (hug). */
  unstatedPath: 'root' | 'function-name';
  /** Classes whose methods are route handlers under the path a class attribute holds (Litestar's `Controller.path`). */
  controllerPath?: ControllerPathDocument | undefined;
  /** What comes between a route's path and its handler is the route's options, not middleware (Fastify; read by the TypeScript routes). */
  optionsBeforeHandler: boolean;
  /** The attributes of an application that are its own router (BlackSheep's `app.router`): routes registered on one are the application's. */
  routerAttributes: ReadonlySet<string>;
  /** Go and Java: how routes are registered on the framework's routers (see the schema's `routers`). */
  calls: RouterCalls;
  /** Go and Java: what a route registration is given after its path: where the handler is, and whether the rest is middleware. */
  routeArguments: RouteArguments;
}

/** What Go and Java code calls on a router, by method name. */
export interface RouterCalls {
  verbs: ReadonlyMap<string, string>;
  groups: ReadonlySet<string>;
  scopes: ReadonlySet<string>;
  mounts: ReadonlySet<string>;
  passThrough: ReadonlySet<string>;
  methodFilters: ReadonlySet<string>;
  middleware: ReadonlySet<string>;
}

/** The keywords that give a router its own prefix, unless a framework file says others: FastAPI's `prefix`, Flask's `url_prefix`. */
export const DEFAULT_PREFIX_KEYWORDS: readonly string[] = ['prefix', 'url_prefix'];

/** A framework that registers no routes by calls: Python's and TypeScript's routers, read by their detectors. */
export const NO_ROUTER_CALLS: RouterCalls = { verbs: new Map(), groups: new Set(), scopes: new Set(), mounts: new Set(), passThrough: new Set(), methodFilters: new Set(), middleware: new Set() };

/** How the data-model stage reads the models of the frameworks that share a reader: the names of all their files, merged. */
export interface ModelReading {
  reader: ModelReader;
  columns: ReadonlySet<string>;
  relations: ReadonlyMap<string, Cardinality>;
  virtualFields: ReadonlySet<string>;
  requiredAnnotations: ReadonlySet<string>;
  tagKeywords: ReadonlySet<string>;
  migrationBases: readonly string[];
  /** The columns embedding a framework's type adds, by the type as written. */
  embeddedColumns: ReadonlyMap<string, readonly EmbeddedColumnDocument[]>;
}

/** A framework whose models the data-model stage reads. */
export interface ModelFramework {
  /** Its models are declared as objects (a schema, a `define` call), not only as classes. */
  objects: boolean;
  reading: ModelReading;
}

/** How the N+1 check reads the queries of one style, merged from every file of that style. */
export interface QueryReading {
  chainMethods: ReadonlySet<string>;
  prefetchAnswered: ReadonlySet<string>;
  defaultManagers: ReadonlySet<string>;
  loaderOptions: ReadonlySet<string>;
  selectFunctions: ReadonlySet<string>;
}

/** How the N+1 check reads queries, by their style (a style no file gives reads none). */
export type QueryReadings = Readonly<Record<QueryReadingDocument['style'], QueryReading>>;

/** A framework whose routes are decorators on controller classes (NestJS), with its name. */
export interface DecoratorRoutes extends DecoratorRoutesDocument {
  framework: string;
}

/** A framework whose routes are annotations on classes and methods, with its name. */
export interface AnnotationRoutes extends AnnotationRoutesDocument {
  framework: string;
}

/**
 * Interfaces a library declares, by qualified name: classes deriving from `bases` are interfaces; a
 * class decorator of `implementedWith` names those the class implements; `extendedToImplement` are
 * a framework's abstract classes that code derives from to write an implementation.
 */
export interface InterfaceDeclarations {
  bases: ReadonlySet<string>;
  implementedWith: ReadonlySet<string>;
  extendedToImplement: ReadonlySet<string>;
  /** The bases of the class rules whose interfaces the framework implements at run time (Spring Data's repositories). */
  implementedByFramework: ReadonlySet<string>;
}

/** Every framework file, merged into what the stages look up. */
export interface Frameworks {
  /** Each framework's class rules, framework by framework in the order of their files. */
  classes: ClassRule[];
  /** Decorators that hook a function or class into a framework. */
  decorators: ReadonlySet<string>;
  /** The framework an application or router object is made by, by the maker's qualified name. */
  routerMakers: ReadonlyMap<string, RouterFramework>;
  /** The routers' frameworks by name. */
  routerFrameworks: ReadonlyMap<string, RouterFramework>;
  /** Names the frameworks' documentation gives application and router objects. */
  conventionalRouterNames: ReadonlySet<string>;
  /** Decorators that narrow a function view to one HTTP method, and the method. */
  viewMethodDecorators: ReadonlyMap<string, string>;
  /** Decorators that narrow a function view to the methods their argument lists, and the methods they allow when it lists none. */
  viewMethodListDecorators: ReadonlyMap<string, readonly string[]>;
  /** The HTTP methods a framework's class-based view answers with methods of its own, by the view's qualified name. */
  viewClassMethods: ReadonlyMap<string, readonly string[]>;
  /** npm packages and Go import paths that make a package depending on them a server application. */
  serverPackages: ReadonlySet<string>;
  /** Calls on an application that return the server framework's instance under it (NestJS's `getHttpAdapter().getInstance()`). */
  instanceAccessors: readonly string[];
  /** Exceptions answered with a fixed HTTP status, by qualified name. */
  exceptionStatuses: ReadonlyMap<string, number>;
  /** Exceptions that carry their HTTP status as an argument. */
  statusExceptions: ReadonlySet<string>;
  /** Decorators that make a function or class a message's handler. */
  messageHandlerDecorators: ReadonlySet<string>;
  /** Buses that hand a message to its registered handler, by the dispatching method's qualified name. */
  messageBuses: ReadonlyMap<string, MessageBusDocument>;
  /** Interfaces a library declares: their bases, and the class decorators that say a class implements some (zope.interface). */
  interfaceDeclarations: InterfaceDeclarations;
  retryDecorators: ReadonlySet<string>;
  taskRetryOptions: ReadonlySet<string>;
  /** Calls that hand out a service the container holds, by its class or name (typedi's `Container.get`). */
  containerResolvers: ReadonlySet<string>;
  /** Annotations that make a bean exist only under a condition (Spring's `@Profile`, `@ConditionalOnProperty`), by qualified name. */
  conditionalBeans: ReadonlySet<string>;
  /** Calls that return an instance of the class given first (`get_object_or_404`), by qualified name. */
  instanceGetters: ReadonlySet<string>;
  /** Methods view classes inherit that return the instance of their query set's model (see the schema's `viewObjectGetters`). */
  viewObjectGetters: readonly ViewObjectGetterDocument[];
  /** Names bound to an instance of the workspace class deriving from the framework's (Flask-Login's `current_user`): the qualified name, and those classes. */
  proxiedInstances: ReadonlyMap<string, readonly string[]>;
  /** Writes that do not duplicate on a repeat, by method name. */
  idempotentWrites: ReadonlySet<string>;
  /** Functions, by name, that make a new value on every call (`uuid4`, `token_urlsafe`): a unique column filled with one never meets a repeat's value. */
  generatedValues: ReadonlySet<string>;
  /** Calls, by name, that end a request with a response (`redirect`, `abort`): a middleware making one under a condition refuses the request. */
  requestEnders: ReadonlySet<string>;
  /** Methods, by name, that read a key of a store (`get`, `exists`) and that write one (`set`, `delete`): an awaited read, a test of it, then a write is no atomic step. */
  readCalls: ReadonlySet<string>;
  writeCalls: ReadonlySet<string>;
  /** Words in a class or function name that name a saga or compensation, an outbox, a two-phase commit; calls and a call's flag that make a two-phase commit. */
  sagaWords: ReadonlySet<string>;
  outboxWords: ReadonlySet<string>;
  twoPhaseWords: ReadonlySet<string>;
  twoPhaseCalls: ReadonlySet<string>;
  twoPhaseFlags: ReadonlySet<string>;
  /** Methods that write a model instance's changed fields back (`save`), by name. */
  instanceSaves: ReadonlySet<string>;
  /** Methods that write the instances they are given (`session.add(user)`), by name. */
  sessionSaves: ReadonlySet<string>;
  /** Exceptions a write breaking a constraint raises (`sqlalchemy.exc.IntegrityError`), by qualified name. */
  integrityErrors: ReadonlySet<string>;
  /** Response classes named for the status they answer (`HttpResponseNotFound`: 404), by name. */
  responseStatuses: ReadonlyMap<string, number>;
  /** Calls that make a handler's response (`JsonResponse`, `render`, `redirect`), by name. */
  responseMakers: ReadonlySet<string>;
  /** Detector rules, by id, whose middleware wraps the middleware added before it: the last added runs first. */
  middlewareAddedOutside: ReadonlySet<string>;
  /** The frameworks, by name, that read a returned tuple as the response and its status (`return body, 201`). */
  tupleResponses: ReadonlySet<string>;
  /** Query methods that write the rows a query matches and return how many they wrote (Django's `update`), by name. */
  countedUpdates: ReadonlySet<string>;
  /** Methods that run a function when work handed to a pool ends (`Future.add_done_callback`), by name. */
  completionCallbacks: ReadonlySet<string>;
  /** What a framework answers for an exception no code of the application handles, by the framework's name. */
  uncaughtErrors: ReadonlyMap<string, UncaughtErrorDocument>;
  /** By framework: what it answers for a request that fails the handler's declared types, before the handler runs. */
  invalidRequests: ReadonlyMap<string, UncaughtErrorDocument>;
  /** Calls that declare a table in code (`sqlalchemy.Table`), by qualified name. */
  tableDeclarations: ReadonlySet<string>;
  /** Field calls that declare a relationship between models, by their last name, and the kind each declares. */
  relationCalls: ReadonlyMap<string, string>;
  /** Generic types that wrap a typed relationship's target (`Mapped`). */
  relationWrappers: ReadonlySet<string>;
  /** The frameworks whose models the data-model stage reads, by name. */
  modelFrameworks: ReadonlyMap<string, ModelFramework>;
  /** The data-model readers' names, by reader. */
  modelReadings: ReadonlyMap<ModelReader, ModelReading>;
  /** How the N+1 check reads queries, by their style. */
  queries: QueryReadings;
  /** Functions that read installed packages' entry points. */
  entryPointReaders: ReadonlySet<string>;
  /** Calls that time a run: what makes a file named as a benchmark one. */
  benchmarkTimers: ReadonlySet<string>;
  /** Top-level modules of a language's standard library: importing one depends on nothing outside. */
  standardModules: ReadonlySet<string>;
  /** How servers hand requests to application objects (ASGI, WSGI). */
  requestEntries: readonly RequestEntryDocument[];
  /** Go: the framework a router value of a type belongs to, by the type's qualified name. */
  routerTypes: ReadonlyMap<string, RouterFramework>;
  /** Go and Java: package (static) functions that register a route on a default router, with the HTTP method, and the framework. */
  packageVerbs: ReadonlyMap<string, { method: string; framework: RouterFramework }>;
  /** Package functions that install middleware on the default router (Spark's `before`), and the framework. */
  packageMiddleware: ReadonlyMap<string, RouterFramework>;
  /** Package functions that register the routes a function registers under a prefix (Spark's `path`), and the framework. */
  packageScopes: ReadonlyMap<string, RouterFramework>;
  /** Go: the interfaces servers serve requests through, and the handler types routers take. */
  handlerInterfaces: readonly HandlerInterfaceDocument[];
  /** Where applications answer, from their settings files (Spring Boot's context and servlet paths). */
  servletSettings: readonly ServletSettingsDocument[];
  /** Files of service definitions dependency-injection containers load (see the schema's `serviceFiles`). */
  serviceFiles: readonly ServiceFilesDocument[];
  /** Gateways serving the HTTP rules of `.proto` services (see the schema's `protoHttpRules`). */
  protoHttpRules: readonly ProtoHttpRules[];
  /** TypeScript: the frameworks whose routes are decorators on controllers. */
  decoratorRoutes: readonly DecoratorRoutes[];
  /** Java: the frameworks whose routes are annotations. */
  annotationRoutes: readonly AnnotationRoutes[];
  /** The frameworks whose routes are files. */
  fileRoutes: readonly FileRoutes[];
  /** What frameworks find by file name (Next.js's `middleware.ts`). */
  fileExports: readonly FileExports[];
  /** Import aliases frameworks define for the packages built on them (SvelteKit's `$lib`). */
  moduleAliases: readonly FrameworkModuleAliases[];
  /** Folders whose definitions frameworks import without an import statement (Nuxt's `server/utils`). */
  autoImports: readonly FrameworkAutoImports[];
  /** The frameworks whose routes are the operations of OpenAPI documents. */
  specificationRoutes: readonly SpecificationRoutes[];
}

/** A framework whose routes are an OpenAPI document's operations, with its name. */
export interface SpecificationRoutes {
  framework: string;
  packages: readonly string[];
  controllerKeys: readonly string[];
}

/** A gateway serving the HTTP rules of `.proto` services, with the framework that names it. */
export interface ProtoHttpRules extends ProtoHttpRulesDocument {
  framework: string;
}

/** Import aliases a framework defines for the packages built on it (see the schema's `moduleAliases`). */
export type FrameworkModuleAliases = ModuleAliasesDocument;

/** Names a framework gives a folder's files without an import (see the schema's `autoImports`). */
export type FrameworkAutoImports = AutoImportsDocument;

/** What a framework finds by file name, with its name. */
export interface FileExports extends FileExportsDocument {
  framework: string;
}

/** A framework's convention for routes that are files, with its name. */
export interface FileRoutes extends FileRoutesDocument {
  framework: string;
}

/** Reads the framework files (`src/core/frameworks/*.yml`, or a user's of the same shape), in the order given. */
export function frameworksOf(files: readonly DataFile[]): Frameworks {
  const frameworks = {
    classes: [] as ClassRule[],
    decorators: new Set<string>(),
    routerMakers: new Map<string, RouterFramework>(),
    routerFrameworks: new Map<string, RouterFramework>(),
    conventionalRouterNames: new Set<string>(),
    viewMethodDecorators: new Map<string, string>(),
    viewMethodListDecorators: new Map<string, readonly string[]>(),
    viewClassMethods: new Map<string, readonly string[]>(),
    serverPackages: new Set<string>(),
    instanceAccessors: [] as string[],
    exceptionStatuses: new Map<string, number>(),
    statusExceptions: new Set<string>(),
    messageHandlerDecorators: new Set<string>(),
    messageBuses: new Map<string, MessageBusDocument>(),
    interfaceDeclarations: { bases: new Set<string>(), implementedWith: new Set<string>(), extendedToImplement: new Set<string>(), implementedByFramework: new Set<string>() },
    retryDecorators: new Set<string>(),
    taskRetryOptions: new Set<string>(),
    containerResolvers: new Set<string>(),
    conditionalBeans: new Set<string>(),
    instanceGetters: new Set<string>(),
    viewObjectGetters: [] as ViewObjectGetterDocument[],
    proxiedInstances: new Map<string, string[]>(),
    idempotentWrites: new Set<string>(),
    generatedValues: new Set<string>(),
    requestEnders: new Set<string>(),
    readCalls: new Set<string>(),
    writeCalls: new Set<string>(),
    sagaWords: new Set<string>(),
    outboxWords: new Set<string>(),
    twoPhaseWords: new Set<string>(),
    twoPhaseCalls: new Set<string>(),
    twoPhaseFlags: new Set<string>(),
    instanceSaves: new Set<string>(),
    sessionSaves: new Set<string>(),
    integrityErrors: new Set<string>(),
    responseStatuses: new Map<string, number>(),
    responseMakers: new Set<string>(),
    middlewareAddedOutside: new Set<string>(),
    tupleResponses: new Set<string>(),
    countedUpdates: new Set<string>(),
    completionCallbacks: new Set<string>(),
    uncaughtErrors: new Map<string, UncaughtErrorDocument>(),
    invalidRequests: new Map<string, UncaughtErrorDocument>(),
    tableDeclarations: new Set<string>(),
    entryPointReaders: new Set<string>(),
    benchmarkTimers: new Set<string>(),
    standardModules: new Set<string>(),
    relationCalls: new Map<string, string>(),
    relationWrappers: new Set<string>(),
    modelFrameworks: new Map<string, ModelFramework>(),
    modelReadings: new Map<ModelReader, { reader: ModelReader; columns: Set<string>; relations: Map<string, Cardinality>; virtualFields: Set<string>; requiredAnnotations: Set<string>; tagKeywords: Set<string>; migrationBases: string[]; embeddedColumns: Map<string, EmbeddedColumnDocument[]> }>(),
    queries: { django: emptyQueryReading(), sqlalchemy: emptyQueryReading() },
    requestEntries: [] as RequestEntryDocument[],
    routerTypes: new Map<string, RouterFramework>(),
    packageVerbs: new Map<string, { method: string; framework: RouterFramework }>(),
    packageMiddleware: new Map<string, RouterFramework>(),
    packageScopes: new Map<string, RouterFramework>(),
    handlerInterfaces: [] as HandlerInterfaceDocument[],
    servletSettings: [] as ServletSettingsDocument[],
    serviceFiles: [] as ServiceFilesDocument[],
    protoHttpRules: [] as ProtoHttpRules[],
    decoratorRoutes: [] as DecoratorRoutes[],
    annotationRoutes: [] as AnnotationRoutes[],
    fileRoutes: [] as FileRoutes[],
    fileExports: [] as FileExports[],
    moduleAliases: [] as FrameworkModuleAliases[],
    autoImports: [] as FrameworkAutoImports[],
    specificationRoutes: [] as SpecificationRoutes[],
  };
  const seen = new Map<string, string>();
  for (const file of files) {
    const document: FrameworkDocument = readDataFile('frameworkFile', file);
    const earlier = seen.get(document.name);
    if (earlier) throw new DataFileError(`${file.name}: name: '${document.name}' is already the name of ${earlier}`);
    seen.set(document.name, file.name);
    for (const rule of document.classes ?? []) {
      frameworks.classes.push({ ...rule, framework: document.name, extends: rule.extends ?? [] });
      if (rule.implementedByFramework) for (const name of rule.extends ?? []) frameworks.interfaceDeclarations.implementedByFramework.add(name);
    }
    for (const decorator of document.decorators ?? []) frameworks.decorators.add(decorator);
    if (document.routers) {
      const router: RouterFramework = {
        name: document.name,
        mountReplacesOwnPrefix: document.routers.mountReplacesOwnPrefix ?? false,
        dropsTrailingSlash: document.routers.dropsTrailingSlash ?? false,
        defaultMethods: document.routers.defaultMethods ?? ['GET'],
        viewSets: document.viewSets,
        responderPrefix: document.routers.responderPrefix,
        handlerClasses: document.routers.handlerClasses,
        objectDispatch: document.routers.objectDispatch,
        servesUnderFirstArgument: document.routers.servesUnderFirstArgument ?? false,
        prefixKeywords: document.routers.prefixKeywords ?? DEFAULT_PREFIX_KEYWORDS,
        prefixFromName: document.routers.prefixFromName ?? false,
        ...(document.routers.prefixArgument !== undefined ? { prefixArgument: document.routers.prefixArgument } : {}),
        unstatedPath: document.routers.unstatedPath ?? 'root',
        controllerPath: document.routers.controllerPath,
        optionsBeforeHandler: document.routers.optionsBeforeHandler ?? false,
        routerAttributes: new Set(document.routers.routerAttributes),
        routeArguments: document.routers.routeArguments ?? 'middleware-then-handler',
        calls: {
          verbs: new Map(Object.entries(document.routers.verbs ?? {})),
          groups: new Set(document.routers.groups),
          scopes: new Set(document.routers.scopes),
          mounts: new Set(document.routers.mounts),
          passThrough: new Set(document.routers.passThrough),
          methodFilters: new Set(document.routers.methodFilters),
          middleware: new Set(document.routers.middleware),
        },
      };
      for (const type of document.routers.types ?? []) frameworks.routerTypes.set(type, router);
      for (const [name, method] of Object.entries(document.routers.packageVerbs ?? {})) frameworks.packageVerbs.set(name, { method, framework: router });
      for (const name of document.routers.packageMiddleware ?? []) frameworks.packageMiddleware.set(name, router);
      for (const name of document.routers.packageScopes ?? []) frameworks.packageScopes.set(name, router);
      frameworks.routerFrameworks.set(document.name, router);
      for (const maker of document.routers.makers ?? []) frameworks.routerMakers.set(maker, router);
      for (const name of document.routers.conventionalNames ?? []) frameworks.conventionalRouterNames.add(name);
    }
    for (const [decorator, method] of Object.entries(document.viewMethodDecorators ?? {})) frameworks.viewMethodDecorators.set(decorator, method);
    for (const [decorator, methods] of Object.entries(document.viewMethodListDecorators ?? {})) frameworks.viewMethodListDecorators.set(decorator, methods);
    for (const [view, methods] of Object.entries(document.viewClassMethods ?? {})) frameworks.viewClassMethods.set(view, methods);
    for (const name of document.serverPackages ?? []) frameworks.serverPackages.add(name);
    frameworks.instanceAccessors.push(...(document.instanceAccessors ?? []));
    for (const [exception, status] of Object.entries(document.exceptionStatuses ?? {})) frameworks.exceptionStatuses.set(exception, status);
    for (const name of document.statusExceptions ?? []) frameworks.statusExceptions.add(name);
    for (const name of document.messageHandlerDecorators ?? []) frameworks.messageHandlerDecorators.add(name);
    for (const bus of document.messageBuses ?? []) frameworks.messageBuses.set(bus.dispatch, bus);
    for (const name of document.interfaces?.bases ?? []) frameworks.interfaceDeclarations.bases.add(name);
    for (const name of document.interfaces?.implementedWith ?? []) frameworks.interfaceDeclarations.implementedWith.add(name);
    for (const name of document.interfaces?.extendedToImplement ?? []) frameworks.interfaceDeclarations.extendedToImplement.add(name);
    for (const name of document.retryDecorators ?? []) frameworks.retryDecorators.add(name);
    for (const name of document.taskRetryOptions ?? []) frameworks.taskRetryOptions.add(name);
    for (const name of document.containerResolvers ?? []) frameworks.containerResolvers.add(name);
    for (const name of document.conditionalBeans ?? []) frameworks.conditionalBeans.add(name);
    for (const name of document.instanceGetters ?? []) frameworks.instanceGetters.add(name);
    frameworks.viewObjectGetters.push(...(document.viewObjectGetters ?? []));
    for (const { proxy, classesDerivingFrom } of document.proxiedInstances ?? []) frameworks.proxiedInstances.set(proxy, classesDerivingFrom);
    for (const name of document.idempotentWrites ?? []) frameworks.idempotentWrites.add(name);
    for (const name of document.generatedValues ?? []) frameworks.generatedValues.add(name);
    for (const name of document.requestEnders ?? []) frameworks.requestEnders.add(name);
    for (const name of document.readCalls ?? []) frameworks.readCalls.add(name);
    for (const name of document.writeCalls ?? []) frameworks.writeCalls.add(name);
    for (const name of document.sagaWords ?? []) frameworks.sagaWords.add(name);
    for (const name of document.outboxWords ?? []) frameworks.outboxWords.add(name);
    for (const name of document.twoPhaseWords ?? []) frameworks.twoPhaseWords.add(name);
    for (const name of document.twoPhaseCalls ?? []) frameworks.twoPhaseCalls.add(name);
    for (const name of document.twoPhaseFlags ?? []) frameworks.twoPhaseFlags.add(name);
    for (const name of document.instanceSaves ?? []) frameworks.instanceSaves.add(name);
    for (const name of document.sessionSaves ?? []) frameworks.sessionSaves.add(name);
    for (const name of document.integrityErrors ?? []) frameworks.integrityErrors.add(name);
    for (const [name, status] of Object.entries(document.responseStatuses ?? {})) frameworks.responseStatuses.set(name, status);
    for (const name of document.responseMakers ?? []) frameworks.responseMakers.add(name);
    for (const rule of document.middlewareAddedOutside ?? []) frameworks.middlewareAddedOutside.add(rule);
    if (document.tupleResponses) frameworks.tupleResponses.add(document.name);
    for (const name of document.countedUpdates ?? []) frameworks.countedUpdates.add(name);
    for (const name of document.completionCallbacks ?? []) frameworks.completionCallbacks.add(name);
    if (document.uncaughtError) frameworks.uncaughtErrors.set(document.name, document.uncaughtError);
    if (document.invalidRequest) frameworks.invalidRequests.set(document.name, document.invalidRequest);
    for (const name of document.tableDeclarations ?? []) frameworks.tableDeclarations.add(name);
    for (const name of document.entryPointReaders ?? []) frameworks.entryPointReaders.add(name);
    for (const name of document.benchmarkTimers ?? []) frameworks.benchmarkTimers.add(name);
    for (const name of document.standardModules ?? []) frameworks.standardModules.add(name);
    for (const [call, kind] of Object.entries(document.relationCalls ?? {})) frameworks.relationCalls.set(call, kind);
    for (const name of document.relationWrappers ?? []) frameworks.relationWrappers.add(name);
    if (document.models) {
      const { models } = document;
      let reading = frameworks.modelReadings.get(models.reader);
      if (!reading) {
        reading = { reader: models.reader, columns: new Set(), relations: new Map(), virtualFields: new Set(), requiredAnnotations: new Set(), tagKeywords: new Set(), migrationBases: [], embeddedColumns: new Map() };
        frameworks.modelReadings.set(models.reader, reading);
      }
      for (const name of models.columns ?? []) reading.columns.add(name);
      for (const [name, cardinality] of Object.entries(models.relations ?? {})) reading.relations.set(name, cardinality);
      for (const name of models.virtualFields ?? []) reading.virtualFields.add(name);
      for (const name of models.requiredAnnotations ?? []) reading.requiredAnnotations.add(name);
      for (const name of models.tagKeywords ?? []) reading.tagKeywords.add(name);
      reading.migrationBases.push(...(models.migrationBases ?? []));
      for (const [type, columns] of Object.entries(models.embeddedColumns ?? {})) reading.embeddedColumns.set(type, columns);
      frameworks.modelFrameworks.set(document.name, { objects: models.objects ?? false, reading });
    }
    if (document.queries) {
      const { queries } = document;
      const reading = frameworks.queries[queries.style];
      for (const name of queries.chainMethods ?? []) reading.chainMethods.add(name);
      for (const name of queries.prefetchAnswered ?? []) reading.prefetchAnswered.add(name);
      for (const name of queries.defaultManagers ?? []) reading.defaultManagers.add(name);
      for (const name of queries.loaderOptions ?? []) reading.loaderOptions.add(name);
      for (const name of queries.selectFunctions ?? []) reading.selectFunctions.add(name);
    }
    frameworks.requestEntries.push(...(document.requestEntries ?? []));
    if (document.handlerInterface) frameworks.handlerInterfaces.push(document.handlerInterface);
    if (document.servletSettings) frameworks.servletSettings.push(document.servletSettings);
    if (document.serviceFiles) frameworks.serviceFiles.push(document.serviceFiles);
    if (document.protoHttpRules) frameworks.protoHttpRules.push({ framework: document.name, ...document.protoHttpRules });
    if (document.decoratorRoutes) frameworks.decoratorRoutes.push({ ...document.decoratorRoutes, framework: document.name });
    if (document.annotationRoutes) frameworks.annotationRoutes.push({ ...document.annotationRoutes, framework: document.name });
    for (const convention of document.fileRoutes ?? []) frameworks.fileRoutes.push({ ...convention, framework: document.name });
    for (const convention of document.fileExports ?? []) frameworks.fileExports.push({ ...convention, framework: document.name });
    if (document.moduleAliases) frameworks.moduleAliases.push(document.moduleAliases);
    if (document.autoImports) frameworks.autoImports.push(document.autoImports);
    if (document.specificationRoutes) frameworks.specificationRoutes.push({ framework: document.name, packages: document.specificationRoutes.packages, controllerKeys: document.specificationRoutes.controllerKeys ?? [] });
  }
  return frameworks;
}

function emptyQueryReading(): { chainMethods: Set<string>; prefetchAnswered: Set<string>; defaultManagers: Set<string>; loaderOptions: Set<string>; selectFunctions: Set<string> } {
  return { chainMethods: new Set(), prefetchAnswered: new Set(), defaultManagers: new Set(), loaderOptions: new Set(), selectFunctions: new Set() };
}
