/**
 * The type-checker thread: answers, with the TypeScript compiler (through ts-morph), where calls
 * that syntax alone cannot follow go. A project per `tsconfig.json` is kept between questions and
 * holds only the files asked about and what they import; files changed on disk are read again.
 */
import { statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { errors, RealFileSystemHost, type StandardizedFilePath } from '@ts-morph/common';
import { Project, ts } from 'ts-morph';
import workerpool from 'workerpool';
import type { CallAnswer, CallQuestion, ReadLimits } from '../core/host';
import { listIn } from '../core/lists';
import { readChecked, readCheckedSync } from './checkedRead';

/**
 * How imports are resolved when the tsconfig does not say: Node's classic lookup (`main`/`types`,
 * `index` files, `./x.js` written for `./x.ts`). TypeScript 6's own default for CommonJS finds no
 * package's types, and `bundler` misses packages whose `exports` name no types (typeorm 0.2).
 */
const RESOLUTION: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Node10, ignoreDeprecations: '6.0' };

/** Compiler options for code without a readable `tsconfig.json`. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  ...RESOLUTION,
  allowJs: true,
  experimentalDecorators: true,
  target: ts.ScriptTarget.ES2022,
  noEmit: true,
};

/**
 * The compiler's own size limit: declaration files of large packages are bigger than a source file
 * the analysis reads (1 MB), and a trace through them is worth the read.
 */
const MAX_COMPILER_FILE_BYTES = 32 * 1024 * 1024;

/**
 * The workspace as the compiler reads it: every file through the checks of the rest of the
 * analysis (a regular file, within the limit, inside the workspace once links are resolved). A
 * tsconfig `extends`, a path alias or a link that leads out of the workspace, a FIFO or a device
 * reads as a missing file.
 */
class WorkspaceFileSystem extends RealFileSystemHost {
  private readonly limits: ReadLimits;

  constructor(root: string) {
    super();
    this.limits = { root, maxBytes: MAX_COMPILER_FILE_BYTES };
  }

  override readFileSync(filePath: string): string {
    try {
      return readCheckedSync(filePath, this.limits).toString('utf8');
    } catch {
      throw new errors.FileNotFoundError(filePath as StandardizedFilePath);
    }
  }

  override async readFile(filePath: string): Promise<string> {
    try {
      return (await readChecked(filePath, this.limits)).toString('utf8');
    } catch {
      throw new errors.FileNotFoundError(filePath as StandardizedFilePath);
    }
  }
}

interface KeptProject {
  project: Project;
  /** Modification times of the files read, to read again those changed since. */
  modified: Map<string, number>;
}

/** By root and configuration (see projectFor). */
const projects = new Map<string, KeptProject>();

export function resolveCalls(root: string, questions: readonly CallQuestion[]): (CallAnswer | null)[] {
  const byConfig = new Map<string, number[]>();
  // A trace asks many questions of one file: its tsconfig is looked for once.
  const configOf = new Map<string, string>();
  questions.forEach((question, position) => {
    const config = configOf.get(question.path) ?? nearestConfig(root, join(root, question.path));
    configOf.set(question.path, config);
    listIn(byConfig, config).push(position);
  });
  const answers: (CallAnswer | null)[] = questions.map(() => null);
  for (const [config, positions] of byConfig) {
    const kept = projectFor(root, config);
    const { project } = kept;
    const files = [...new Set(positions.map((position) => join(root, (questions[position] as CallQuestion).path)))];
    for (const file of files) if (!project.getSourceFile(file)) project.addSourceFileAtPathIfExists(file);
    project.resolveSourceFileDependencies();
    for (const file of project.getSourceFiles()) {
      const path = file.getFilePath();
      if (!kept.modified.has(path)) kept.modified.set(path, modifiedTime(path));
    }
    const checker = project.getTypeChecker().compilerObject;
    for (const position of positions) answers[position] = answer(root, project, checker, questions[position] as CallQuestion);
  }
  return answers;
}

/** The closest `tsconfig.json` from the file up to the root; '' when there is none. */
function nearestConfig(root: string, file: string): string {
  for (let directory = dirname(file); directory.startsWith(root); directory = dirname(directory)) {
    const candidate = join(directory, 'tsconfig.json');
    if (isFile(candidate)) return candidate;
    if (directory === root || dirname(directory) === directory) break;
  }
  return '';
}

/** The kept project of a workspace's configuration: by root too, since each reads only inside its own root (and `''`, no configuration, is every root's). */
function projectFor(root: string, config: string): KeptProject {
  const key = `${root}\0${config}`;
  const kept = projects.get(key);
  if (kept) {
    refreshChanged(kept);
    return kept;
  }
  const fresh = { project: newProject(root, config), modified: new Map<string, number>() };
  projects.set(key, fresh);
  return fresh;
}

/** The project a tsconfig describes (its paths, its options), files added on demand; a broken or missing one: the defaults. */
function newProject(root: string, config: string): Project {
  const onDemand = { skipAddingFilesFromTsConfig: true, skipFileDependencyResolution: true, fileSystem: new WorkspaceFileSystem(root) } as const;
  if (config) {
    try {
      const project = new Project({ ...onDemand, tsConfigFilePath: config, compilerOptions: { allowJs: true, noEmit: true } });
      if (project.getCompilerOptions().moduleResolution === undefined) project.compilerOptions.set(RESOLUTION);
      return project;
    } catch {
      // An unreadable tsconfig: the analysis reports it (Skipped); the checker does its best without.
    }
  }
  return new Project({ ...onDemand, compilerOptions: DEFAULT_OPTIONS });
}

function refreshChanged(kept: KeptProject): void {
  for (const file of kept.project.getSourceFiles()) {
    const path = file.getFilePath();
    // Installed packages change with an install, not with an edit.
    if (path.includes('/node_modules/')) continue;
    const time = modifiedTime(path);
    if (time === kept.modified.get(path)) continue;
    kept.modified.set(path, time);
    if (time < 0) kept.project.removeSourceFile(file);
    else file.refreshFromFileSystemSync();
  }
}

function answer(root: string, project: Project, checker: ts.TypeChecker, question: CallQuestion): CallAnswer | null {
  const source = project.getSourceFile(join(root, question.path))?.compilerNode;
  if (!source) return null;
  try {
    const call = callAt(source, question);
    const declaration = call ? checker.getResolvedSignature(call)?.getDeclaration() : undefined;
    return declaration ? describe(root, declaration) : null;
  } catch {
    return null; // one question the compiler cannot answer leaves the others answered
  }
}

/** The call or `new` on the question's line that starts at its column (else the one whose callee ends the same way). */
function callAt(source: ts.SourceFile, question: CallQuestion): ts.CallExpression | ts.NewExpression | undefined {
  const starts = source.getLineStarts();
  const lineStart = starts[question.line];
  if (lineStart === undefined) return undefined;
  const lineEnd = starts[question.line + 1] ?? source.end;
  const calls: (ts.CallExpression | ts.NewExpression)[] = [];
  const visit = (node: ts.Node): void => {
    if (node.end < lineStart || node.pos > lineEnd) return;
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.getStart(source) >= lineStart && node.getStart(source) < lineEnd) calls.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  const calleeName = question.callee.slice(question.callee.lastIndexOf('.') + 1);
  const named = calls.filter((call) => lastName(call.expression) === calleeName);
  // tree-sitter columns and TypeScript's agree on lines without wide characters; the name decides otherwise.
  return named.find((call) => call.getStart(source) - lineStart === question.character) ?? (named.length === 1 ? named[0] : undefined);
}

function lastName(expression: ts.Expression): string {
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  if (ts.isIdentifier(expression)) return expression.text;
  return '';
}

/** A declaration as ArchTrace names it: `Class.method`, `function`, `Class`; outside code as `package.Owner.member`. */
function describe(root: string, declaration: ts.Declaration): CallAnswer | null {
  const name = qualifiedName(declaration);
  if (!name) return null;
  const file = declaration.getSourceFile();
  const packageName = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file.fileName)?.[1];
  // The language's own library (`Array.map`, `Promise.all`) is outside code under its own name.
  if (packageName) return { external: packageName === 'typescript' ? name : `${packageName.replace(/^@types\//, '')}.${name}` };
  const path = relative(root, file.fileName).split(sep).join('/');
  if (path.startsWith('..')) return null;
  const nameNode = ts.getNameOfDeclaration(declaration) ?? declaration;
  return { path, line: file.getLineAndCharacterOfPosition(nameNode.getStart(file)).line, name };
}

function qualifiedName(declaration: ts.Declaration): string | undefined {
  const own = ts.isConstructorDeclaration(declaration) ? 'constructor' : nameOf(declaration);
  const parent = declaration.parent;
  if (ts.isClassLike(parent) || ts.isInterfaceDeclaration(parent)) {
    const owner = parent.name?.text;
    return owner && own ? `${owner}.${own}` : undefined;
  }
  if ((ts.isArrowFunction(declaration) || ts.isFunctionExpression(declaration)) && ts.isVariableDeclaration(parent)) return nameOf(parent);
  return own;
}

function nameOf(declaration: ts.Declaration): string | undefined {
  const name = ts.getNameOfDeclaration(declaration);
  return name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
}

function modifiedTime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

if (!workerpool.isMainThread) workerpool.worker({ resolveCalls });
