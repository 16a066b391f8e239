import { parse as parseYaml } from 'yaml';
import type { PackageManifest } from '../classify/packages';
import { readWorkspaceText } from '../discover/discover';
import type { ReadLimits, WorkspaceFs } from '../host';
import type { ServiceFilesDocument } from '../knowledge/documents';
import type { Skipped } from '../result';
import { packageRootsOn } from './frameworkPackages';

/** One service a container's definition file declares: `Apps.controllers.StatusGetController: { class: ../../controllers/StatusGetController }`. */
export interface ServiceDefinition {
  /** The file that declares it. */
  file: string;
  id: string;
  /** The class's module as written, relative to the file. */
  module: string;
}

/** At most this many definition files are read: a container's are a few per application. */
const MAX_SERVICE_FILES = 400;

/**
 * The services the workspace's container definition files declare (the schema's `serviceFiles`):
 * the YAML files of the packages that depend on a container's package whose top-level `services`
 * map ids to a `class`. Other YAML (a docker-compose file's `services`, CI settings) declares none;
 * a file that cannot be parsed is skipped with the reason.
 */
export async function readServiceFiles(fs: WorkspaceFs, limits: ReadLimits & { root: string }, files: readonly string[], documents: readonly ServiceFilesDocument[], manifests: readonly PackageManifest[], skipped: Skipped[]): Promise<ServiceDefinition[]> {
  const roots = documents.flatMap((document) => packageRootsOn([document.package], manifests));
  if (!roots.length) return [];
  const under = (path: string) => roots.some((root) => root === '' || path.startsWith(`${root}/`));
  const yaml = files.filter((path) => /\.ya?ml$/i.test(path) && under(path));
  if (yaml.length > MAX_SERVICE_FILES) skipped.push({ path: '.', reason: `${yaml.length - MAX_SERVICE_FILES} YAML files not read for container services: only the first ${MAX_SERVICE_FILES} are` });
  const candidates = yaml.slice(0, MAX_SERVICE_FILES);
  const definitions: ServiceDefinition[] = [];
  for (const path of candidates) {
    const text = await readWorkspaceText(fs, limits, path, skipped);
    if (text === undefined || !/^services\s*:/m.test(text)) continue;
    let document: unknown;
    try {
      document = parseYaml(text, { maxAliasCount: 100 });
    } catch (error) {
      skipped.push({ path, reason: `not read for its services: ${(error as Error).message.split('\n')[0]}` });
      continue;
    }
    definitions.push(...servicesOf(path, document));
  }
  return definitions;
}

function servicesOf(file: string, document: unknown): ServiceDefinition[] {
  const services = isMap(document) ? document['services'] : undefined;
  if (!isMap(services)) return [];
  const definitions: ServiceDefinition[] = [];
  for (const [id, declared] of Object.entries(services)) {
    const module = isMap(declared) ? declared['class'] : undefined;
    if (typeof module === 'string' && module.trim()) definitions.push({ file, id, module: module.trim() });
  }
  return definitions;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
