import { PHRASES } from '../../src/core/answers/phrases';
import { buildChecklist } from '../../src/core/checklist/checklist';
import type { Answer, AnswerPart } from '../../src/core/result';
import { analyzeFolder } from '../../src/node/analyzeFolder';

/**
 * How far the code answers the guide's self-test questions, item by item:
 * - answered: every part of the answer lists facts found in the code (or says the question is one
 *   static analysis cannot answer, pointing where to read);
 * - partly: some parts list facts, others found nothing;
 * - not: no part lists a fact: only "nothing found, read X".
 */
export type AnswerState = 'answered' | 'partly' | 'not';

/** The gaps that say a question is not one the code can answer (run it, ask its authors), not that nothing was found. */
const BEYOND_CODE = new Set<string>([PHRASES.orderGap, PHRASES.orderNoConsumers, PHRASES.whyMiddlewareGap, PHRASES.performanceGap, PHRASES.performanceNoBenchmarks, PHRASES.edgeCasesGap, PHRASES.edgeCasesGapHandler, PHRASES.edgeCasesNothing, PHRASES.edgeCasesNone, PHRASES.noRationale, PHRASES.precedenceInMatcher]);

/**
 * The gaps that answer a yes-or-no question of the guide ("Distributed transactions?", "Sagas?") with
 * no, from a search of the whole code under study: an absence stated, as a reader grades it.
 */
const ANSWERING_ABSENCE = new Set<string>([PHRASES.noSaga, PHRASES.noTwoPhase]);

function partState(part: AnswerPart): 'facts' | 'beyond' | 'nothing' {
  if (part.facts.length || part.table?.rows.length || (part.gap && ANSWERING_ABSENCE.has(part.gap.phrase))) return 'facts';
  return part.gap && BEYOND_CODE.has(part.gap.phrase) ? 'beyond' : 'nothing';
}

export function answerState(answer: Answer | undefined): { state: AnswerState; missing: string[] } {
  const parts = answer?.parts ?? [];
  const states = parts.map(partState);
  const missing = parts.filter((_, position) => states[position] === 'nothing').map((part) => part.topic.phrase.replace(/\{(\d+)\}/g, (whole, at: string) => part.topic.terms[Number(at)] ?? whole));
  if (!parts.length || states.every((state) => state === 'nothing')) return { state: 'not', missing: missing.length ? missing : ['no answer'] };
  return { state: missing.length ? 'partly' : 'answered', missing };
}

export interface RepositoryRates {
  root: string;
  kind: string;
  items: { id: string; text: string; state: AnswerState; missing: string[] }[];
}

/** The self-test items of a repository's own kind (not its mixed parts'), each with how far it is answered. */
export async function answerRates(root: string): Promise<RepositoryRates> {
  const analysis = await analyzeFolder(root, { threads: 1 });
  const answers = analysis.answers();
  const items = buildChecklist(analysis.result, answers).filter((item) => item.section === 'self-test' && !item.part);
  return {
    root,
    kind: analysis.result.kind.kind,
    items: items.map((item) => ({ id: item.id, text: item.text, ...answerState(item.answer) })),
  };
}

/** `node out/test/accuracy/answerRates.js FOLDER...`: each repository's self-test, item by item, and the share answered. */
async function main(folders: readonly string[]): Promise<void> {
  for (const folder of folders) {
    const rates = await answerRates(folder);
    const answered = rates.items.filter((item) => item.state === 'answered').length;
    const partly = rates.items.filter((item) => item.state === 'partly').length;
    console.log(`\n## ${folder} (${rates.kind}): ${answered} answered, ${partly} partly, ${rates.items.length - answered - partly} not, of ${rates.items.length}; ${Math.round(((answered + partly / 2) / Math.max(1, rates.items.length)) * 100)} %`);
    for (const item of rates.items) console.log(`- ${item.state.padEnd(8)} ${item.id}${item.missing.length ? ` — nothing found for: ${item.missing.join('; ')}` : ''}`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
