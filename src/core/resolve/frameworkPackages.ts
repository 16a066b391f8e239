import type { PackageManifest } from '../classify/packages';
import type { FileFacts } from '../parse/facts';

/** The packages a manifest depends on, to run or to build with (SvelteKit and Nuxt applications list their framework among `devDependencies`). */
function dependsOn(manifest: PackageManifest, isFramework: (name: string) => boolean): boolean {
  return [...manifest.dependencies, ...(manifest.developmentDependencies ?? [])].some(isFramework);
}

function namesOneOf(packages: readonly string[]): (name: string) => boolean {
  return (name) => packages.some((wanted) => name === wanted || name.startsWith(`${wanted}/`));
}

/**
 * The root of the package a file is in (`''` the workspace's, else ending in `/`) when that package
 * is built on one of these frameworks: the file imports one of their packages (or a module of one),
 * or the nearest npm manifest above it depends on one. Undefined when it is not.
 */
export function frameworkPackageRoot(file: Pick<FileFacts, 'path' | 'imports'>, packages: readonly string[], manifests: readonly PackageManifest[]): string | undefined {
  const isFramework = namesOneOf(packages);
  let nearest: PackageManifest | undefined;
  for (const manifest of manifests) {
    if (!manifest.path.endsWith('package.json')) continue;
    const folder = manifest.path.slice(0, -'package.json'.length);
    if (file.path.startsWith(folder) && (!nearest || folder.length > nearest.path.length - 'package.json'.length)) nearest = manifest;
  }
  const root = nearest ? nearest.path.slice(0, -'package.json'.length) : '';
  if (file.imports.some((statement) => isFramework(statement.module))) return root;
  return nearest && dependsOn(nearest, isFramework) ? root : undefined;
}

/** The roots (`''` the workspace's, else ending in `/`) of the npm packages whose manifests depend on one of these packages, to build with too. */
export function packageRootsOn(packages: readonly string[], manifests: readonly PackageManifest[]): string[] {
  const isFramework = namesOneOf(packages);
  return manifests.filter((manifest) => manifest.path.endsWith('package.json') && dependsOn(manifest, isFramework)).map((manifest) => manifest.path.slice(0, -'package.json'.length));
}
