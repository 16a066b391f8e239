import type { PackageManifest } from '../classify/packages';
import type { FileFacts } from '../parse/facts';

/** Whether a manifest depends on one of the packages, to run or to build with (SvelteKit and Nuxt applications list their framework among `devDependencies`). */
function dependsOn(manifest: PackageManifest, isFramework: (name: string) => boolean): boolean {
  return [...manifest.dependencies, ...(manifest.developmentDependencies ?? [])].some(isFramework);
}

function namesOneOf(packages: readonly string[]): (name: string) => boolean {
  return (name) => packages.some((wanted) => name === wanted || name.startsWith(`${wanted}/`));
}

/** The nearest npm manifest above a file, among those read, and its package's root (`''` the workspace's, else ending in `/`). */
export function packageOf(path: string, manifests: readonly PackageManifest[]): { root: string; manifest?: PackageManifest } {
  let nearest: { root: string; manifest?: PackageManifest } = { root: '' };
  for (const manifest of manifests) {
    const root = npmRootOf(manifest);
    if (root !== undefined && path.startsWith(root) && (!nearest.manifest || root.length > nearest.root.length)) nearest = { root, manifest };
  }
  return nearest;
}

/** `apps/web/package.json` → `apps/web/`; undefined for a manifest that is no package.json (pyproject.toml). */
function npmRootOf(manifest: PackageManifest): string | undefined {
  return manifest.path === 'package.json' || manifest.path.endsWith('/package.json') ? manifest.path.slice(0, -'package.json'.length) : undefined;
}

/** Whether a file's package is built on one of these frameworks: the file imports one of their packages (or a module of one), or its package's manifest depends on one. */
export function builtOn(file: Pick<FileFacts, 'imports'>, manifest: PackageManifest | undefined, packages: readonly string[]): boolean {
  const isFramework = namesOneOf(packages);
  return file.imports.some((statement) => isFramework(statement.module)) || (manifest !== undefined && dependsOn(manifest, isFramework));
}

/** The roots (`''` the workspace's, else ending in `/`) of the npm packages whose manifests depend on one of these packages, to build with too. */
export function packageRootsOn(packages: readonly string[], manifests: readonly PackageManifest[]): string[] {
  const isFramework = namesOneOf(packages);
  return manifests.flatMap((manifest) => {
    const root = npmRootOf(manifest);
    return root !== undefined && dependsOn(manifest, isFramework) ? [root] : [];
  });
}
