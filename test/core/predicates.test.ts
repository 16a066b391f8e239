import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Query } from 'web-tree-sitter';
import { customPredicatesHold } from '../../src/core/detect/predicates';
import { testGrammars } from '../helpers';

/** The names of the Go functions a query with host predicates keeps, in source order. */
async function goFunctionsKept(query: string, code: string): Promise<string[]> {
  const grammars = testGrammars();
  const parser = await grammars.parser('go');
  const tree = parser.parse(code);
  const compiled = new Query(await grammars.grammar('go'), query);
  try {
    if (!tree) throw new Error('no tree');
    return compiled
      .matches(tree.rootNode)
      .filter((match) => customPredicatesHold(compiled.predicatesForPattern(match.patternIndex), match))
      .map((match) => match.captures.find((capture) => capture.name === 'function')?.node.childForFieldName('name')?.text ?? '');
  } finally {
    compiled.delete();
    tree?.delete();
  }
}

describe('#returns-closure-calling?', () => {
  const query = '((function_declaration) @function (#returns-closure-calling? @function "Next" "Proceed"))';

  it('keeps a function returning a literal that calls a named method on its first parameter, at once or through a local', async () => {
    const code = `package chain

func Direct() Handler {
	return func(c Ctx) error { return c.Next() }
}

func Nested(enabled bool) Handler {
	if !enabled {
		return nil
	}
	return func(ctx *Context) {
		for i := 0; i < 2; i++ {
			if ready(ctx) {
				ctx.Proceed()
			}
		}
	}
}

func Local() Handler {
	var other = func(c Ctx) error { return nil }
	h := func(c Ctx) error { return c.Next() }
	_ = other
	return h
}
`;
    assert.deepEqual(await goFunctionsKept(query, code), ['Direct', 'Nested', 'Local']);
  });

  it("keeps a function that returns what such a function of its file makes, and stops at a cycle", async () => {
    const code = `package chain

func Configured(prefix string) Handler {
	return func(c Ctx) error { return c.Next() }
}

func Default() Handler {
	return Configured("")
}

func Terminal() Handler {
	return func(c Ctx) error { return nil }
}

func Wrapped() Handler {
	return Terminal()
}

func Elsewhere() Handler {
	return other.Configured("")
}

func Ping() Handler {
	return Pong()
}

func Pong() Handler {
	return Ping()
}
`;
    assert.deepEqual(await goFunctionsKept(query, code), ['Configured', 'Default']);
  });

  it('leaves a literal that ends the request, one that calls the method on something else, and a function returning no literal', async () => {
    const code = `package chain

func Terminal() Handler {
	return func(c Ctx) error { return c.SendStatus(200) }
}

func OtherReceiver(next Handler) Handler {
	return func(c Ctx) error {
		it := rows(c)
		it.Next()
		return next(c)
	}
}

func Outside(c Ctx) Handler {
	c.Next()
	return wrap(c)
}

func Unnamed() Handler {
	return func(Ctx) error { return nil }
}

func Unreturned() Handler {
	h := func(c Ctx) error { return c.Next() }
	register(h)
	return nil
}
`;
    assert.deepEqual(await goFunctionsKept(query, code), []);
  });
});
