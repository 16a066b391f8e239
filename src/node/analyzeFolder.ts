import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Analysis, type AnalyzeOptions, analyzeWorkspace } from '../core/analyze';
import { type KindRule, parseKindRules } from '../core/classify/kindRules';
import { type LayerRule, parseLayerRules } from '../core/layers/violations';
import { type FrameworkRules, parseFrameworkRules } from '../core/resolve/frameworkFindings';
import { packageRoot } from './assets';
import { nodeFs } from './nodeFs';
import { WorkerAnalyzer, type WorkerAnalyzerOptions } from './workerAnalyzer';

let builtinKindRules: KindRule[] | undefined;
let builtinFrameworkRules: FrameworkRules | undefined;

export function kindRules(): KindRule[] {
  builtinKindRules ??= parseKindRules(readFileSync(join(packageRoot(), 'src', 'core', 'classify', 'kind-rules.yml'), 'utf8'));
  return builtinKindRules;
}

let builtinLayerRules: LayerRule[] | undefined;

export function layerRules(): LayerRule[] {
  builtinLayerRules ??= parseLayerRules(readFileSync(join(packageRoot(), 'src', 'core', 'layers', 'layer-rules.yml'), 'utf8'));
  return builtinLayerRules;
}

export function frameworkRules(): FrameworkRules {
  builtinFrameworkRules ??= parseFrameworkRules(readFileSync(join(packageRoot(), 'src', 'core', 'resolve', 'python-frameworks.yml'), 'utf8'));
  return builtinFrameworkRules;
}

/**
 * Analyses one folder on Node: the CLI, the extension host and the tests all come through here.
 * The worker pool lives as long as the call, so cancelling ends every worker at once.
 */
export async function analyzeFolder(root: string, options: AnalyzeOptions & WorkerAnalyzerOptions = {}): Promise<Analysis> {
  const analyzer = new WorkerAnalyzer(options);
  const stopWorkers = () => void analyzer.dispose();
  options.signal?.addEventListener('abort', stopWorkers, { once: true });
  try {
    return await analyzeWorkspace(root, { fs: nodeFs, analyzer, kindRules: kindRules(), frameworkRules: frameworkRules(), layerRules: layerRules(), concurrency: analyzer.threads * 4 }, options);
  } finally {
    options.signal?.removeEventListener('abort', stopWorkers);
    await analyzer.dispose();
  }
}
