/** The accuracy run's tables (Markdown) and its comparison with an earlier run. */
import { SPLITS, type Split } from './labels';
import { precision, recall, type RepositoryScore, SCORED, type Scored, total, type Totals } from './score';

/** What `npm run accuracy` writes as JSON: enough to print its tables again or compare two runs. */
export interface AccuracyRun {
  /** ArchTrace's commit (and `+changes` when its tree had uncommitted changes). */
  archtrace: string;
  date: string;
  scores: RepositoryScore[];
  totals: Partial<Record<Split, Totals>>;
}

const SHORT: Record<Scored, string> = {
  middleware: 'mw',
  decorator: 'dec',
  signal: 'sig',
  receiver: 'rcv',
  manager: 'mgr',
  model: 'model',
  repository: 'repo',
  task: 'task',
  event: 'event',
  interface: 'impl',
  entity: 'entity',
  route: 'route',
  handler: 'handler',
};

function fraction(part: number, whole: number): string {
  return whole ? `${part}/${whole}` : '–';
}

function percent(value: number | undefined): string {
  return value === undefined ? '–' : `${Math.round(value * 1000) / 10} %`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

const HEADER = ['repository', 'kind', ...SCORED.map((category) => SHORT[category]), 'layers', 'traces', 'mustNotFind'];

/** One split's table: a row per repository (found/listed), then the split's recall and precision per column. */
export function splitTable(split: Split, scores: readonly RepositoryScore[], totals: Totals): string {
  const lines = [`### ${split} (${totals.repositories} repositories, kind right on ${totals.kindsRight})`, '', row(HEADER), row(HEADER.map(() => '---'))];
  for (const score of scores) {
    const forbidden = SCORED.reduce((sum, category) => sum + score.categories[category].forbidden, 0);
    const reported = SCORED.reduce((sum, category) => sum + score.categories[category].reported, 0);
    lines.push(
      row([
        score.repo,
        score.kind.expected === score.kind.got ? score.kind.got : `**${score.kind.got}** (is ${score.kind.expected})`,
        ...SCORED.map((category) => fraction(score.categories[category].found, score.categories[category].listed)),
        fraction(score.layers.agreeing, score.layers.files),
        fraction(score.traces.visited, score.traces.mustVisit),
        forbidden ? `${reported} of ${forbidden} reported` : '–',
      ]),
    );
  }
  lines.push(row(['**recall**', `${totals.kindsRight}/${totals.repositories}`, ...SCORED.map((category) => percent(recall(totals.categories[category]))), percent(recall({ listed: totals.layers.files, found: totals.layers.agreeing })), percent(recall({ listed: totals.traces.mustVisit, found: totals.traces.visited })), '']));
  lines.push(row(['**precision**', '', ...SCORED.map((category) => percent(precision(totals.categories[category]))), '', '', '']));
  return lines.join('\n');
}

/** What each repository missed and wrongly reported, for whoever works on the rules. */
export function details(scores: readonly RepositoryScore[], limit = 15): string {
  const lines: string[] = [];
  for (const score of scores) {
    const items: string[] = [];
    for (const category of SCORED) {
      const tally = score.categories[category];
      for (const miss of tally.misses.slice(0, limit)) items.push(`- missed ${category}: ${miss}`);
      if (tally.misses.length > limit) items.push(`- … ${tally.misses.length - limit} more ${category} missed`);
      for (const wrong of tally.falsePositives) items.push(`- reported, must not be: ${category} ${wrong}`);
    }
    for (const disagreement of score.layers.disagreements.slice(0, limit)) items.push(`- layer: ${disagreement}`);
    if (score.layers.disagreements.length > limit) items.push(`- … ${score.layers.disagreements.length - limit} more layer disagreements`);
    for (const miss of score.traces.misses) items.push(`- trace missed ${miss}`);
    if (score.kind.expected !== score.kind.got) items.push(`- kind: ${score.kind.got}, labelled ${score.kind.expected}`);
    if (items.length) lines.push(`#### ${score.repo}`, '', ...items, '');
  }
  return lines.join('\n');
}

export function totalsBySplit(scores: readonly RepositoryScore[]): Partial<Record<Split, Totals>> {
  const totals: Partial<Record<Split, Totals>> = {};
  for (const split of SPLITS) {
    const inSplit = scores.filter((score) => score.split === split);
    if (inSplit.length) totals[split] = total(inSplit);
  }
  return totals;
}

export function render(run: AccuracyRun): string {
  const sections = [`## Accuracy of ArchTrace ${run.archtrace} (${run.date})`];
  for (const split of SPLITS) {
    const totals = run.totals[split];
    if (totals) sections.push(splitTable(split, run.scores.filter((score) => score.split === split), totals));
  }
  return sections.join('\n\n');
}

/** Each split's figures in two runs side by side, and the repositories whose figures changed. */
export function compare(before: AccuracyRun, after: AccuracyRun): string {
  const sections = [`## ${before.archtrace} → ${after.archtrace}`];
  for (const split of SPLITS) {
    const old = before.totals[split];
    const now = after.totals[split];
    if (!old || !now) continue;
    const lines = [`### ${split}`, '', row(['', 'recall before', 'recall after', 'precision before', 'precision after']), row(['---', '---', '---', '---', '---'])];
    lines.push(row(['kind', `${old.kindsRight}/${old.repositories}`, `${now.kindsRight}/${now.repositories}`, '', '']));
    for (const category of SCORED) {
      lines.push(row([category, percent(recall(old.categories[category])), percent(recall(now.categories[category])), percent(precision(old.categories[category])), percent(precision(now.categories[category]))]));
    }
    lines.push(row(['layers', percent(recall({ listed: old.layers.files, found: old.layers.agreeing })), percent(recall({ listed: now.layers.files, found: now.layers.agreeing })), '', '']));
    lines.push(row(['traces', percent(recall({ listed: old.traces.mustVisit, found: old.traces.visited })), percent(recall({ listed: now.traces.mustVisit, found: now.traces.visited })), '', '']));
    sections.push(lines.join('\n'));
  }
  const changed: string[] = [];
  for (const score of after.scores) {
    const earlier = before.scores.find((candidate) => candidate.repo === score.repo);
    if (!earlier) continue;
    const moves = SCORED.filter((category) => earlier.categories[category].found !== score.categories[category].found || earlier.categories[category].reported !== score.categories[category].reported).map(
      (category) => `${category} ${earlier.categories[category].found}→${score.categories[category].found}${score.categories[category].forbidden ? ` (forbidden reported ${earlier.categories[category].reported}→${score.categories[category].reported})` : ''}`,
    );
    if (earlier.layers.agreeing !== score.layers.agreeing) moves.push(`layers ${earlier.layers.agreeing}→${score.layers.agreeing}`);
    if (earlier.traces.visited !== score.traces.visited) moves.push(`traces ${earlier.traces.visited}→${score.traces.visited}`);
    if (earlier.kind.got !== score.kind.got) moves.push(`kind ${earlier.kind.got}→${score.kind.got}`);
    if (moves.length) changed.push(`- ${score.repo} (${score.split}): ${moves.join(', ')}`);
  }
  if (changed.length) sections.push(['### Changed', '', ...changed].join('\n'));
  return sections.join('\n\n');
}
