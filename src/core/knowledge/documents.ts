import type { Favours, FindingCategory, KindQuestion, RepoKind } from '../result';

/**
 * The knowledge files as they are written, once `knowledge.schema.json` has accepted them: each
 * interface mirrors one of the schema's definitions (the schema documents the keys).
 */
export interface DataDocuments {
  kindRulesFile: KindRulesDocument;
  layerRulesFile: LayerRulesDocument;
  layerRolesFile: LayerRolesDocument;
  traceStepsFile: TraceStepsDocument;
  dataAccessFile: DataAccessDocument;
  frameworkFile: FrameworkDocument;
  ruleHeader: RuleHeaderDocument;
  /** The team's `archtrace.yml`, described by `schemas/archtrace.schema.json` (published for editors). */
  configFile: WorkspaceConfigDocument;
}

export interface WorkspaceConfigDocument {
  severities?: Record<string, 'error' | 'warning' | 'off'>;
  exclude?: string[];
  layers?: Record<string, string>;
  dependencies?: { allowed?: Record<string, string[]>; closed?: string[] };
  ruleDirs?: string[];
}

export type DataKind = keyof DataDocuments;

export interface KindRulesDocument {
  rules: KindRuleDocument[];
}

export interface KindRuleDocument {
  id: string;
  question?: KindQuestion;
  favours: Favours;
  weight: number;
  why: string;
  scope?: 'source' | 'all';
  unless?: string;
  folder?: string;
  file?: string;
  findings?: { category: FindingCategory; atLeast: number; kind?: string };
  routes?: { atLeast: number; onPublished?: boolean };
  interfaces?: { implementationsAtLeast: number; shareOfFilesAtLeast?: number };
  implementationsIn?: { folder: string; atLeast: number };
  folderWithFiles?: { folder: string; atLeast: number };
  siblingFolders?: { folder: string; atLeast: number };
  package?: PackageConditionsDocument;
  coreFiles?: { groups: string[]; atLeast: number };
  readme?: { mentions: string[]; atLeast: number };
  handlerRouters?: { atLeast: number };
}

/** What one package manifest must say for a `package:` kind rule to fire: every condition given holds for the same manifest. */
export interface PackageConditionsDocument {
  at?: string;
  published?: boolean;
  application?: boolean;
  dependsOnServerFramework?: boolean;
  dependsOnPublished?: boolean;
  deployed?: boolean;
  pinsDependencies?: boolean;
  named?: string[];
  classifiers?: string[];
  withoutClassifiers?: string[];
  keywords?: string[];
  keywordsNameServerFramework?: boolean;
  description?: string[];
  declares?: string[];
  withoutDeclares?: string[];
  scripts?: string[];
}

export interface LayerRulesDocument {
  rules: LayerRuleDocument[];
}

export interface LayerRuleDocument {
  id: string;
  from: string;
  to?: string;
  toCategories?: FindingCategory[];
  toExternal?: string[];
  unlessFromHolds?: FindingCategory[];
  message: string;
}

/** Roles, each with the folder or file names that state it. */
export type RoleNamesDocument = Record<string, string[]>;

export interface LayerRolesDocument {
  sharedFolders: RoleNamesDocument;
  sharedImports?: RoleNamesDocument;
  testFiles: string[];
  configFiles: string[];
  documentationFolders: string[];
  mainSourceRoots?: string[];
  testSourceRoots?: string[];
  vendoredBesideSrc?: string[];
  browserAssets?: { folders: string[]; files: string[]; extensions: string[] };
  kinds: Record<RepoKind, KindLayersDocument>;
}

export interface KindLayersDocument {
  lanes: string[];
  folders: RoleNamesDocument;
  fileNameRoles?: RoleNamesDocument;
  folderSuffixes?: RoleNamesDocument;
  interfaceNameRoles?: RoleNamesDocument;
  annotationPackages?: string;
  backendModules?: string;
  findings: Partial<Record<FindingCategory, string>>;
  findingsOverFolders?: Partial<Record<FindingCategory, string[]>>;
  enclosingFolders?: RoleNamesDocument;
  imports: { modules: string[]; layer: string }[];
  default: string;
}

/** What a framework answers for an exception the application's code does not handle, and what answers it. */
export interface UncaughtErrorDocument {
  status: number;
  /** The framework's own handler, as its documentation names it (Django's `handler500`). */
  by: string;
}

export interface TraceStepsDocument {
  marks?: Record<string, string>;
  outsideModules: string[];
  enqueueMethods: string[];
  publishMethods: string[];
}

export interface DataAccessDocument {
  dataVerbs: string[];
  sessionNames: string[];
  sessionTypes: string[];
  statementBuilders: string[];
  notRepositories: string[];
  handleTypes?: string[];
  handleVerbs?: string[];
  recordEntities?: string[];
}

export interface FrameworkDocument {
  name: string;
  classes?: ClassRuleDocument[];
  decorators?: string[];
  routers?: {
    makers?: string[];
    mountReplacesOwnPrefix?: boolean;
    defaultMethods?: string[];
    dropsTrailingSlash?: boolean;
    conventionalNames?: string[];
    responderPrefix?: string;
    handlerClasses?: HandlerClassesDocument;
    objectDispatch?: ObjectDispatchDocument;
    servesUnderFirstArgument?: boolean;
    prefixKeywords?: string[];
    prefixFromName?: boolean;
    prefixArgument?: number;
    controllerPath?: ControllerPathDocument;
    unstatedPath?: 'root' | 'function-name';
    optionsBeforeHandler?: boolean;
    routerAttributes?: string[];
    types?: string[];
    verbs?: Record<string, string>;
    groups?: string[];
    scopes?: string[];
    mounts?: string[];
    passThrough?: string[];
    methodFilters?: string[];
    middleware?: string[];
    routeArguments?: RouteArguments;
    packageVerbs?: Record<string, string>;
    packageMiddleware?: string[];
    packageScopes?: string[];
  };
  annotationRoutes?: AnnotationRoutesDocument;
  decoratorRoutes?: DecoratorRoutesDocument;
  handlerInterface?: HandlerInterfaceDocument;
  serviceFiles?: ServiceFilesDocument;
  protoHttpRules?: ProtoHttpRulesDocument;
  servletSettings?: ServletSettingsDocument;
  viewSets?: ViewSetsDocument;
  viewMethodDecorators?: Record<string, string>;
  viewMethodListDecorators?: Record<string, string[]>;
  viewClassMethods?: Record<string, string[]>;
  fileRoutes?: FileRoutesDocument[];
  fileExports?: FileExportsDocument[];
  moduleAliases?: ModuleAliasesDocument;
  autoImports?: AutoImportsDocument;
  specificationRoutes?: SpecificationRoutesDocument;
  serverPackages?: string[];
  instanceAccessors?: string[];
  exceptionStatuses?: Record<string, number>;
  statusExceptions?: string[];
  messageHandlerDecorators?: string[];
  messageBuses?: MessageBusDocument[];
  interfaces?: InterfaceDeclarationsDocument;
  retryDecorators?: string[];
  taskRetryOptions?: string[];
  containerResolvers?: string[];
  conditionalBeans?: string[];
  instanceGetters?: string[];
  proxiedInstances?: ProxiedInstanceDocument[];
  viewObjectGetters?: ViewObjectGetterDocument[];
  idempotentWrites?: string[];
  generatedValues?: string[];
  requestEnders?: string[];
  readCalls?: string[];
  writeCalls?: string[];
  sagaWords?: string[];
  outboxWords?: string[];
  twoPhaseWords?: string[];
  twoPhaseCalls?: string[];
  twoPhaseFlags?: string[];
  instanceSaves?: string[];
  sessionSaves?: string[];
  integrityErrors?: string[];
  responseStatuses?: Record<string, number>;
  responseMakers?: string[];
  middlewareAddedOutside?: string[];
  tupleResponses?: boolean;
  countedUpdates?: string[];
  completionCallbacks?: string[];
  uncaughtError?: UncaughtErrorDocument;
  invalidRequest?: UncaughtErrorDocument;
  tableDeclarations?: string[];
  entryPointReaders?: string[];
  benchmarkTimers?: string[];
  standardModules?: string[];
  relationCalls?: Record<string, string>;
  relationWrappers?: string[];
  models?: ModelReadingDocument;
  queries?: QueryReadingDocument;
  requestEntries?: RequestEntryDocument[];
}

/** Interfaces a library declares (zope.interface): their bases, the class decorators that say a class implements some, and the abstract classes a framework has code extend (Django's `Storage`). */
export interface InterfaceDeclarationsDocument {
  bases?: string[];
  implementedWith?: string[];
  extendedToImplement?: string[];
}

export interface MessageBusDocument {
  dispatch: string;
  handlerDecorator: string;
  handlerMethod: string;
}

export interface RequestEntryDocument {
  protocol: string;
  method: string;
  parameters: string[];
}

/** What a route registration is given after its path (see the schema's `routeArguments`). */
export type RouteArguments = 'middleware-then-handler' | 'handler-then-middleware' | 'handler-then-options';

/** How a framework's dispatcher finds a request's handler in a tree of objects (see the schema's `objectDispatch`). */
export interface ObjectDispatchDocument {
  expose: string[];
  exposeAttribute?: string;
  index: string;
  default?: string;
  verbMethods?: boolean;
}

/** Classes whose methods are route handlers, under the path a class attribute holds (Litestar's `Controller.path`). */
export interface ControllerPathDocument {
  bases: string[];
  attribute: string;
}

export interface HandlerClassesDocument {
  bases: string[];
  webSocketBases?: string[];
  webSocketOpen?: string;
  templatePaths?: boolean;
}

export interface HandlerInterfaceDocument {
  method: string;
  parameters: string[];
  handlerTypes: string[];
}

export interface ServletSettingsDocument {
  folder: string;
  files: string[];
  contextPath: string[];
  servletPath: string[];
  profileKeys?: string[];
  configServer?: ConfigServerDocument;
}

export interface ConfigServerDocument {
  applicationName: string[];
  searchLocations: string[];
  clientKeys: string[];
  importKey?: string;
  importPrefix?: string;
  sharedName?: string;
}

export interface DecoratorRoutesDocument {
  package: string;
  controllers: string[];
  handlers: Record<string, string>;
  versionDecorator?: string;
  moduleDecorator?: string;
  moduleRouter?: string;
  webSocketGateways?: { decorator: string; connectionMethod: string };
}

export interface AnnotationRoutesDocument {
  classPaths?: string[];
  handlers?: Record<string, string>;
  namedHandlers?: { bases: string[]; methods: Record<string, string> };
  methodPaths?: string[];
  pathKeys: string[];
  methodKey?: string;
  servletPaths?: boolean;
  composed?: boolean;
}

export interface ClassRuleDocument {
  id: string;
  category: FindingCategory;
  extends?: string[];
  decoratedWith?: string[];
  alsoDecoratedWith?: string[];
  keyword?: Record<string, string>;
  baseIfDirect?: string[];
  abstractAttribute?: string;
  withFields?: string[];
  abstractOption?: string;
  implementedByFramework?: { queryPrefixes: string[]; queryAnnotations?: string[] };
  scannedPackages?: { annotations: string[]; keys: string[] };
  recordEntities?: boolean;
  embeddedBases?: { atLeast: number };
}

export interface ViewSetsDocument {
  actions: { action: string; method: string; detail: boolean; mixin: string }[];
  classes: Record<string, string[]>;
  mixinModule: string;
  trailingSlashKeyword?: string;
  actionDecorators: { decorator: string; detail?: boolean }[];
}

/** A name a framework binds to an instance of the workspace class deriving from its classes (see the schema's `proxiedInstances`). */
export interface ProxiedInstanceDocument {
  proxy: string;
  classesDerivingFrom: string[];
}

/** A method a view class inherits that returns the instance of its query set's model (see the schema's `viewObjectGetters`). */
export interface ViewObjectGetterDocument {
  method: string;
  bases: string[];
  attribute: string;
}

/** Routes a gateway serves from the HTTP rules of `.proto` services (see the schema's `protoHttpRules`). */
export interface ProtoHttpRulesDocument {
  packages: string[];
  serverInterface: string;
  stub: string;
  registrations: string[];
}

/** Files of service definitions a dependency-injection container loads (see the schema's `serviceFiles`). */
export interface ServiceFilesDocument {
  package: string;
}

/** Import aliases a framework defines for the packages built on it (see the schema's `moduleAliases`). */
export interface ModuleAliasesDocument {
  /** A package depending on one of these (to build with, too) is built on the framework. */
  packages: string[];
  /** Alias → folder of the package (`$lib` → `src/lib`). */
  aliases: Record<string, string>;
}

/** Names a framework gives a folder's files without an import (see the schema's `autoImports`). */
export interface AutoImportsDocument {
  /** A package depending on one of these (to build with, too) is built on the framework. */
  packages: string[];
  /** The folder of the package whose files see the names (`server`). */
  scope: string;
  /** The folders of the package whose files' names they see (`server/utils`). */
  from: string[];
}

/** What a framework finds by file name (see the schema's `fileExports`). */
export interface FileExportsDocument {
  files: string[];
  exports: string[];
  category: FindingCategory;
  packages: string[];
}

/** Routes a framework reads from the file system (see the schema's `fileRoutes`). */
export interface FileRoutesDocument {
  folder: string;
  mount?: string;
  files?: string[];
  groups?: boolean;
  handler?: 'methods' | 'default-export';
  methodSuffix?: boolean;
  ignoredSuffixes?: string[];
  private?: boolean;
  exportMethods?: Record<string, string>;
  naming?: 'folders' | 'flat';
  packages: string[];
  methods: string[];
}

/** Routes a framework reads from the workspace's OpenAPI documents (see the schema's `specificationRoutes`). */
export interface SpecificationRoutesDocument {
  packages: string[];
  controllerKeys?: string[];
}

/** How the route resolver reads a rule's findings (`;; resolves: ...`). */
export type RuleRole = 'router-call' | 'decorator-function' | 'router-call-chain' | 'router-resource' | 'router-middleware' | 'route-middleware' | 'django-urlpatterns' | 'starlette-routes' | 'resource-responders' | 'handler-classes' | 'object-dispatch' | 'request-listener' | 'url-rule' | 'call-enqueues' | 'wrapping-class';

export interface RuleHeaderDocument {
  id?: string;
  category?: FindingCategory;
  hint?: string;
  framework?: string;
  description: string;
  qualifies?: string[];
  packages?: string[];
  outermost?: 'true' | 'false';
  scope?: 'file';
  resolves?: RuleRole;
}

export type Cardinality = 'one-to-one' | 'many-to-one' | 'many-to-many';

export type ModelReader = 'django' | 'tortoise' | 'peewee' | 'emmett' | 'sqlalchemy' | 'sqlmodel' | 'typeorm' | 'mongoose' | 'sequelize' | 'jpa' | 'gorm' | 'xorm';

export interface ModelReadingDocument {
  reader: ModelReader;
  objects?: boolean;
  columns?: string[];
  relations?: Record<string, Cardinality>;
  virtualFields?: string[];
  requiredAnnotations?: string[];
  tagKeywords?: string[];
  migrationBases?: string[];
  embeddedColumns?: Record<string, EmbeddedColumnDocument[]>;
}

export interface EmbeddedColumnDocument {
  name: string;
  type: string;
  primaryKey?: boolean;
  nullable?: boolean;
}

export interface QueryReadingDocument {
  style: 'django' | 'sqlalchemy';
  chainMethods?: string[];
  prefetchAnswered?: string[];
  defaultManagers?: string[];
  loaderOptions?: string[];
  selectFunctions?: string[];
}
