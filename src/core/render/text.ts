import { type Evidence, KIND_QUESTIONS, type KindQuestion, type KindVerdict } from '../result';

const KIND_NAMES = { framework: 'backend framework', service: 'business backend service', library: 'middleware / library' } as const;

/** "business backend service (service 0.72, framework 0.10, library 0.18)" */
export function describeKind(verdict: KindVerdict): string {
  if (!verdict.evidence.length) return 'kind undetermined: no signal fired';
  const scores = (['framework', 'service', 'library'] as const).map((kind) => `${kind} ${verdict.scores[kind].toFixed(2)}`).join(', ');
  return `${KIND_NAMES[verdict.kind]} (${scores})`;
}

/** How the text names the questions of the decision tree. */
export const QUESTION_TITLES: Readonly<Record<KindQuestion, string>> = { 'who-uses-it': 'who uses it', 'what-it-offers': 'what it offers' };

/**
 * The evidence as every renderer shows it: question by question in the order the decision tree asks
 * them, and within one question the heaviest first (what weighed most in the verdict), rules of
 * equal weight in the order the verdict keeps them.
 */
export function evidenceByWeight(verdict: Pick<KindVerdict, 'evidence'>): Evidence[] {
  const asked = (evidence: Evidence) => KIND_QUESTIONS.indexOf(evidence.question);
  // Array.prototype.sort is stable: equal weights keep the verdict's (the rules') order.
  return [...verdict.evidence].sort((a, b) => asked(a) - asked(b) || b.weight - a.weight);
}

/** The `archtrace classify` text: the verdict, then the evidence question by question (heaviest first), then mixed parts. */
export function renderKindText(verdict: KindVerdict): string {
  const lines = [`kind: ${verdict.kind}`, `scores: framework ${verdict.scores.framework}, service ${verdict.scores.service}, library ${verdict.scores.library}`];
  if (!verdict.evidence.length) lines.push('evidence: none (no signal fired; the kind is a guess)');
  else {
    lines.push('evidence:');
    let question: KindQuestion | undefined;
    for (const evidence of evidenceByWeight(verdict)) {
      if (evidence.question !== question) lines.push(`  ${QUESTION_TITLES[(question = evidence.question)]}:`);
      lines.push(`    +${evidence.weight} ${evidence.favours.padEnd(9)} ${evidence.signal} (${evidence.path})`);
    }
  }
  for (const part of verdict.parts) lines.push(`part: ${part.path} is a ${part.kind}`);
  return lines.join('\n');
}
