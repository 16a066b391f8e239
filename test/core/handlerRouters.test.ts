import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseFiles } from '../helpers';

const GO_MOD = 'module example.com/lane\n\ngo 1.22\n';

/** A router package: a type that serves requests (ServeHTTP) and takes net/http handlers, as httprouter's and gorilla/mux's do. */
const router = (options: { package?: string; type?: string; serve?: string; register?: string; netHttp?: string } = {}) => {
  const type = options.type ?? 'Router';
  const http = options.netHttp ?? 'http';
  return `package ${options.package ?? 'lane'}

import ${http === 'http' ? '' : `${http} `}"net/http"

type Handle func(${http}.ResponseWriter, *${http}.Request, map[string]string)

type ${type} struct {
	trees map[string][]Handle
}

func (r *${type}) GET(path string, handle Handle) { r.trees["GET"] = append(r.trees["GET"], handle) }

${options.register ?? `func (r *${type}) Handler(method, path string, handler ${http}.Handler) {
	r.trees[method] = append(r.trees[method], func(w ${http}.ResponseWriter, req *${http}.Request, _ map[string]string) { handler.ServeHTTP(w, req) })
}`}

${options.serve ?? `func (r *${type}) ServeHTTP(w ${http}.ResponseWriter, req *${http}.Request) {
	for _, handle := range r.trees[req.Method] {
		handle(w, req, nil)
	}
}`}
`;
};

const signals = async (files: Record<string, string>) => (await analyseFiles({ 'go.mod': GO_MOD, ...files })).kind.evidence.map((evidence) => `${evidence.signal} ${evidence.path}`);

describe('Go types that serve requests and take handlers (kind rule handler-router)', () => {
  it('reads an exported http.Handler with an exported method taking a handler as a router offered to developers: a framework', async () => {
    const result = await analyseFiles({ 'go.mod': GO_MOD, 'router.go': router(), 'tree.go': 'package lane\n\nfunc clean(p string) string { return p }\n' });
    assert.equal(result.kind.kind, 'framework');
    assert.ok(result.kind.evidence.some((evidence) => evidence.signal === 'handler-router' && evidence.path === 'router.go'));
  });

  it('knows net/http under another name, and a HandlerFunc taken as a handler', async () => {
    assert.ok((await signals({ 'router.go': router({ netHttp: 'nethttp' }) })).includes('handler-router router.go'));
    const register = 'func (r *Router) HandlerFunc(method, path string, handler http.HandlerFunc) {}';
    assert.ok((await signals({ 'router.go': router({ register }) })).includes('handler-router router.go'));
  });

  it("reads a router taking the package's own exported handler function type, as gin's engine takes its HandlerFunc", async () => {
    const register = 'func (r *Router) Use(middleware ...Handle) { r.trees["*"] = append(r.trees["*"], middleware...) }';
    assert.ok((await signals({ 'router.go': router({ register }) })).includes('handler-router router.go'));
    // An unexported function type is no handler users write: `GET(path, handle)` of an unexported type is not enough.
    const unexported = router({ register: '' }).replace(/\bHandle\b/g, 'handle');
    assert.ok(!(await signals({ 'router.go': unexported })).some((signal) => signal.startsWith('handler-router')));
  });

  it('does not read as a router a handler that takes no handlers, one whose ServeHTTP is not net/http\'s, an unexported type, or a main package\'s', async () => {
    const none = (list: string[]) => !list.some((signal) => signal.startsWith('handler-router'));
    // A service's own handler: it serves requests but registers nothing.
    assert.ok(none(await signals({ 'router.go': router({ register: '' }).replace(/^func \(r \*Router\) GET.*$/m, '') })));
    assert.ok(none(await signals({ 'router.go': router({ serve: 'func (r *Router) ServeHTTP(ctx string) {}' }) })));
    assert.ok(none(await signals({ 'router.go': router({ type: 'router' }) })));
    assert.ok(none(await signals({ 'main.go': router({ package: 'main' }) })));
  });
});
