/**
 * Test code by its path, as the test runners of the supported languages find it: folders named for
 * tests, pytest's and Go's test files, Jest's and Mocha's spec files. Studied for its own questions,
 * never as the code under study.
 */
const TEST_PATH = /(^|\/)(tests?|testing|__tests__|integration-tests)\/|(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$|_test\.go$|\.(spec|test)\.[cm]?[jt]sx?$/;

export function isTestPath(path: string): boolean {
  return TEST_PATH.test(path);
}
