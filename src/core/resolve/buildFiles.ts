import { parse as parseYaml, parseAllDocuments } from 'yaml';
import type { PackageManifest } from '../classify/packages';
import type { WorkspaceFs } from '../host';
import type { ServletSettingsDocument } from '../knowledge/documents';
import type { FileFacts } from '../parse/facts';
import type { Skipped } from '../result';
import { operationsOf, serverUrlPath } from './openApi';
import { type GoModule, goExternalPath } from './packages';

/** A Maven or Gradle project of the workspace: its folder, and what its build file says it makes. */
export interface JvmProject {
  folder: string;
  file: string;
  /** It applies Spring Boot's build plugin: it makes an application to run. */
  bootApplication: boolean;
  /** It is published for others to depend on (Maven's `distributionManagement`, Gradle's `maven-publish`). */
  published: boolean;
}

/** Where a Spring application answers, from its `application.properties`/`.yml` (default profile). */
export interface SpringServletSettings {
  /** The project folder the settings are of (the one holding `src/main/resources`). */
  folder: string;
  file: string;
  /** `server.servlet.context-path`, before every route of the application. */
  contextPath: string;
  /** `spring.mvc.servlet.path`, between the context path and the controllers' paths. */
  servletPath: string;
}

/**
 * Server interfaces OpenAPI Generator writes at build time from a specification (its `spring`
 * generator): each operation a method named after its `operationId`, with its HTTP method and path,
 * for the controllers that implement them to override.
 */
export interface GeneratedApi {
  /** The build file that generates them. */
  file: string;
  /** The specification they are generated from. */
  spec: string;
  /** The package of the generated interfaces (`apiPackage`). */
  apiPackage: string;
  /**
   * The path of the specification's first server when the interfaces carry it
   * (`requestMappingMode: api_interface`): their own prefix, for a controller that states none.
   * The generator's default puts it on the controllers it would write, which `interfaceOnly` does not.
   */
  basePath: string;
  operations: ApiOperation[];
}

export interface ApiOperation {
  operationId: string;
  method: string;
  path: string;
}

/** What the Java and Go build files of a workspace say. */
export interface BuildFiles {
  goModules: GoModule[];
  jvmProjects: JvmProject[];
  springSettings: SpringServletSettings[];
  generatedApis: GeneratedApi[];
  /** Build files that could not be read, and why. */
  problems: Skipped[];
}

/** Build files are small; a larger one is generated or not one. */
const MAX_BUILD_FILE_BYTES = 512 * 1024;
/** So many are read at most: a monorepo's hundreds of modules say the same thing many times. */
const MAX_BUILD_FILES = 400;

const GO_MOD = /(^|\/)go\.mod$/;
const JVM_BUILD = /(^|\/)(pom\.xml|build\.gradle(\.kts)?)$/;

/** Reads the workspace's `go.mod`, `pom.xml`, `build.gradle(.kts)` and the servlet settings files (Spring's `application`) among the files discovered. */
export async function readBuildFiles(fs: WorkspaceFs, root: string, files: readonly string[], servletSettings: readonly ServletSettingsDocument[]): Promise<BuildFiles> {
  const build: BuildFiles = { goModules: [], jvmProjects: [], springSettings: [], generatedApis: [], problems: [] };
  const settingsOf = (file: string) => servletSettings.find(({ folder, files: names }) => names.some((name) => file === `${folder}/${name}` || file.endsWith(`/${folder}/${name}`)));
  const wanted = files.filter((file) => GO_MOD.test(file) || JVM_BUILD.test(file) || settingsOf(file)).slice(0, MAX_BUILD_FILES);
  const local: SettingsFile[] = [];
  const base = root.replace(/\/$/, '');
  await Promise.all(
    wanted.map(async (file) => {
      let text: string;
      try {
        // Checked before a byte is read: a regular file, inside the workspace, within the size of a build file.
        text = await fs.readText(`${base}/${file}`, { root, maxBytes: MAX_BUILD_FILE_BYTES });
      } catch (error) {
        build.problems.push({ path: file, reason: `not read as a build file: ${error instanceof Error ? error.message : String(error)}` });
        return;
      }
      const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
      if (GO_MOD.test(file)) {
        const path = /^[ \t]*module[ \t]+"?([^\s"]+)"?/m.exec(text)?.[1];
        if (path) build.goModules.push({ folder, path });
      } else if (JVM_BUILD.test(file)) {
        build.jvmProjects.push({ folder, file, bootApplication: appliesSpringBoot(file, text), published: isPublished(file, text) });
        for (const generation of springApiGenerations(file, folder, text)) {
          const api = await generatedApi(fs, root, base, file, generation, build.problems);
          if (api) build.generatedApis.push(api);
        }
      } else {
        const keys = settingsOf(file);
        if (!keys) return;
        const values = settingsValues(file, text, keys);
        if (typeof values === 'string') build.problems.push({ path: file, reason: values });
        else local.push({ project: folder === keys.folder ? '' : folder.slice(0, -keys.folder.length - 1), file, keys, values });
      }
    }),
  );
  const readSettings = async (file: string, keys: ServletSettingsDocument): Promise<SettingsFile['values'] | undefined> => {
    let values: SettingsFile['values'] | string;
    try {
      values = settingsValues(file, await fs.readText(`${base}/${file}`, { root, maxBytes: MAX_BUILD_FILE_BYTES }), keys);
    } catch (error) {
      values = `not read as a configuration server's settings: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (typeof values !== 'string') return values;
    build.problems.push({ path: file, reason: values });
    return undefined;
  };
  build.springSettings = await springSettings(local, new Set(files), readSettings);
  for (const list of [build.goModules, build.jvmProjects, build.springSettings]) list.sort((a, b) => a.folder.localeCompare(b.folder));
  build.generatedApis.sort((a, b) => a.file.localeCompare(b.file) || a.spec.localeCompare(b.spec));
  return build;
}

/** A generation of Spring server interfaces a build file configures: the specification (relative to the workspace), the interfaces' package, whether they carry the base path. */
interface ApiGeneration {
  spec: string;
  apiPackage: string;
  basePathOnInterfaces: boolean;
}

/**
 * OpenAPI Generator's Maven plugin (`openapi-generator-maven-plugin`, each `<configuration>`) and
 * Gradle plugin (`openApiGenerate { ... }`) set to the `spring` generator: its `inputSpec` and
 * `apiPackage` (and `requestMappingMode`). Its `spring-cloud` and `spring-http-interface`
 * libraries make HTTP clients, not server interfaces.
 */
function springApiGenerations(file: string, folder: string, text: string): ApiGeneration[] {
  const settings: Record<string, string>[] = [];
  if (file.endsWith('pom.xml')) {
    for (const written of text.split('<plugin>').slice(1)) {
      const plugin = written.split('</plugin>')[0] ?? '';
      if (!/<artifactId>\s*openapi-generator-maven-plugin\s*<\/artifactId>/.test(plugin)) continue;
      for (const configuration of plugin.split('<configuration>').slice(1)) {
        const values: Record<string, string> = {};
        for (const key of ['inputSpec', 'generatorName', 'library', 'apiPackage', 'requestMappingMode', 'useRequestMappingOnInterface']) {
          const value = new RegExp(`<${key}>\\s*([^<]*?)\\s*</${key}>`).exec(configuration)?.[1];
          if (value) values[key] = value;
        }
        settings.push(values);
      }
    }
  } else {
    const block = /\bopenApiGenerate\s*\{([^}]*)\}/.exec(text)?.[1] ?? '';
    const values: Record<string, string> = {};
    for (const key of ['inputSpec', 'generatorName', 'library', 'apiPackage', 'requestMappingMode', 'useRequestMappingOnInterface']) {
      // `key = "x"`, `key.set("x")`, and in a `configOptions` map, `key: "x"` or `"key": "x"`.
      const value = new RegExp(`\\b${key}["']?\\s*(?:=|:|\\.set\\()\\s*["']([^"']*)["']`).exec(block)?.[1];
      if (value) values[key] = value;
    }
    if (block) settings.push(values);
  }
  return settings.flatMap((values) => {
    const { inputSpec, apiPackage } = values;
    if (values['generatorName'] !== 'spring' || ['spring-cloud', 'spring-http-interface'].includes(values['library'] ?? '') || !inputSpec || !apiPackage) return [];
    const spec = inputSpec.replace(/^\$\{(project\.basedir|basedir|project\.projectDir|projectDir|rootDir)\}\/?|^\$(projectDir|rootDir)\/?/, '');
    const basePathOnInterfaces = values['requestMappingMode'] === 'api_interface' || values['useRequestMappingOnInterface'] === 'true';
    return [{ spec: folder && !spec.startsWith('/') ? `${folder}/${spec}` : spec.replace(/^\//, ''), apiPackage, basePathOnInterfaces }];
  });
}

/** The operations of a specification a build generates interfaces from; undefined (with the reason told) when it cannot be read. */
async function generatedApi(fs: WorkspaceFs, root: string, base: string, file: string, generation: ApiGeneration, problems: Skipped[]): Promise<GeneratedApi | undefined> {
  let document: unknown;
  try {
    // Checked before a byte is read, as a build file is: a regular file inside the workspace, within the size of a specification.
    const text = await fs.readText(`${base}/${generation.spec}`, { root, maxBytes: MAX_SPECIFICATION_BYTES });
    document = parseYaml(text) as unknown;
  } catch (error) {
    problems.push({ path: generation.spec, reason: `not read as the OpenAPI specification ${file} generates interfaces from: ${error instanceof Error ? error.message : String(error)}` });
    return undefined;
  }
  const operations: ApiOperation[] = operationsOf(document).map(({ operationId, method, path }) => ({ operationId, method, path }));
  const basePath = generation.basePathOnInterfaces ? (serverUrlPath(document) ?? '') : '';
  return { file, spec: generation.spec, apiPackage: generation.apiPackage, basePath, operations };
}

/** A specification is bigger than a build file, but still bounded. */
const MAX_SPECIFICATION_BYTES = 8 * 1024 * 1024;

function appliesSpringBoot(file: string, text: string): boolean {
  return file.endsWith('pom.xml') ? /<artifactId>\s*spring-boot-maven-plugin\s*<\/artifactId>/.test(text) : /org\.springframework\.boot['"]?\s*(?:\)\s*)?version|id\s*(?:\(\s*)?['"]org\.springframework\.boot['"]|apply\s+plugin:\s*['"](org\.springframework\.boot|spring-boot)['"]/.test(text);
}

function isPublished(file: string, text: string): boolean {
  return file.endsWith('pom.xml') ? /<distributionManagement>/.test(text) : /['"`]?maven-publish['"`]?|\bmaven-publish\b|\bsigning\b\s*\{/.test(text);
}

/** A Spring settings file of a project: its values in the default profile, flattened (`server.servlet.context-path`). */
interface SettingsFile {
  project: string;
  file: string;
  keys: ServletSettingsDocument;
  values: ReadonlyMap<string, string>;
}

/**
 * Each project's servlet paths: its settings files taken in the order their names are listed
 * (`application` before `bootstrap`), each key from the first that sets it, under what a
 * configuration server of the workspace serves the project, which wins over its own.
 */
async function springSettings(local: readonly SettingsFile[], files: ReadonlySet<string>, read: (file: string, keys: ServletSettingsDocument) => Promise<SettingsFile['values'] | undefined>): Promise<SpringServletSettings[]> {
  const projects = new Map<string, SettingsFile[]>();
  for (const entry of local) projects.set(entry.project, [...(projects.get(entry.project) ?? []), entry]);
  const servers = local.filter(({ keys, values }) => keys.configServer && firstValue([{ values }], keys.configServer.searchLocations));
  const settings: SpringServletSettings[] = [];
  for (const [project, entries] of projects) {
    const rank = (entry: SettingsFile) => entry.keys.files.findIndex((name) => entry.file.endsWith(`/${name}`) || entry.file === name);
    const own = [...entries].sort((a, b) => rank(a) - rank(b) || a.file.localeCompare(b.file));
    const keys = own[0]?.keys;
    if (!keys) continue;
    const ordered = [...(await servedSettings(project, own, keys, servers, files, read)), ...own];
    const contextPath = firstValue(ordered, keys.contextPath);
    const servletPath = firstValue(ordered, keys.servletPath);
    settings.push({ folder: project, file: contextPath?.file ?? servletPath?.file ?? own[0]?.file ?? '', contextPath: placeholderDefault(contextPath?.value ?? ''), servletPath: placeholderDefault(servletPath?.value ?? '') });
  }
  return settings;
}

/** The first of the files that sets one of the keys (the keys in order within a file): its value, and the file. */
function firstValue<T extends { values: ReadonlyMap<string, string>; file?: string }>(files: readonly T[], keys: readonly string[]): { value: string; file: string } | undefined {
  for (const entry of files) {
    for (const key of keys) {
      const value = entry.values.get(key);
      if (value !== undefined) return { value, file: entry.file ?? '' };
    }
  }
  return undefined;
}

/**
 * The settings a configuration server of the workspace serves a project that is its client and
 * names itself: the files named after it in each of the server's search locations, then the
 * shared ones, as Spring Cloud Config's native backend serves them. A location outside the
 * server's classpath (`file:`, an environment placeholder) is not in the workspace as written.
 */
async function servedSettings(project: string, own: readonly SettingsFile[], keys: ServletSettingsDocument, servers: readonly SettingsFile[], files: ReadonlySet<string>, read: (file: string, keys: ServletSettingsDocument) => Promise<SettingsFile['values'] | undefined>): Promise<SettingsFile[]> {
  const server = keys.configServer;
  const name = server && firstValue(own, server.applicationName)?.value;
  const importsServer = (values: SettingsFile['values']) => server?.importKey !== undefined && server.importPrefix !== undefined && (values.get(server.importKey) ?? '').includes(server.importPrefix);
  if (!server || !name || !own.some(({ values }) => server.clientKeys.some((key) => values.has(key)) || importsServer(values))) return [];
  const served: SettingsFile[] = [];
  for (const names of [[name], server.sharedName ? [server.sharedName] : []]) {
    for (const entry of servers) {
      if (entry.project === project) continue;
      for (const written of (firstValue([entry], server.searchLocations)?.value ?? '').split(',')) {
        const location = written.trim().replaceAll('{application}', name);
        if (!location || /^file:|[{$]/.test(location)) continue;
        const folder = [entry.project, entry.keys.folder, location.replace(/^classpath\*?:/, '').split('/').filter(Boolean).join('/')].filter(Boolean).join('/');
        for (const file of names.flatMap((base) => ['properties', 'yml', 'yaml'].map((extension) => `${folder}/${base}.${extension}`))) {
          if (!files.has(file)) continue;
          const values = await read(file, keys);
          if (values) served.push({ project, file, keys, values });
        }
      }
    }
  }
  return served;
}

/** The values a settings file sets in the default profile, flattened; a message when it cannot be read. */
function settingsValues(file: string, text: string, keys: ServletSettingsDocument): Map<string, string> | string {
  const values = new Map<string, string>();
  if (file.endsWith('.properties')) {
    for (const line of text.split('\n')) {
      const match = /^\s*([\w.-]+)\s*[=:](.*)$/.exec(line);
      if (match?.[1] && match[2] !== undefined) values.set(match[1], match[2].trim());
    }
    return values;
  }
  let documents;
  try {
    documents = parseAllDocuments(text);
  } catch (error) {
    return `not read for its servlet paths: ${error instanceof Error ? error.message : String(error)}`;
  }
  // The default profile: documents activated for a profile of their own are left out.
  for (const document of Array.isArray(documents) ? documents : [documents]) {
    if (document.errors.length) return `not read for its servlet paths: ${document.errors[0]?.message ?? 'YAML error'}`;
    const tree = document.toJS() as unknown;
    const flat = new Map<string, string>();
    flatten(tree, '', flat);
    if (keys.profileKeys?.some((key) => flat.has(key))) continue;
    for (const [key, value] of flat) if (!values.has(key)) values.set(key, value);
  }
  return values;
}

function flatten(value: unknown, prefix: string, into: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else if (Array.isArray(value)) {
    // A list of scalars (`search-locations: [classpath:/a, classpath:/b]`) is what its comma-separated form says.
    const scalars = value.filter((item) => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean');
    if (scalars.length) into.set(prefix, scalars.map(String).join(','));
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') into.set(prefix, String(value));
}

/** `${CONTEXT_PATH:/api}` → `/api` (the default of an environment placeholder); another placeholder → ''. */
function placeholderDefault(value: string): string {
  const trimmed = value.replace(/^['"]|['"]$/g, '');
  const placeholder = /^\$\{[^:}]*:([^}]*)\}$/.exec(trimmed);
  if (placeholder) return placeholder[1] ?? '';
  return trimmed.includes('${') ? '' : trimmed;
}

/** The servlet settings that apply to a file: those of the nearest project folder above it. */
export function settingsFor(settings: readonly SpringServletSettings[], path: string): SpringServletSettings | undefined {
  let best: SpringServletSettings | undefined;
  for (const candidate of settings) {
    if ((candidate.folder === '' || path.startsWith(`${candidate.folder}/`)) && (!best || candidate.folder.length > best.folder.length)) best = candidate;
  }
  return best;
}

/**
 * What the Java and Go build files say of who uses the code, as the package manifests the kind
 * rules read: a Maven or Gradle project applying Spring Boot's plugin makes an application, one
 * that declares where it is published is published for others; a Go `main` package importing a
 * server package is an application, a root Go module without a `main` package is published.
 */
export function buildPackages(build: BuildFiles, files: readonly FileFacts[], serverPackages: ReadonlySet<string>): PackageManifest[] {
  const manifest = (path: string, says: Pick<PackageManifest, 'published' | 'application'>): PackageManifest => ({ path, name: '', ...says, deployed: false, description: '', classifiers: [], keywords: [], dependencies: [], declares: [], scripts: [] });
  const packages = build.jvmProjects.map((project) => manifest(project.file, { published: project.published && !project.bootApplication, application: project.bootApplication }));
  const rootModule = build.goModules.find((module) => module.folder === '');
  const mains = files.filter((file) => file.language === 'go' && file.packageName === 'main' && !EXAMPLE_OR_TEST.test(file.path));
  // A package at the module's root is what `go get <module>` imports: the module is published, and its
  // `main` packages are the commands it ships with it; a server project imports nothing of its own from
  // the root and keeps its code in internal/ and cmd/ (go.dev/doc/modules/layout).
  const importableRoot = rootModule !== undefined && files.some((file) => file.language === 'go' && !file.path.includes('/') && file.packageName !== undefined && file.packageName !== 'main' && !EXAMPLE_OR_TEST.test(file.path));
  const goServer = importableRoot ? undefined : mains.find((file) => file.imports.some((statement) => serverPackages.has(goExternalPath(statement.module))));
  if (goServer) packages.push(manifest(goServer.path, { published: false, application: true }));
  else if (rootModule && (importableRoot || !mains.length)) packages.push(manifest('go.mod', { published: true, application: false }));
  return packages;
}

/** Examples and tests of a module are not what it ships. */
const EXAMPLE_OR_TEST = /(^|\/)(_?examples?|testdata|tests?)\/|_test\.go$/;
