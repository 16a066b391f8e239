import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Problem, ProblemRule } from '../check/problems';

/** Who made the log: the tool's version and where its documentation lives. */
export interface SarifTool {
  version: string;
  /** The project's home; rules link to `docs/diagnostics.md` under it. */
  informationUri: string;
}

/** The key of ArchTrace's fingerprint in `partialFingerprints`, versioned so that a change of its meaning is a new key. */
const FINGERPRINT_KEY = 'archtrace/v1';

/** A workspace path as a relative URI reference: each segment percent-encoded (`#`, `%`, spaces). */
function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * The problems as a SARIF 2.1.0 log, as GitHub code scanning reads it: one run, every rule the
 * check knows (with its help and link), results located relative to `%SRCROOT%` (the analysed
 * folder) with 1-based regions and fingerprints that do not change when the code moves.
 */
export function renderSarif(problems: readonly Problem[], rules: readonly ProblemRule[], tool: SarifTool): string {
  const docs = `${tool.informationUri.endsWith('/') ? tool.informationUri.slice(0, -1) : tool.informationUri}/blob/main/docs/diagnostics.md`;
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const descriptors = rules.map(
    (rule): ReportingDescriptor => ({
      id: rule.id,
      shortDescription: { text: rule.summary },
      helpUri: `${docs}#${rule.docsAnchor}`,
      help: { text: `${rule.summary} See ${docs}#${rule.docsAnchor}.` },
      defaultConfiguration: { level: 'warning' },
    }),
  );
  const results = problems.map((problem): Result => {
    const index = ruleIndex.get(problem.ruleId);
    return {
      ruleId: problem.ruleId,
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: problem.severity,
      message: { text: problem.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: relativeUri(problem.path), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: problem.start.line + 1,
              startColumn: problem.start.character + 1,
              ...(problem.end ? { endLine: problem.end.line + 1, endColumn: problem.end.character + 1 } : {}),
            },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: problem.fingerprint },
    };
  });
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'ArchTrace', version: tool.version, informationUri: tool.informationUri, rules: descriptors } }, results }],
  };
  return JSON.stringify(log, null, 2);
}
