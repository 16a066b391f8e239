import { Turns } from '../nextTurn';
import picomatch from 'picomatch';
import { DataFileError } from '../knowledge/checkData';
import { type DataFile, readDataFile } from '../knowledge/dataFile';
import type { KindRuleDocument } from '../knowledge/documents';
import type { Knowledge } from '../knowledge/knowledge';
import type { Favours, Finding, FindingCategory, InterfaceImplementations, KindQuestion } from '../result';
import type { PackageManifest } from './packages';

export type KindMatcher =
  | { type: 'folder'; glob: string }
  | { type: 'file'; glob: string }
  | { type: 'findings'; category: FindingCategory; atLeast: number; kind?: string }
  | { type: 'routes'; atLeast: number; onPublished: boolean }
  | { type: 'interfaces'; implementationsAtLeast: number; shareOfFilesAtLeast?: number }
  | { type: 'implementationsIn'; glob: string; atLeast: number }
  | { type: 'folderWithFiles'; glob: string; atLeast: number }
  | { type: 'siblingFolders'; glob: string; atLeast: number }
  | { type: 'package'; conditions: PackageConditions }
  | { type: 'coreFiles'; groups: string[][]; atLeast: number }
  | { type: 'readme'; mentions: string[]; atLeast: number }
  | { type: 'handlerRouters'; atLeast: number };

/** What one package manifest must say for a `package:` rule to fire: every condition given. */
export type PackageConditions = NonNullable<KindRuleDocument['package']>;

export interface KindRule {
  id: string;
  /** The question of the guide's decision tree the rule answers: who uses the repository, or what its code offers. */
  question: KindQuestion;
  /** `published`: a framework or a library alike (a package for other developers), an answer to who uses it. */
  favours: Favours;
  weight: number;
  why: string;
  matcher: KindMatcher;
  /** `source` (the default): paths, and the code found in them, in tests, examples and docs do not count; `all`: every path counts. */
  scope: 'source' | 'all';
  unless?: string;
}

/** Reads `kind-rules.yml` (or a user's file of the same shape). */
export function parseKindRules(file: DataFile): KindRule[] {
  return readDataFile('kindRulesFile', file).rules.map((rule): KindRule => ({
    id: rule.id,
    question: rule.question ?? 'what-it-offers',
    favours: rule.favours,
    weight: rule.weight,
    why: rule.why,
    matcher: matcherOf(rule),
    scope: rule.scope ?? 'source',
    ...(rule.unless ? { unless: rule.unless } : {}),
  }));
}

/** The one matcher the schema lets a rule have. */
function matcherOf(rule: KindRuleDocument): KindMatcher {
  if (rule.folder !== undefined) return { type: 'folder', glob: rule.folder };
  if (rule.file !== undefined) return { type: 'file', glob: rule.file };
  if (rule.findings) return { type: 'findings', category: rule.findings.category, atLeast: rule.findings.atLeast, ...(rule.findings.kind ? { kind: rule.findings.kind } : {}) };
  if (rule.routes) return { type: 'routes', atLeast: rule.routes.atLeast, onPublished: rule.routes.onPublished ?? false };
  if (rule.interfaces) return { type: 'interfaces', ...rule.interfaces };
  if (rule.implementationsIn) return { type: 'implementationsIn', glob: rule.implementationsIn.folder, atLeast: rule.implementationsIn.atLeast };
  if (rule.folderWithFiles) return { type: 'folderWithFiles', glob: rule.folderWithFiles.folder, atLeast: rule.folderWithFiles.atLeast };
  if (rule.siblingFolders) return { type: 'siblingFolders', glob: rule.siblingFolders.folder, atLeast: rule.siblingFolders.atLeast };
  if (rule.package) return { type: 'package', conditions: rule.package };
  if (rule.coreFiles) return { type: 'coreFiles', groups: rule.coreFiles.groups.map((group) => group.split('|')), atLeast: rule.coreFiles.atLeast };
  if (rule.handlerRouters) return { type: 'handlerRouters', atLeast: rule.handlerRouters.atLeast };
  if (rule.readme) return { type: 'readme', mentions: rule.readme.mentions.map((mention) => mention.toLowerCase()), atLeast: rule.readme.atLeast };
  throw new DataFileError(`kind rule '${rule.id}' has no matcher`);
}

export interface KindRoute {
  handler: string;
  source?: { path: string };
  framework?: string;
}

/** The file that declares a route: the kind counts the routes a repository's own code declares. */
export function declaringPath(route: KindRoute): string {
  return route.source?.path ?? pathOf(route.handler);
}

/** What the rules look at; paths relative to the root being classified. */
export interface KindInputs {
  folders: readonly string[];
  files: readonly string[];
  findings: readonly Pick<Finding, 'category' | 'symbol' | 'details'>[];
  /** Where each route is declared (its `source`), or else its handler: a test's route may be served by the package's own view. */
  routes: readonly KindRoute[];
  interfaces: readonly InterfaceImplementations[];
  /** Go: the types the code exports that serve requests and take handlers (resolve/handlerRouters.ts). */
  handlerRouters?: readonly string[];
  /** The package manifests of the root, of its workspace packages, of its example projects and of its Java and Go builds. */
  packages?: readonly PackageManifest[];
  /** The root README, lower-cased (its beginning): what it talks about is a signal. */
  readme?: { path: string; text: string };
}

export interface FiredRule {
  rule: KindRule;
  path: string;
}

/**
 * Evaluates every rule in order; each fires at most once, with the path that fired it. A rule
 * reads every path: the caller's event loop gets its turns between rules.
 * The layer roles tell which paths are tests, examples and docs; the frameworks, their server packages.
 */
export async function evaluateKindRules(rules: readonly KindRule[], { layerRoles, frameworks }: Pick<Knowledge, 'layerRoles' | 'frameworks'>, inputs: KindInputs, turns = new Turns()): Promise<FiredRule[]> {
  // Filtered a turn at a time: a large workspace has tens of thousands of files, findings and routes.
  const kept = async <T>(items: readonly T[], keep: (item: T) => boolean): Promise<T[]> => {
    const result: T[] = [];
    await turns.each(items, (item) => {
      if (keep(item)) result.push(item);
    });
    return result;
  };
  const source = {
    folders: await kept(inputs.folders, (folder) => !layerRoles.isTestExampleOrDoc(`${folder}/x`)),
    files: await kept(inputs.files, (file) => !layerRoles.isTestExampleOrDoc(file)),
    packages: (inputs.packages ?? []).filter((manifest) => !layerRoles.isTestExampleOrDoc(manifest.path)),
  };
  const inSource = (symbol: string) => !layerRoles.isTestExampleOrDoc(symbol.slice(0, symbol.lastIndexOf(':')));
  const code = {
    findings: await kept(inputs.findings, (finding) => inSource(finding.symbol)),
    routes: await kept(inputs.routes, (route) => !layerRoles.isTestExampleOrDoc(declaringPath(route))),
    interfaces: (await kept(inputs.interfaces, (entry) => inSource(entry.base))).map((entry) => ({ ...entry, implementations: entry.implementations.filter(inSource) })),
    handlerRouters: (inputs.handlerRouters ?? []).filter(inSource),
  };
  const fired: FiredRule[] = [];
  for (const rule of rules) {
    if (turns.due()) await turns.next();
    const paths = rule.scope === 'all' ? inputs : source;
    if (rule.unless && paths.folders.some(globMatcher(rule.unless))) continue;
    const path = firingPath(rule.matcher, paths, rule.scope === 'all' ? inputs : code, inputs, frameworks.serverPackages, source.packages);
    if (path !== undefined) fired.push({ rule, path });
  }
  return fired;
}

function firingPath(
  matcher: KindMatcher,
  paths: Pick<KindInputs, 'folders' | 'files' | 'packages'>,
  code: Pick<KindInputs, 'findings' | 'routes' | 'interfaces' | 'handlerRouters'>,
  { readme }: Pick<KindInputs, 'readme'>,
  serverPackages: ReadonlySet<string>,
  own: readonly PackageManifest[],
): string | undefined {
  switch (matcher.type) {
    case 'package': {
      // What the repository publishes itself, for the manifests that depend on it (its example projects).
      const published = new Set(own.filter((manifest) => manifest.published && manifest.name).map((manifest) => manifest.name));
      return paths.packages?.find((manifest) => meets(manifest, matcher.conditions, serverPackages, published))?.path;
    }
    case 'readme': {
      // How many times the README uses the topic's words, whole words only.
      const count = matcher.mentions.reduce((sum, mention) => sum + (readme?.text.match(new RegExp(`(^|[^a-z0-9])${escapeRegExp(mention)}(?![a-z0-9])`, 'g'))?.length ?? 0), 0);
      return readme && count >= matcher.atLeast ? readme.path : undefined;
    }
    case 'coreFiles': {
      // One folder holding the pieces of a request pipeline (request, response, routing, middleware).
      const children = new Map<string, Set<string>>();
      for (const path of [...paths.files, ...paths.folders]) {
        const slash = path.lastIndexOf('/');
        const parent = slash < 0 ? '' : path.slice(0, slash);
        const stem = path.slice(slash + 1).replace(/\.[^.]*$/, '').replace(/-/g, '_').toLowerCase();
        children.set(parent, (children.get(parent) ?? new Set()).add(stem));
      }
      for (const [folder, stems] of children) {
        const present = matcher.groups.filter((group) => group.some((name) => stems.has(name))).length;
        if (present >= matcher.atLeast) return folder || '.';
      }
      return undefined;
    }
    case 'folderWithFiles': {
      const matches = globMatcher(matcher.glob);
      return paths.folders.find((folder) => matches(folder) && paths.files.filter((file) => file.startsWith(`${folder}/`)).length >= matcher.atLeast);
    }
    case 'siblingFolders': {
      // Folders of one family side by side (`lib/smtp-transport`, `lib/ses-transport`, ...): the parent that holds that many.
      const matches = globMatcher(matcher.glob);
      const byParent = new Map<string, number>();
      for (const folder of paths.folders) {
        if (!matches(folder)) continue;
        const parent = folder.includes('/') ? folder.slice(0, folder.lastIndexOf('/')) : '.';
        const count = (byParent.get(parent) ?? 0) + 1;
        if (count >= matcher.atLeast) return parent;
        byParent.set(parent, count);
      }
      return undefined;
    }
    case 'folder':
      return paths.folders.find(globMatcher(matcher.glob));
    case 'file':
      return paths.files.find(globMatcher(matcher.glob));
    case 'findings': {
      const matching = code.findings.filter((finding) => finding.category === matcher.category && (!matcher.kind || finding.details.kind === matcher.kind));
      // The first by name, not by the order findings come in: the kind is the same for the same findings.
      if (matching.length < matcher.atLeast) return undefined;
      return pathOf(matching.reduce<string | undefined>((first, finding) => (first === undefined || finding.symbol < first ? finding.symbol : first), undefined) ?? '');
    }
    case 'handlerRouters':
      return (code.handlerRouters?.length ?? 0) >= matcher.atLeast ? pathOf(code.handlerRouters?.[0] ?? '') : undefined;
    case 'routes': {
      // What the repository publishes itself, by the names frameworks go by in routes (`tornado`).
      const published = new Set(own.filter((manifest) => manifest.published && manifest.name).map((manifest) => manifest.name.toLowerCase()));
      const routes = matcher.onPublished ? code.routes.filter((route) => route.framework !== undefined && published.has(route.framework)) : code.routes;
      return routes.length >= matcher.atLeast && routes[0] ? declaringPath(routes[0]) : undefined;
    }
    case 'interfaces': {
      const largest = code.interfaces.filter((entry) => !isErrorHierarchy(entry.base)).sort((a, b) => b.implementations.length - a.implementations.length)[0];
      if (!largest || largest.implementations.length < matcher.implementationsAtLeast) return undefined;
      return matcher.shareOfFilesAtLeast === undefined || shareOfFiles(largest.implementations, paths.files) >= matcher.shareOfFilesAtLeast ? largest.base : undefined;
    }
    case 'implementationsIn': {
      // One interface, several implementations, one folder for them (`backends/`, `transports/`).
      const inFolder = globMatcher(matcher.glob);
      for (const entry of code.interfaces) {
        const byFolder = new Map<string, number>();
        for (const implementation of entry.implementations) {
          const folders = pathOf(implementation).split('/').slice(0, -1);
          for (let depth = folders.length; depth > 0; depth--) {
            const folder = folders.slice(0, depth).join('/');
            if (inFolder(folder)) byFolder.set(folder, (byFolder.get(folder) ?? 0) + 1);
          }
        }
        const found = [...byFolder].find(([, count]) => count >= matcher.atLeast);
        if (found) return found[0];
      }
      return undefined;
    }
  }
}

/**
 * An exception class and its subclasses (named as PEP 8 and Java name exceptions, `…Error`,
 * `…Exception`): the errors a package raises, not implementations of something it plugs in.
 */
function isErrorHierarchy(base: string): boolean {
  return /(Error|Exception)$/.test(base.slice(base.lastIndexOf(':') + 1));
}

/** The share of the files in the implementations' languages (by extension) that hold an implementation. */
function shareOfFiles(implementations: readonly string[], files: readonly string[]): number {
  const holding = new Set(implementations.map(pathOf));
  const extensions = new Set([...holding].map(extensionOf));
  const inLanguages = files.filter((file) => extensions.has(extensionOf(file))).length;
  return inLanguages === 0 ? 0 : holding.size / inLanguages;
}

function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.includes('.') ? name.slice(name.lastIndexOf('.')) : '';
}

function meets(manifest: PackageManifest, conditions: PackageConditions, serverPackages: ReadonlySet<string>, published: ReadonlySet<string>): boolean {
  const anyOf = (listed: readonly string[] | undefined, present: readonly string[]) => !listed || listed.some((item) => present.includes(item));
  const anyWordOf = (listed: readonly string[] | undefined, present: readonly string[]) => !listed || listed.some((item) => present.some((word) => word.toLowerCase() === item.toLowerCase()));
  return (
    (conditions.at === undefined || globMatcher(conditions.at)(manifest.path)) &&
    (conditions.published === undefined || manifest.published === conditions.published) &&
    (!conditions.named || conditions.named.some((glob) => globMatcher(glob)(manifest.name))) &&
    anyOf(conditions.classifiers, manifest.classifiers) &&
    !conditions.withoutClassifiers?.some((classifier) => manifest.classifiers.includes(classifier)) &&
    anyWordOf(conditions.keywords, manifest.keywords) &&
    (conditions.keywordsNameServerFramework === undefined ||
      manifest.keywords.some((keyword) => serverPackages.has(keyword.toLowerCase()) && !manifest.dependencies.includes(keyword.toLowerCase()) && !published.has(keyword.toLowerCase())) === conditions.keywordsNameServerFramework) &&
    anyWordOf(conditions.description, manifest.description.split(/[^A-Za-z0-9-]+/)) &&
    anyOf(conditions.declares, manifest.declares) &&
    !conditions.withoutDeclares?.some((field) => manifest.declares.includes(field)) &&
    (!conditions.scripts || manifest.scripts.some((script) => conditions.scripts?.some((glob) => globMatcher(glob)(script)))) &&
    (conditions.application === undefined || manifest.application === conditions.application) &&
    (conditions.deployed === undefined || manifest.deployed === conditions.deployed) &&
    (conditions.pinsDependencies === undefined || (manifest.pinsDependencies ?? false) === conditions.pinsDependencies) &&
    (conditions.dependsOnServerFramework === undefined || manifest.dependencies.some((name) => serverPackages.has(name) && !published.has(name)) === conditions.dependsOnServerFramework) &&
    (conditions.dependsOnPublished === undefined || manifest.dependencies.some((name) => published.has(name)) === conditions.dependsOnPublished)
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function pathOf(symbol: string): string {
  const colon = symbol.lastIndexOf(':');
  return colon < 0 ? symbol : symbol.slice(0, colon);
}

/** Compiled once: the rules are evaluated again for every part and after every edit. */
const compiledGlobs = new Map<string, (path: string) => boolean>();

function globMatcher(glob: string): (path: string) => boolean {
  let matches = compiledGlobs.get(glob);
  if (!matches) {
    const compiled = picomatch(glob, { dot: true });
    // One argument only: `.some(matcher)` passes an index, which picomatch reads as "return an object".
    matches = (path) => compiled(path);
    compiledGlobs.set(glob, matches);
  }
  return matches;
}
