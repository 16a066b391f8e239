import picomatch from 'picomatch';
import type { PackageManifest } from '../classify/packages';
import type { FileExports } from '../frameworks/frameworks';
import { Turns } from '../nextTurn';
import type { Finding } from '../result';
import { withoutSourceExtension } from './fileRoutes';
import { builtOn, packageOf } from './frameworkPackages';
import type { SymbolIndex } from './symbolIndex';

/**
 * What a framework finds by file name (a framework file's `fileExports`): in a package built on the
 * framework, a file at one of the given places below the package's root (Next.js's `middleware.ts`,
 * each of Nitro's `server/middleware/*`) exports, under one of the given names, a finding of the
 * given category.
 */
export async function fileExportFindings(index: SymbolIndex, conventions: readonly FileExports[], manifests: readonly PackageManifest[], turns = new Turns()): Promise<Finding[]> {
  const findings: Finding[] = [];
  if (!conventions.length) return findings;
  const placed = conventions.map((convention) => ({ convention, isPlace: picomatch(convention.files) }));
  await turns.each(index.files(), (file) => {
    if ((file.language !== 'typescript' && file.language !== 'javascript') || file.skipped) return;
    const { root, manifest } = packageOf(file.path, manifests);
    const place = withoutSourceExtension(file.path.slice(root.length));
    for (const { convention, isPlace } of placed) {
      if (!isPlace(place) || !builtOn(file, manifest, convention.packages)) continue;
      for (const { symbol, definition } of index.definitionsIn(file.path)) {
        const named = convention.exports.includes(definition.name) || (definition.defaultExport === true && convention.exports.includes('default'));
        if (!named || !(definition.kind === 'function' || (definition.kind === 'variable' && definition.value))) continue;
        findings.push({ category: convention.category, symbol, range: definition.range, layer: '', details: { rule: 'file-export', framework: convention.framework } });
      }
    }
  });
  return findings;
}
