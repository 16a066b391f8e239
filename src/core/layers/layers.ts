import picomatch from 'picomatch';
import { type DataFile, readDataFile } from '../knowledge/dataFile';
import type { KindLayersDocument, LayerRolesDocument, RoleNamesDocument } from '../knowledge/documents';
import type { FileFacts } from '../parse/facts';
import { isWithinModule } from '../resolve/modules';
import { listIn } from '../lists';
import { GlobSet } from '../workspacePatterns';
import { type FindingCategory, type InterfaceImplementations, type RepoKind, SymbolId } from '../result';

/** Roles by the folder or file names that state them (made once from the data: every folder of every file is looked up). */
type RolesByName = ReadonlyMap<string, string>;

/** The role a folder's name states, given in lower case, if any. */
type FolderRole = (folder: string) => string | undefined;

export interface LayerAssignment {
  layer: string;
  reasons: string[];
  confidence: 'stated' | 'inferred' | 'default';
}

/** One kind's layer model, ready for lookups. */
interface KindLayers {
  folders: FolderRole;
  fileNameRoles: RolesByName | undefined;
  /** Roles by the word that ends the name of an interface a file's class implements. */
  interfaceNameRoles: RolesByName | undefined;
  /** The layer of a Java package of annotation types only. */
  annotationPackages: string | undefined;
  /** The layer of a build module that is one backend of the interfaces another module declares. */
  backendModules: string | undefined;
  findings: Partial<Record<FindingCategory, string>>;
  /** Layers whose folder keeps the files below it that a file name or an inner folder give one of these layers. */
  enclosing: ReadonlyMap<string, string>;
  /** Findings whose layer wins over a folder that names one of these layers. */
  findingsOverFolders: Partial<Record<FindingCategory, ReadonlySet<string>>>;
  imports: readonly { modules: readonly string[]; layer: string }[];
  default: string;
}

/** Asked of every path by classification and layers, again after every edit: each answer is kept (within a bound). */
const MAX_REMEMBERED_PATHS = 200_000;

/** The shared role of other projects' code copied into the repository. */
const VENDORED = 'vendored';

/** The shared role of schema migrations. */
const MIGRATION = 'migration';

/** The shared role of code sent to the browser as it is (`browserAssets`). */
const ASSET = 'asset';

/** What a file is besides its path, imports and findings: the workspace interfaces its classes implement, and whether a package names it its entry. */
export interface LayerContext {
  /** The names of the workspace interfaces its classes implement (`KeyvCompressionAdapter`). */
  implements?: readonly string[];
  /** A workspace package's manifest names it the package's entry (`main`, `exports`). */
  packageEntry?: boolean;
  /** It is in a Java package whose types are all annotation types. */
  annotationPackage?: boolean;
  /** It is in the main code of a build module that is one backend of the interfaces another module declares (`backendModules`). */
  backendModule?: boolean;
}

/** Words that say a class is there to be implemented rather than what it is for (`RateLimiterStoreAbstract`, `BaseTransport`). */
const INTERFACE_WORDS = new Set(['abstract', 'base', 'interface']);

/**
 * The layer model of each kind of repository and how a file states its layer, from
 * `layer-roles.yml` (or a user's file of the same shape): gives each file its layer, and tells
 * the paths outside the code under study.
 */
export class LayerRoles {
  private readonly shared: FolderRole;
  /** Roles by a module a file imports, first listed first. */
  private readonly sharedImports: readonly { role: string; modules: readonly string[] }[];
  private readonly isTestFile: (name: string) => boolean;
  private readonly isConfigFile: (name: string) => boolean;
  private readonly isBrowserAssetName: (name: string) => boolean;
  private readonly browserAssetFolders: ReadonlySet<string>;
  private readonly browserAssetExtensions: ReadonlySet<string>;
  /** Folders whose files are outside the code under study: tests', examples' and documentation's. */
  private readonly outsideStudy: ReadonlySet<string>;
  /** The main source roots of Maven and Gradle projects, as folder names (`['src', 'main', 'java']`). */
  private readonly mainSourceRoots: readonly (readonly string[])[];
  /** Their test source roots, as folder names (`['src', 'test', 'java']`). */
  private readonly testSourceRoots: readonly (readonly string[])[];
  /** The same as a path writes them, each with the `/` that follows it. */
  private readonly testSourceRootTexts: readonly string[];
  private readonly kinds: Readonly<Record<RepoKind, KindLayers>>;
  private readonly testExampleOrDoc = new Map<string, boolean>();
  /** The team's layers by glob (archtrace.yml), asked before anything built in; each glob its own set so that the first match wins. */
  private overrides: readonly { globs: GlobSet; glob: string; layer: string }[] = [];
  private overridesFile = '';
  /** Root folders of this workspace that hold other projects' code (`vendoredBesideSrc`, when it has a root `src/`). */
  private vendoredRoots: ReadonlySet<string> = new Set();
  /** The packages of this workspace's main source roots, each as its project folder and package folders (`api\0org/acme`). */
  private mainPackages: ReadonlySet<string> = new Set();
  /**
   * Per kind, the layers an enclosing folder would keep (`enclosingFolders`) that this workspace states
   * nowhere else: there the inner folder is the layer itself (a `db/domain/` package is the only domain).
   */
  private enclosedOnly: Partial<Record<RepoKind, ReadonlySet<string>>> = {};
  private readonly forPaths = new WeakMap<readonly string[], LayerRoles>();

  constructor(private readonly document: LayerRolesDocument) {
    const shared = rolesByName(document.sharedFolders);
    this.shared = (folder) => shared.get(folder);
    this.sharedImports = Object.entries(document.sharedImports ?? {}).map(([role, modules]) => ({ role, modules }));
    this.isTestFile = picomatch(document.testFiles, { dot: true });
    this.isConfigFile = picomatch(document.configFiles, { dot: true });
    this.isBrowserAssetName = document.browserAssets?.files.length ? picomatch(document.browserAssets.files, { dot: true }) : () => false;
    this.browserAssetFolders = new Set(document.browserAssets?.folders ?? []);
    this.browserAssetExtensions = new Set(document.browserAssets?.extensions ?? []);
    this.outsideStudy = new Set([...(document.sharedFolders['test'] ?? []), ...(document.sharedFolders['example'] ?? []), ...(document.sharedFolders[VENDORED] ?? []), ...document.documentationFolders]);
    this.mainSourceRoots = (document.mainSourceRoots ?? []).map((root) => root.split('/'));
    this.testSourceRoots = (document.testSourceRoots ?? []).map((root) => root.split('/'));
    this.testSourceRootTexts = (document.testSourceRoots ?? []).map((root) => `${root}/`);
    const kindLayers = (kind: KindLayersDocument): KindLayers => ({
      folders: folderRoles(rolesByName(kind.folders), Object.entries(kind.folderSuffixes ?? {}).flatMap(([role, words]) => words.map((word) => [word, role] as const))),
      fileNameRoles: kind.fileNameRoles ? rolesByName(kind.fileNameRoles) : undefined,
      interfaceNameRoles: kind.interfaceNameRoles ? rolesByName(kind.interfaceNameRoles) : undefined,
      annotationPackages: kind.annotationPackages,
      backendModules: kind.backendModules,
      enclosing: rolesByName(kind.enclosingFolders ?? {}),
      findings: kind.findings,
      findingsOverFolders: Object.fromEntries(Object.entries(kind.findingsOverFolders ?? {}).map(([category, layers]) => [category, new Set(layers)])),
      imports: kind.imports,
      default: kind.default,
    });
    this.kinds = { framework: kindLayers(document.kinds.framework), service: kindLayers(document.kinds.service), library: kindLayers(document.kinds.library) };
  }

  static parse(file: DataFile): LayerRoles {
    return new LayerRoles(readDataFile('layerRolesFile', file));
  }

  /**
   * The same roles with the team's layer overrides (glob → role, first match wins) asked first,
   * globs matched in linear time as the excludes are (a workspace's glob is untrusted). A glob the
   * matcher cannot run is left out.
   */
  withOverrides(overrides: readonly { glob: string; layer: string }[], file: string): LayerRoles {
    const roles = new LayerRoles(this.document);
    roles.overrides = overrides.map(({ glob, layer }) => ({ globs: new GlobSet([glob]), glob, layer }));
    roles.overridesFile = file;
    return roles;
  }

  /**
   * The same roles, told which root folders of this workspace hold other projects' code: those of
   * `vendoredBesideSrc` when a root `src/` holds the project's own. Made once per list of paths:
   * every update asks again with the same list while no file comes or goes.
   */
  forWorkspace(paths: readonly string[]): LayerRoles {
    let roles = this.forPaths.get(paths);
    if (!roles) this.forPaths.set(paths, (roles = this.madeForWorkspace(paths)));
    return roles;
  }

  private madeForWorkspace(paths: readonly string[]): LayerRoles {
    const besideSrc = new Set(this.document.vendoredBesideSrc ?? []);
    const roots = new Set(paths.map((path) => path.slice(0, path.indexOf('/'))).filter((root) => root));
    const vendored = roots.has('src') ? [...roots].filter((root) => besideSrc.has(root)) : [];
    const mainPackages = new Set<string>();
    if (this.testSourceRoots.length) {
      for (const path of paths) {
        const folders = path.split('/').slice(0, -1);
        const root = sourceRootIn(folders, this.mainSourceRoots);
        for (let end = root ? root.end + 1 : 0; root && end <= folders.length; end++) mainPackages.add(`${folders.slice(0, root.start).join('/')}\0${folders.slice(root.end, end).join('/')}`);
      }
    }
    const enclosedOnly = this.enclosedOnlyIn(paths);
    if (!vendored.length && !this.vendoredRoots.size && !mainPackages.size && !this.mainPackages.size && !Object.keys(enclosedOnly).length && !Object.keys(this.enclosedOnly).length) return this;
    const roles = new LayerRoles(this.document);
    roles.overrides = this.overrides;
    roles.overridesFile = this.overridesFile;
    roles.vendoredRoots = new Set(vendored);
    roles.mainPackages = mainPackages;
    roles.enclosedOnly = enclosedOnly;
    return roles;
  }

  /**
   * The layers an enclosing folder keeps that the workspace's code under study states only inside one:
   * an infrastructure folder keeps ORM entities below it when the domain model is kept in a folder of its
   * own (ports and adapters), not when that folder is the only domain there is.
   */
  private enclosedOnlyIn(paths: readonly string[]): Partial<Record<RepoKind, ReadonlySet<string>>> {
    const found: Partial<Record<RepoKind, ReadonlySet<string>>> = {};
    for (const kind of Object.keys(this.kinds) as RepoKind[]) {
      const layers = this.kinds[kind];
      if (!layers.enclosing.size) continue;
      const within = new Set<string>();
      const apart = new Set<string>();
      for (const path of paths) {
        const folders = path.split('/').slice(0, -1);
        const inner = roleInName(fileName(path), layers.fileNameRoles) ?? roleFromFolders(folders, layers.folders, 'stated');
        if (!inner || !layers.enclosing.has(inner.layer) || apart.has(inner.layer) || this.isTestExampleOrDoc(path)) continue;
        (enclosingFolder(inner, folders, layers) ? within : apart).add(inner.layer);
      }
      const only = [...within].filter((layer) => !apart.has(layer));
      if (only.length) found[kind] = new Set(only);
    }
    return found;
  }

  /**
   * Below a test source root, how many package folders the project's main code has too: tests sit in
   * the packages of the code they test (Maven's convention), so those state no role; a package of
   * the tests' own (`spark/examples`) does. Undefined outside a test source root. What a file's
   * layer depends on besides the file.
   */
  mirroredTestPackages(path: string): number | undefined {
    // Most paths are below no test source root: told by the text alone, the path not split.
    if (!this.testSourceRootTexts.some((root) => path.includes(root))) return undefined;
    const folders = path.split('/').slice(0, -1);
    const root = sourceRootIn(folders, this.testSourceRoots);
    if (!root) return undefined;
    const project = folders.slice(0, root.start).join('/');
    let depth = 0;
    while (root.end + depth < folders.length && this.mainPackages.has(`${project}\0${folders.slice(root.end, root.end + depth + 1).join('/')}`)) depth++;
    return depth;
  }

  /**
   * The unit a backend of a library ships in that a path's code is: the Maven or Gradle module whose
   * main code it is (the folders above its main source root, `gson` of `gson/src/main/java/…`), or
   * the Go package it is compiled into (its folder: `zipfs` of `zipfs/fs.go`), a test file's none.
   */
  mainModuleOf(path: string): string | undefined {
    const folders = path.split('/').slice(0, -1);
    if (path.endsWith('.go')) return this.isTestFile(fileName(path)) ? undefined : `go:${folders.join('/')}`;
    const root = sourceRootIn(folders, this.mainSourceRoots);
    return root ? folders.slice(0, root.start).join('/') : undefined;
  }

  /**
   * The build modules (or Go packages) that are backends of another's interfaces: their main code implements
   * interfaces declared in another module's main code, and most of those are implemented in two or
   * more modules (`Decoder`, implemented in feign-core and in each codec's module; afero's `Fs`, in its
   * root package and in `zipfs`, `tarfs`, `sftpfs`). A module that implements mostly interfaces no
   * other module does (jjwt-impl, of jjwt-api's) is the core's implementation.
   */
  backendModules(interfaces: readonly InterfaceImplementations[]): Set<string> {
    const implemented = new Map<string, string[]>();
    for (const { base, implementations } of interfaces) {
      const declaredIn = this.mainModuleOf(SymbolId.parse(base).path);
      if (declaredIn === undefined) continue;
      const modules = new Set(implementations.flatMap((implementation) => this.mainModuleOf(SymbolId.parse(implementation).path) ?? []));
      for (const module of modules) if (module !== declaredIn) listIn(implemented, module).push(modules.size >= 2 ? 'shared' : 'own');
    }
    return new Set([...implemented].filter(([, kinds]) => 2 * kinds.filter((kind) => kind === 'shared').length > kinds.length).map(([module]) => module));
  }

  /** What a cached layer of a kind depends on besides its file: the root folders taken for other projects' code, the layers no enclosing folder keeps. */
  givenBesidesFile(kind: RepoKind): string {
    return `${[...this.vendoredRoots].sort().join(',')} ${[...(this.enclosedOnly[kind] ?? [])].sort().join(',')}`;
  }

  /** A kind's layers in the order of its architecture, top to bottom: the lanes of the architecture map. */
  lanesOf(kind: RepoKind): readonly string[] {
    return this.document.kinds[kind].lanes;
  }

  /** The roles every kind shares (tests, examples, migrations, configuration): code outside the architecture under study. */
  sharedRoles(): ReadonlySet<string> {
    return new Set([...Object.keys(this.document.sharedFolders), 'test', 'config', ASSET]);
  }

  /** Every layer of the kinds' models (`api`, `domain`, `http`, `public-api`, …): what a file of the code under study may be given. */
  modelLayers(): string[] {
    const layers = new Set<string>();
    for (const kind of Object.values(this.document.kinds)) {
      for (const names of [kind.folders, kind.fileNameRoles ?? {}]) for (const role of Object.keys(names)) layers.add(role);
      for (const role of Object.values(kind.findings)) if (role) layers.add(role);
      for (const { layer } of kind.imports) layers.add(layer);
      layers.add(kind.default);
    }
    return [...layers];
  }

  /** Whether a file's name is a test's (`users.test.ts`, `test_users.py`), wherever it is. */
  isTestFileName(path: string): boolean {
    return this.isTestFile(fileName(path));
  }

  /**
   * Whether a path is outside the code under study: tests, examples, docs, benchmarks, vendored code, browser assets. The
   * repository-kind signals about what the code is full of count only the rest.
   */
  isTestExampleOrDoc(path: string): boolean {
    let known = this.testExampleOrDoc.get(path);
    if (known === undefined) {
      const folders = this.aboveMainPackages(path.split('/').slice(0, -1)).map((folder) => folder.toLowerCase());
      known = this.isTestFile(fileName(path)) || sourceRootIn(path.split('/').slice(0, -1), this.testSourceRoots) !== undefined || folders.some((folder) => this.outsideStudy.has(folder)) || this.isVendoredRoot(path) || this.isBrowserAsset(path);
      if (this.testExampleOrDoc.size >= MAX_REMEMBERED_PATHS) this.testExampleOrDoc.clear();
      this.testExampleOrDoc.set(path, known);
    }
    return known;
  }

  /** Whether a file is code sent to the browser as it is (`static/js/cart.js`, `bootstrap.min.js`), not the backend's. */
  isBrowserAsset(path: string): boolean {
    const name = fileName(path);
    if (!this.browserAssetExtensions.has(name.slice(name.lastIndexOf('.') + 1))) return false;
    return this.isBrowserAssetName(name) || path.split('/').slice(0, -1).some((folder) => this.browserAssetFolders.has(folder.toLowerCase()));
  }

  /** Gives one file its layer role in the model of the repository's kind, with the reasons. */
  layerOf(kind: RepoKind, facts: Pick<FileFacts, 'path' | 'findings' | 'imports'>, context: LayerContext = {}): LayerAssignment {
    const { path } = facts;
    const override = this.overrides.find((entry) => entry.globs.matches(path));
    if (override) return { layer: override.layer, reasons: [`'${override.glob}' in ${this.overridesFile} → ${override.layer}`], confidence: 'stated' };
    if (this.isVendoredRoot(path)) return { layer: VENDORED, reasons: [`\`${path.slice(0, path.indexOf('/'))}/\` beside the project's own \`src/\``], confidence: 'inferred' };
    const name = fileName(path);
    const folders = path.split('/').slice(0, -1);
    const testRoot = sourceRootIn(folders, this.testSourceRoots);
    const above = this.aboveMainPackages(folders);
    const sharedImport = this.sharedImports.find(({ modules }) => facts.imports.some((statement) => statement.level === 0 && modules.some((module) => isWithinModule(statement.module, module))));
    // A main source root's packages state no test or example role, but may be configuration or migrations.
    const shared = testRoot ? undefined : roleFromFolders(folders, this.shared, 'stated', (folder, position) => position < above.length || !this.outsideStudy.has(folder.toLowerCase()));
    // Whatever a test suite or an example holds (its configuration, tests or scripts) is that suite's or example's; a
    // migration stays one, the schema history of whichever application it belongs to.
    const migration = shared?.layer === MIGRATION || sharedImport?.role === MIGRATION;
    const outside = testRoot || migration ? undefined : roleFromFolders(above, this.shared, 'stated', (folder) => this.outsideStudy.has(folder.toLowerCase()), 'outermost');
    if (outside) return outside;
    if (this.isTestFile(name)) return { layer: 'test', reasons: ['test file name'], confidence: 'stated' };
    if (testRoot) {
      // The tests' own packages may state an example or another shared role; the main code's packages state none.
      const own = testRoot.end + (this.mirroredTestPackages(path) ?? 0);
      return roleFromFolders(folders, this.shared, 'stated', (_, position) => position >= own) ?? { layer: 'test', reasons: [`below the test source root \`${folders.slice(0, testRoot.end).join('/')}\``], confidence: 'stated' };
    }
    if (shared) return shared;
    if (this.isBrowserAsset(path)) return { layer: ASSET, reasons: ['code sent to the browser as it is'], confidence: 'stated' };
    if (sharedImport) return { layer: sharedImport.role, reasons: [`imports ${sharedImport.modules.join(' or ')}`], confidence: 'stated' };
    if (this.isConfigFile(name)) return { layer: 'config', reasons: ['configuration file name'], confidence: 'stated' };
    const layers = this.kinds[kind];
    const named = roleInName(name, layers.fileNameRoles);
    const keeps = (inner: LayerAssignment) => (this.enclosedOnly[kind]?.has(inner.layer) ? undefined : enclosingFolder(inner, folders, layers));
    if (named) return keeps(named) ?? named;
    // Folders state the layer first (`domain/repositories.py` is domain); the file name only when they
    // do not, and never a Java file's: it is named after its class (`Stores.java` opens stores), not a layer.
    const byStem = () => (name.endsWith('.java') ? undefined : roleFromFolders(stemsOf(name), layers.folders, 'stated'));
    const innermost = roleFromFolders(folders, layers.folders, 'stated') ?? byStem();
    const stated = innermost && (keeps(innermost) ?? innermost);
    const byFinding = facts.findings.map((finding) => ({ finding, layer: layers.findings[finding.category] })).find((entry) => entry.layer);
    const over = stated && facts.findings.find((finding) => layers.findingsOverFolders[finding.category]?.has(stated.layer) && layers.findings[finding.category]);
    if (over) return { layer: layers.findings[over.category] ?? stated.layer, reasons: [`holds a ${over.category} (${over.symbol}), which outweighs ${stated.reasons[0] ?? 'its folder'}`], confidence: 'stated' };
    if (stated) return stated;
    if (context.annotationPackage && layers.annotationPackages) return { layer: layers.annotationPackages, reasons: ['a package of annotation types'], confidence: 'inferred' };
    if (context.backendModule && layers.backendModules) return { layer: layers.backendModules, reasons: ["its module implements another module's interfaces, as other modules do"], confidence: 'inferred' };
    const entry = kind === 'library' && (context.packageEntry || (/(^|\/)__init__\.py$|(^|\/)index\.[jt]s$/.test(path) && folders.length <= 1));
    // What users import by the package's name is its public API whatever it declares (the interfaces
    // they code against too), unless it is one backend of an interface named for its kind.
    if (byFinding?.layer && !entry) return { layer: byFinding.layer, reasons: [`holds a ${byFinding.finding.category} (${byFinding.finding.symbol})`], confidence: 'inferred' };
    const implemented = implementedRole(context.implements ?? [], layers.interfaceNameRoles);
    if (implemented) return implemented;
    if (entry) return { layer: 'public-api', reasons: ['the package entry point'], confidence: 'inferred' };
    for (const { modules, layer } of layers.imports) {
      const imported = facts.imports.find((statement) => statement.level === 0 && modules.some((module) => isWithinModule(statement.module, module)));
      if (imported) return { layer, reasons: [`imports ${imported.module}`], confidence: 'inferred' };
    }
    return { layer: layers.default, reasons: [`no folder, finding or import states a layer; default for a ${kind}`], confidence: 'default' };
  }

  private isVendoredRoot(path: string): boolean {
    const slash = path.indexOf('/');
    return slash > 0 && this.vendoredRoots.has(path.slice(0, slash));
  }

  /** A path's folders down to its main source root when it is below one (`api/src/main/java/io/x` → `api/src/main/java`), else all of them. */
  private aboveMainPackages(folders: readonly string[]): readonly string[] {
    const root = sourceRootIn(folders, this.mainSourceRoots);
    return root ? folders.slice(0, root.end) : folders;
  }
}

/** The first of the source roots in a path's folders: where it starts and where it ends (the index after its last folder). */
function sourceRootIn(folders: readonly string[], roots: readonly (readonly string[])[]): { start: number; end: number } | undefined {
  for (const root of roots) {
    for (let start = 0; start + root.length <= folders.length; start++) {
      if (root.every((name, offset) => folders[start + offset] === name)) return { start, end: start + root.length };
    }
  }
  return undefined;
}

function rolesByName(roles: RoleNamesDocument): RolesByName {
  const byName = new Map<string, string>();
  for (const [role, names] of Object.entries(roles)) for (const listed of names) if (!byName.has(listed)) byName.set(listed, role);
  return byName;
}

/** The innermost folder that names a role wins (`app/api/services/` is application code), or the outermost when asked. */
function roleFromFolders(folders: readonly string[], roles: FolderRole, confidence: LayerAssignment['confidence'], states: (folder: string, position: number) => boolean = () => true, wins: 'innermost' | 'outermost' = 'innermost'): LayerAssignment | undefined {
  for (let step = 0; step < folders.length; step++) {
    const index = wins === 'innermost' ? folders.length - 1 - step : step;
    if (!states(folders[index] ?? '', index)) continue;
    const role = roles((folders[index] ?? '').toLowerCase());
    if (role) return { layer: role, reasons: [`'${folders[index]}' in the path → ${role}`], confidence };
  }
  return undefined;
}

/**
 * A folder's role by its name, a Python package's marked private too (`httpx/_transports`), or by
 * the word its compound name ends with (`datastores`, `event_brokers`, `smtp-transport`) when what
 * comes before is a word of its own (three letters or more: `restores` is no store).
 */
function folderRoles(names: RolesByName, suffixes: readonly (readonly [string, string])[]): FolderRole {
  return (folder) => {
    const named = names.get(folder) ?? (folder.startsWith('_') ? names.get(folder.replace(/^_+/, '')) : undefined);
    if (named !== undefined || !suffixes.length) return named;
    return suffixes.find(([word]) => folder.endsWith(word) && folder.slice(0, -word.length).replace(/[-_.]$/, '').length >= 3)?.[1];
  };
}

/** The folder that keeps a file whose name or inner folder states `inner` (`infrastructure/persistence/entities/`), when the kind has one. */
function enclosingFolder(inner: LayerAssignment, folders: readonly string[], layers: KindLayers): LayerAssignment | undefined {
  if (!layers.enclosing.size) return undefined;
  const outer = folders.find((folder) => {
    const role = layers.folders(folder.toLowerCase());
    return role !== undefined && role !== inner.layer && layers.enclosing.get(inner.layer) === role;
  });
  const role = outer === undefined ? undefined : layers.folders(outer.toLowerCase());
  return outer !== undefined && role ? { layer: role, reasons: [`'${outer}' in the path → ${role}, which keeps ${inner.reasons[0] ?? inner.layer}`], confidence: 'stated' } : undefined;
}

/** The role the name of an interface a file implements ends with (`KeyvCompressionAdapter` → adapter), the words saying it is abstract aside. */
function implementedRole(interfaces: readonly string[], roles: RolesByName | undefined): LayerAssignment | undefined {
  if (!roles) return undefined;
  for (const name of interfaces) {
    const words = name.split(/(?<=[a-z0-9])(?=[A-Z])|_+/).map((word) => word.toLowerCase()).filter((word) => word && !INTERFACE_WORDS.has(word));
    const role = roles.get(words.at(-1) ?? '');
    if (role) return { layer: role, reasons: [`implements ${name} → ${role}`], confidence: 'inferred' };
  }
  return undefined;
}

/** `orders.service.ts` states the role `service`: a name of three or more parts ending in a TypeScript or JavaScript extension. */
function roleInName(name: string, roles: RolesByName | undefined): LayerAssignment | undefined {
  const parts = name.split('.');
  const suffix = parts.length >= 3 && /^[cm]?[jt]sx?$/.test(parts[parts.length - 1] ?? '') ? (parts[parts.length - 2] ?? '').toLowerCase() : undefined;
  const role = suffix && roles ? roles.get(suffix) : undefined;
  return role ? { layer: role, reasons: [`'.${suffix}' in the file name → ${role}`], confidence: 'stated' } : undefined;
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The stems a file's name may state its layer by, the whole stem asked first: its stem, and for a Go file
 * also the word before its first underscore — Go names a file after what it holds and qualifies it after an
 * underscore (`router_concurrent.go`, as the toolchain's `_linux.go` and `_test.go` do).
 */
function stemsOf(name: string): string[] {
  const stem = fileStem(name);
  const subject = name.endsWith('.go') && stem.includes('_') ? stem.slice(0, stem.indexOf('_')) : '';
  return subject ? [subject, stem] : [stem];
}

function fileStem(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

/**
 * The folders (with their last `/`) of the Java packages whose files declare annotation types only
 * (`public @interface GET`), a `package-info.java` aside: what a library's users write on their code.
 */
export function annotationPackageFolders(files: readonly Pick<FileFacts, 'path' | 'language' | 'symbols'>[]): Set<string> {
  const verdicts = new Map<string, boolean>();
  for (const file of files) {
    if (file.language !== 'java' || file.path.endsWith('/package-info.java')) continue;
    const folder = file.path.slice(0, file.path.lastIndexOf('/') + 1);
    const types = file.symbols.filter((symbol) => symbol.kind === 'class' && !symbol.name.includes('.'));
    const annotations = types.length > 0 && types.every((symbol) => symbol.keywords?.['annotation'] === 'true');
    verdicts.set(folder, (verdicts.get(folder) ?? true) && annotations);
  }
  return new Set([...verdicts].filter(([, annotations]) => annotations).map(([folder]) => folder));
}
