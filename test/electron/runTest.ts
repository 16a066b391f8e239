/**
 * The same real-editor tier through @vscode/test-electron, for machines that can download VS Code
 * (`npm run test:electron`). These machines cannot, so CI uses code-server (test/e2e/).
 */
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT, SAMPLE } from '../helpers';

async function main(): Promise<void> {
  await runTests({
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(__dirname, 'suite.js'),
    launchArgs: [SAMPLE, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error: unknown) => {
  console.error(`test-electron: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
