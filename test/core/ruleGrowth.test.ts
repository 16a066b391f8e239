import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Query } from 'web-tree-sitter';
import type { ParsedLanguage } from '../../src/core/parse/grammars';
import { rulesDirectory } from '../../src/node/assets';
import { loadRuleDirectory } from '../../src/node/rules';
import { ROOT, testGrammars } from '../helpers';

/**
 * A rule's query whose steps can pair any two statements of a body (two unanchored sibling steps)
 * makes tree-sitter match every pair: a class of 300 methods took a WSGI rule 2.4 s. Such a rule is
 * caught here by its matches, counted before any predicate filters them (the predicates run on
 * every match the engine hands over), on generated code of size n and 2n: they must not grow faster
 * than the code.
 */
const GENERATED: Partial<Record<ParsedLanguage, (n: number) => string>> = {
  python: (n) => {
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`import m${i}`, `from p${i}.q import r${i}`);
    for (let c = 0; c < 3; c++) {
      lines.push(`class C${c}(Base):`);
      for (let i = 0; i < n; i++) lines.push(`    a${i} = [f${i}, g${i}]`, `    b${i}: int = make(${i})`);
      for (let i = 0; i < n; i++) {
        lines.push('    @decorator', `    async def m${i}(self, app, request, handler):`, `        self.x${i} = app`, `        return self.g(request)`);
        lines.push(`    def k${i}(self, environ, start_response):`, '        pass');
      }
    }
    lines.push('def outer(f, func=None):', '    """doc"""');
    for (let i = 0; i < n; i++) lines.push(`    async def i${i}(scope, receive, send):`, `        return await f(scope)`, `    if func is None:`, `        return i${i}`, `    return i${i}(func)`);
    lines.push('urlpatterns = [');
    for (let i = 0; i < n; i++) lines.push(`    path("a${i}/", views.v${i}, name="n${i}"),`);
    lines.push(']');
    for (let i = 0; i < n; i++) lines.push(`app.add_routes([web.get("/a${i}", h${i})])`, `router.include_router(r${i}, prefix="/p${i}")`, `@app.route("/x${i}", methods=["GET"])`, `def h${i}(request):`, `    return send(task.delay(g(request)))`);
    return `${lines.join('\n')}\n`;
  },
  typescript: (n) => {
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`import { a${i} } from './m${i}';`, `export { b${i} } from './e${i}';`);
    for (let c = 0; c < 3; c++) {
      lines.push('@Controller("items")', `export class C${c} extends Base implements I${c} {`, `  constructor(private readonly s${c}: Service${c}) { super(); }`);
      for (let i = 0; i < n; i++) lines.push(`  @Get(":id${i}")`, `  @UseGuards(G${i})`, `  async m${i}(@Param("id") id: string, @Body() body: Dto${i}): Promise<void> {`, `    return this.s${c}.run(id, body);`, '  }');
      lines.push('}');
    }
    lines.push('export function outer(app: App) {');
    for (let i = 0; i < n; i++) lines.push(`  function i${i}(req, res, next) { return next(); }`, `  if (x${i}) return i${i};`, `  app.use("/p${i}", i${i});`, `  router.get("/r${i}", async (req, res) => res.json(await q${i}()));`);
    lines.push('  return i0;', '}');
    for (let i = 0; i < n; i++) lines.push(`export const s${i} = { path: "/s${i}", component: V${i}, children: [{ path: "c", handler: h${i} }] };`);
    return `${lines.join('\n')}\n`;
  },
  java: (n) => {
    const lines = ['package shop.web;'];
    for (let i = 0; i < n; i++) lines.push(`import shop.m${i}.A${i};`);
    lines.push('@RestController', '@RequestMapping("/items")', 'public class ItemController extends Base implements Api {');
    for (let i = 0; i < n; i++) lines.push(`  @Autowired private Service${i} s${i};`);
    for (let i = 0; i < n; i++) lines.push(`  @GetMapping("/r${i}/{id}")`, '  @Transactional', `  public Item m${i}(@PathVariable Long id, @RequestBody Dto${i} body) {`, `    publisher.publishEvent(new E${i}(id));`, `    return s${i}.find(id).orElseThrow(() -> new NotFound(id));`, '  }');
    lines.push('}');
    return `${lines.join('\n')}\n`;
  },
  go: (n) => {
    const lines = ['package web', 'import ('];
    for (let i = 0; i < n; i++) lines.push(`  m${i} "example.com/m${i}"`);
    lines.push(')', 'type Server struct {');
    for (let i = 0; i < n; i++) lines.push(`  F${i} m${i}.T \`json:"f${i}" gorm:"column:f${i}"\``);
    lines.push('}', 'func Routes(r *gin.Engine, s *Server) gin.HandlerFunc {');
    for (let i = 0; i < n; i++) lines.push(`  h${i} := func(c *gin.Context) { c.Next() }`, `  r.GET("/r${i}/:id", s.Get${i})`, `  g${i} := r.Group("/g${i}")`, `  g${i}.Use(h${i})`, `  if x${i} { return h${i} }`);
    lines.push('  return func(c *gin.Context) { c.Next() }', '}');
    for (let i = 0; i < n; i++) lines.push(`func (s *Server) Get${i}(c *gin.Context) { c.JSON(200, s.F${i}) }`);
    return `${lines.join('\n')}\n`;
  },
};

/** A query without its predicates (`(#eq? ...)`, `(#set! ...)`): what the engine matches before they run. */
function withoutPredicates(query: string): string {
  let kept = '';
  for (let index = 0; index < query.length; index++) {
    const character = query[index];
    if (character === ';') {
      const end = query.indexOf('\n', index);
      index = end < 0 ? query.length : end;
      continue;
    }
    if (character === '"') {
      let end = index + 1;
      while (end < query.length && query[end] !== '"') end += query[end] === '\\' ? 2 : 1;
      kept += query.slice(index, end + 1);
      index = end;
      continue;
    }
    if (character === '(' && query[index + 1] === '#') {
      let depth = 0;
      for (; index < query.length; index++) {
        if (query[index] === '"') for (index++; index < query.length && query[index] !== '"'; index += query[index] === '\\' ? 2 : 1);
        else if (query[index] === '(') depth++;
        else if (query[index] === ')' && --depth === 0) break;
      }
      continue;
    }
    kept += character;
  }
  return kept;
}

describe('the built-in rules on code twice as large', () => {
  const rules = loadRuleDirectory(rulesDirectory(ROOT));
  for (const [language, generate] of Object.entries(GENERATED) as [ParsedLanguage, (n: number) => string][]) {
    it(`match ${language} code no faster than it grows, and each compiles alone`, async () => {
      const grammars = testGrammars();
      const parser = await grammars.parser(language);
      const grammar = await grammars.grammar(language);
      const [small, large] = [40, 80].map((n) => parser.parse(generate(n)));
      assert.ok(small && large);
      const fasterThanTheCode: string[] = []; // and the rules that do not compile alone
      let exercised = 0;
      for (const rule of rules.get(language) ?? []) {
        // A predicate naming a capture written after it compiles only beside a rule that wrote that capture first.
        try {
          new Query(grammar, rule.query).delete();
        } catch (error) {
          fasterThanTheCode.push(`${rule.source} does not compile alone: ${error instanceof Error ? error.message : String(error)}`);
          continue;
        }
        const query = new Query(grammar, withoutPredicates(rule.query));
        const before = query.matches(small.rootNode, { maxStartDepth: 1000 }).length;
        const after = query.matches(large.rootNode, { maxStartDepth: 1000 }).length;
        query.delete();
        if (before) exercised++;
        if (after > 2.5 * before + 10) fasterThanTheCode.push(`${rule.source}: ${before} → ${after} matches`);
      }
      small.delete();
      large.delete();
      assert.deepEqual(fasterThanTheCode, []);
      assert.ok(exercised > 0);
    });
  }
});
