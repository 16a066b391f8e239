import type { ReadLimits, WorkspaceFs } from '../host';
import type { Skipped } from '../result';
import { readWorkspaceText } from './discover';

/** A file a newcomer reads beside the code (README, CONTRIBUTING, tox.ini, a CI workflow, an example), with its text. */
export interface StudyDocument {
  path: string;
  text: string;
}

/** The documentation's front page (`docs/index.rst`), which says what the project is and why, as the README does. */
export const DOCS_INDEX = /^docs?\/index\.(md|mdx|rst|txt)$/i;

/**
 * The files that say what a project is for, how it is used and how to work on it: its README,
 * packaging metadata, test and lint set-up (tox, nox, Makefile, CI workflows, compose files),
 * CONTRIBUTING and changelog, the documentation's front page, the pages named as tutorials and
 * those on the core's topics (routing, middleware, the ORM), and its examples.
 */
const STUDY_DOCUMENT = [
  /^(readme|contributing|changes|changelog|history|news)(\.\w+)?$/i,
  /^(\.github|docs?)\/contributing(\.\w+)?$/i,
  DOCS_INDEX,
  /^(tox\.ini|noxfile\.py|makefile|pyproject\.toml|setup\.cfg|setup\.py|package\.json)$/i,
  /^\.github\/workflows\/[^/]+\.ya?ml$/i,
  /^(docker-)?compose[^/]*\.ya?ml$/i,
];

const WORKSPACE_MANIFEST = /^(?:[^/]+\/){1,2}package\.json$/;

/** Documentation pages whose names say they teach usage. */
export const TUTORIAL_PAGE = /^docs?\/(?:.*\/)?[^/]*(tutorial|quick-?start|getting[-_]?started|first[-_]steps|intro(duction)?|usage|basics)[^/]*\.(md|mdx|rst|txt)$/i;

/**
 * What each answer's topic is about, read in a dependency's dotted class name (`webcore.routing.routes.HTTPRoute`)
 * and in a documentation page's path read as a dotted name (`docs/routing.md` as `routing.md`).
 * Generic, so code rather than framework data: the words are how any package names the modules of
 * these topics (routing, middleware, the request's way in, the ORM), matched in whichever dependency
 * the project declares, not names one framework defines.
 */
export const FOUNDATION_TOPICS = {
  entry: /(^|\.)(app|application|asgi|wsgi|rsgi|handlers?|protocols?|server)(\.|$)/i,
  routing: /rout|url|rule/i,
  middleware: /pipe|middleware/i,
  orm: /(^|\.)(orm|dal|objects|adapters?|dialects?|sql\w*|models?|table|field|set|rows?)(\.|$)/i,
} as const;

/** A documentation page: prose in a documentation folder. */
export const DOCUMENTATION_PAGE = /(^|\/)docs?\/.*\.(md|mdx|rst|txt)$/i;

/** Whether a documentation page is about a topic, by its path below the documentation folder read as a dotted name. */
export function isTopicPage(path: string, topic: RegExp): boolean {
  return DOCUMENTATION_PAGE.test(path) && topic.test(path.replace(/^.*?(^|\/)docs?\//i, '').split(/[/._-]+/).join('.'));
}

/** Topic pages read at most: the shallowest, where a framework documents what its core dependency does for its users. */
const MAX_TOPIC_PAGES = 24;

/** An example file whose calls show the basic API. */
const EXAMPLE_FILE = /^(?:.*\/)?(examples?|samples?)\/(?:[^/]+\/)?[^/]+\.(py|[cm]?[jt]s)$/i;

/** Enough of each kind for a study guide, and a bound on what a large monorepo makes the analysis read. */
const MAX_WORKFLOWS = 12;
const MAX_TUTORIAL_PAGES = 12;
const MAX_EXAMPLE_FILES = 12;
const MAX_WORKSPACE_MANIFESTS = 50;
/** The beginning of a document says what the answers quote; a long changelog is not read whole. */
const DOCUMENT_CHARACTERS = 128 * 1024;

/** The paths of the workspace's study documents, at most a bounded number of each kind, sorted. */
export function studyDocumentPaths(paths: readonly string[]): string[] {
  const sorted = [...paths].sort();
  const chosen = sorted.filter((path) => STUDY_DOCUMENT.some((pattern) => pattern.test(path)));
  const workflows = chosen.filter((path) => path.startsWith('.github/workflows/')).slice(MAX_WORKFLOWS);
  const pages = sorted.filter((path) => TUTORIAL_PAGE.test(path)).slice(0, MAX_TUTORIAL_PAGES);
  // The shortest paths first: an example at the top of the folder before one deep inside a project.
  // The workspace packages' manifests name the packages examples import (`keyv` of a monorepo's `core/keyv/`).
  const manifests = sorted.filter((path) => WORKSPACE_MANIFEST.test(path) && !/(^|\/)(examples?|samples?|node_modules|test|tests|fixtures)\//.test(path)).slice(0, MAX_WORKSPACE_MANIFESTS);
  const examples = sorted.filter((path) => EXAMPLE_FILE.test(path) && !/(^|\/)(__init__\.py|conftest\.py|setup\.py)$/.test(path)).sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b)).slice(0, MAX_EXAMPLE_FILES);
  const topics = sorted
    .filter((path) => !pages.includes(path) && !chosen.includes(path) && Object.values(FOUNDATION_TOPICS).some((topic) => isTopicPage(path, topic)))
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b))
    .slice(0, MAX_TOPIC_PAGES);
  return [...chosen.filter((path) => !workflows.includes(path)), ...manifests, ...pages, ...examples, ...topics];
}

/** The study documents' texts (their beginning), read through the same checks as every file. */
export async function readStudyDocuments(fs: Pick<WorkspaceFs, 'readText'>, limits: ReadLimits & { root: string }, paths: readonly string[], skipped: Skipped[]): Promise<StudyDocument[]> {
  const chosen = studyDocumentPaths(paths);
  const texts = await Promise.all(chosen.map((path) => readWorkspaceText(fs, limits, path, skipped)));
  return chosen.flatMap((path, position) => {
    const text = texts[position];
    return text === undefined ? [] : [{ path, text: text.slice(0, DOCUMENT_CHARACTERS) }];
  });
}
