import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SymbolDefinition } from '../../src/core/parse/facts';
import { scanPython, testScanner } from '../helpers';

async function pythonSymbol(code: string, name: string): Promise<SymbolDefinition | undefined> {
  const [facts] = await scanPython({ 'module.py': code });
  return facts?.symbols.find((symbol) => symbol.name === name);
}

async function typescriptSymbol(code: string, name: string): Promise<SymbolDefinition | undefined> {
  const facts = await testScanner().scan({ path: 'module.ts', language: 'typescript' }, code);
  return facts.symbols.find((symbol) => symbol.name === name);
}

describe('what function bodies raise and catch (Python)', () => {
  it('keeps each raise with its exception, message, status, the condition it is under and the exceptions it converts', async () => {
    const code = [
      'class Order:',
      '    def cancel(self):',
      '        if self.status in (CANCELLED, FAILED):',
      '            raise InvalidOrderError(f"a {self.status} order cannot be cancelled")',
      '        elif not self.items:',
      '            raise InvalidOrderError("empty")',
      '        else:',
      '            raise errors.Refused',
      '',
      'def create_order(request):',
      '    try:',
      '        service.create(request)',
      '    except (OutOfStockError, LookupError) as error:',
      '        raise HTTPException(status_code=409, detail="out of stock")',
      '    except PaymentError:',
      '        raise',
      '    assert request.user, "a user is needed"',
      '    abort = HTTPException(status.HTTP_404_NOT_FOUND)',
    ].join('\n');
    assert.deepEqual((await pythonSymbol(code, 'Order.cancel'))?.raises, [
      { exception: 'InvalidOrderError', line: 3, message: 'a {self.status} order cannot be cancelled', condition: 'self.status in (CANCELLED, FAILED)' },
      { exception: 'InvalidOrderError', line: 5, message: 'empty', condition: 'not self.items' },
      { exception: 'errors.Refused', line: 7, condition: 'not (self.status in (CANCELLED, FAILED))' },
    ]);
    const handler = await pythonSymbol(code, 'create_order');
    assert.deepEqual(handler?.raises, [
      { exception: 'HTTPException', line: 13, message: 'out of stock', status: '409', caught: ['OutOfStockError', 'LookupError'] },
      { exception: 'AssertionError', line: 16, asserted: true, condition: 'request.user', message: 'a user is needed' },
    ]);
    assert.deepEqual(handler?.handles, [
      { exceptions: ['OutOfStockError', 'LookupError'], line: 12, end: 13, does: 'raise HTTPException(…)' },
      { exceptions: ['PaymentError'], line: 14, end: 15, reraises: true, does: 'raise' },
    ]);
  });

  it('keeps a lookup of a handler by a value type, what each for statement goes through, and dictionaries at module and class level', async () => {
    const code = [
      'HANDLERS = {commands.Allocate: handlers.allocate, events.Allocated: [handlers.publish, handlers.log]}',
      'class MessageBus:',
      '    SCHEMES = {"sqlite": "backends.sqlite:SQLiteBackend"}',
      '    def handle_command(self, command):',
      '        handler = self.command_handlers[type(command)]',
      '        handler(command)',
      '        for method, pattern, view in self.url_map:',
      '            pattern.match(command)',
    ].join('\n');
    const [facts] = await scanPython({ 'bus.py': code });
    const table = facts?.symbols.find((symbol) => symbol.name === 'HANDLERS');
    assert.deepEqual(table?.shape, {
      kind: 'dict',
      entries: [
        { key: { kind: 'name', value: 'commands.Allocate' }, value: { kind: 'name', value: 'handlers.allocate' } },
        { key: { kind: 'name', value: 'events.Allocated' }, value: { kind: 'list', items: [{ kind: 'name', value: 'handlers.publish' }, { kind: 'name', value: 'handlers.log' }] } },
      ],
    });
    const bus = facts?.symbols.find((symbol) => symbol.name === 'MessageBus');
    assert.deepEqual(bus?.attributes?.find((attribute) => attribute.name === 'SCHEMES')?.shape, { kind: 'dict', entries: [{ key: { kind: 'string', value: 'sqlite' }, value: { kind: 'string', value: 'backends.sqlite:SQLiteBackend' } }] });
    const handle = facts?.symbols.find((symbol) => symbol.name === 'MessageBus.handle_command');
    assert.deepEqual(handle?.dispatches, [{ table: 'self.command_handlers', line: 4 }]);
    assert.deepEqual(handle?.iterates, [{ iterable: 'self.url_map', line: 6, calledAt: 7, calledAs: 'pattern.match(command)' }]);
  });

  it('tells a loop that calls each item, and stops on what it returned, from one that stores the items', async () => {
    const code = [
      'class Site:',
      '    def include(self, child):',
      '        for hook in child.before_hooks:',
      '            self.before_hooks.append(hook)',
      '        for hook in child.after_hooks:',
      '            self.add_callback(hook)',
      '    async def serve(self, req):',
      '        for hook in self.before_hooks:',
      '            answer = await call_hook(hook, req)',
      '            if answer:',
      '                break',
      '        for hook in self.after_hooks:',
      '            resp = hook(req, resp)',
      '        for check in self.checks:',
      '            if check(req) is None:',
      '                return None',
    ].join('\n');
    const [facts] = await scanPython({ 'site.py': code });
    const iterates = (name: string) => facts?.symbols.find((symbol) => symbol.name === name)?.iterates;
    assert.deepEqual(iterates('Site.include'), [{ iterable: 'child.before_hooks', line: 2 }, { iterable: 'child.after_hooks', line: 4 }]);
    assert.deepEqual(iterates('Site.serve'), [
      { iterable: 'self.before_hooks', line: 7, calledAt: 8, calledAs: 'answer = await call_hook(hook, req)', stopsAt: 10 },
      { iterable: 'self.after_hooks', line: 11, calledAt: 12, calledAs: 'resp = hook(req, resp)' },
      { iterable: 'self.checks', line: 13, calledAt: 14, calledAs: 'check(req)' },
    ]);
  });

  it('keeps what a docstring promises a function returns and raises: Sphinx fields and Google sections with the lines that continue them', async () => {
    const code = [
      'class Cache:',
      '    def add(self, key):',
      '        """Stores the value.',
      '',
      '        :param key: str',
      '        :returns: True if the key',
      '            is inserted',
      '        :raises:',
      '            - ValueError if the key exists',
      '        :raises KeyError: when missing',
      '        """',
      '',
      '    def get(self, key):',
      '        """Reads.',
      '',
      '        Returns:',
      '            The value, or None.',
      '        Raises:',
      '            TimeoutError: when slow.',
      '        """',
    ].join('\n');
    assert.deepEqual((await pythonSymbol(code, 'Cache.add'))?.outcomes, [
      { kind: 'returns', text: 'True if the key is inserted', line: 5 },
      { kind: 'raises', text: '- ValueError if the key exists', line: 7 },
      { kind: 'raises', text: 'KeyError when missing', line: 9 },
    ]);
    assert.deepEqual((await pythonSymbol(code, 'Cache.get'))?.outcomes, [
      { kind: 'returns', text: 'The value, or None.', line: 15 },
      { kind: 'raises', text: 'TimeoutError: when slow.', line: 17 },
    ]);
  });
});

describe('the string a function returns from its parameters (Python)', () => {
  it("keeps the last statement's return when it is made of literals and parameters, whatever an earlier return under a condition gives", async () => {
    const code = [
      'def org_scoped_rule(rule):',
      '    if settings.MULTI_ORG:',
      '        return "/<org_slug>{}".format(rule)',
      '    return rule',
      '',
      'def versioned(rule, version="v1"):',
      '    return f"/{version}" + (rule)',
      '',
      'def formatted(rule):',
      '    return "/api{}".format(rule)',
      '',
      'def computed(rule):',
      '    return "/api" + normalise(rule)',
      '',
      'def looked_up(rule):',
      '    return f"/api/{settings.PREFIX}{rule}"',
      '',
      'def assigned(rule):',
      '    path = "/api" + rule',
      '',
      'def reassigned(rule):',
      '    rule = "/api" + rule',
      '    return rule',
    ].join('\n');
    assert.equal((await pythonSymbol(code, 'org_scoped_rule'))?.returnsString, 'rule');
    assert.equal((await pythonSymbol(code, 'versioned'))?.returnsString, 'f"/{version}" + (rule)');
    assert.equal((await pythonSymbol(code, 'formatted'))?.returnsString, '"/api{}".format(rule)');
    for (const name of ['computed', 'looked_up', 'assigned', 'reassigned']) assert.equal((await pythonSymbol(code, name))?.returnsString, undefined, name);
  });
});

describe('what function bodies throw (TypeScript)', () => {
  it('keeps thrown errors and errors returned as values, with their condition, message and status', async () => {
    const code = [
      'export class WalletEntity {',
      '  withdraw(amount: number) {',
      '    if (this.balance - amount < 0) {',
      '      return Err(new WalletNotEnoughBalanceError());',
      '    }',
      '    return Ok(null);',
      '  }',
      '  validate(): void {',
      '    if (this.balance < 0) throw new ArgumentOutOfRangeException(\'balance cannot be less than 0\');',
      '    else throw new HttpException(\'odd\', HttpStatus.CONFLICT);',
      '  }',
      '  make() {',
      '    return build(new Order());',
      '  }',
      '}',
    ].join('\n');
    assert.deepEqual((await typescriptSymbol(code, 'WalletEntity.withdraw'))?.raises, [{ exception: 'WalletNotEnoughBalanceError', line: 3, condition: 'this.balance - amount < 0', returned: true }]);
    assert.deepEqual((await typescriptSymbol(code, 'WalletEntity.validate'))?.raises, [
      { exception: 'ArgumentOutOfRangeException', line: 8, message: 'balance cannot be less than 0', condition: 'this.balance < 0' },
      { exception: 'HttpException', line: 9, message: 'odd', status: 'HttpStatus.CONFLICT', condition: '!(this.balance < 0)' },
    ]);
    assert.equal((await typescriptSymbol(code, 'WalletEntity.make'))?.raises, undefined);
  });
});

describe('the tests of a value\'s type in function bodies (Python)', () => {
  it('keeps each isinstance and None test with its types, negation, first statement and where the value was made', async () => {
    const code = [
      'def render(self, request):',
      '    value = None',
      '    value = await self.call_view(request)',
      '    if value is None:',
      '        return Page()',
      '    if isinstance(value, (str, bytes)):',
      '        value = Page(value)',
      '    elif not isinstance(value, Page):',
      '        # anything else is made into text',
      '        value = Page(str(value))',
      '    if isinstance(value[0], int):',
      '        pass',
      '    if value == 3:',
      '        pass',
      '    return value',
    ].join('\n');
    assert.deepEqual((await pythonSymbol(code, 'render'))?.typeChecks, [
      { line: 3, subject: 'value', types: ['None'], then: 'return Page()', from: { text: 'value = await self.call_view(request)', line: 2 } },
      { line: 5, subject: 'value', types: ['str', 'bytes'], then: 'value = Page(value)', from: { text: 'value = await self.call_view(request)', line: 2 } },
      { line: 7, subject: 'value', types: ['Page'], negated: true, then: 'value = Page(str(value))', from: { text: 'value = await self.call_view(request)', line: 2 } },
    ]);
  });
});

describe('what function bodies write into names and attributes (Python)', () => {
  it('keeps each target with the calls and names its value is made from, the keywords of a call a local is made with, and each name unpacked', async () => {
    const code = [
      'def open_project(owner, data):',
      '    name = str(uuid4())[:30]',
      '    project = Project(owner=owner, key=name, **data)',
      '    project.code = project.badge = token.hex()',
      '    ok, _ = check(owner.password, data["password"])',
      '    items[0] = 1',
    ].join('\n');
    assert.deepEqual((await pythonSymbol(code, 'open_project'))?.fills, [
      { target: 'name', line: 1, calls: ['str', 'uuid4'], reads: [] },
      { target: 'project', line: 2, calls: ['Project'], reads: ['owner', 'name', 'data'] },
      { target: 'project.owner', line: 2, calls: [], reads: ['owner'] },
      { target: 'project.key', line: 2, calls: [], reads: ['name'] },
      { target: 'project.**', line: 2, calls: [], reads: ['data'] },
      { target: 'project.code', line: 3, calls: ['token.hex'], reads: ['token'] },
      { target: 'project.badge', line: 3, calls: ['token.hex'], reads: ['token'] },
      { target: 'ok', line: 4, calls: ['check'], reads: ['owner.password', 'data'] },
      { target: '_', line: 4, calls: ['check'], reads: ['owner.password', 'data'] },
    ]);
  });
});
