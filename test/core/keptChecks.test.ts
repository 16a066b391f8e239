import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { Analysis } from '../../src/core/analyze';
import { SymbolIndex } from '../../src/core/resolve/symbolIndex';
import { analyzeFolder, updateFolder } from '../../src/node/analyzeFolder';
import { tempWorkspace } from '../helpers';

/** The analysis's result and its routes' traces, as one string: what an update must give as a fresh analysis does. */
function comparable(analysis: Analysis): string {
  return JSON.stringify({ ...analysis.result, traces: analysis.result.routes.map((route) => analysis.trace(`${route.method} ${route.path}`)) });
}

/** Counts the lookups of one name written in one file while `run` runs. */
async function lookupsOf<T>(path: string, name: string, run: () => Promise<T>): Promise<{ value: T; lookups: number }> {
  const prototype = SymbolIndex.prototype;
  const original = Object.getOwnPropertyDescriptor(prototype, 'qualify')?.value as (this: SymbolIndex, from: string, dottedName: string) => ReturnType<SymbolIndex['qualify']>;
  let lookups = 0;
  prototype.qualify = function (this: SymbolIndex, from: string, dottedName: string) {
    if (from === path && dottedName === name) lookups++;
    return original.call(this, from, dottedName);
  };
  try {
    return { value: await run(), lookups };
  } finally {
    prototype.qualify = original;
  }
}

describe('an update of checks that read other findings (a receiver of a workspace signal, a message sent to a workspace actor)', () => {
  const files = {
    'app/signals.py': 'from django.dispatch import Signal\n\norder_paid = Signal()\n',
    'app/receivers.py': 'from app.signals import order_paid\n\ndef on_paid(sender, **kwargs):\n    return sender\n\norder_paid.connect(on_paid)\n',
    'app/checkout.py': 'from app.signals import order_paid\n\ndef pay(order):\n    order_paid.send(sender=None, order=order)\n',
    'app/actors.py': 'import dramatiq\n\n@dramatiq.actor\ndef send_receipt(order_id):\n    return order_id\n',
    'app/views.py': 'from app.actors import send_receipt\n\ndef checkout(order_id):\n    send_receipt.send_with_options(args=(order_id,))\n',
  };
  const workspace = tempWorkspace(files);
  after(workspace.cleanup);
  const of = (analysis: Analysis, category: string) =>
    analysis.result.findings
      .filter((finding) => finding.category === category)
      .map((finding) => `${finding.symbol}${finding.details.senders ? ` sent by ${JSON.stringify(finding.details.senders)}` : ''}`)
      .sort();

  it('gives what a fresh analysis gives as the signal and the actor come and go, with the files that read them unchanged', async () => {
    let analysis = await analyzeFolder(workspace.root, { threads: 1 });
    assert.deepEqual(of(analysis, 'receiver'), ['app/receivers.py:on_paid']);
    assert.deepEqual(of(analysis, 'signal'), ['app/signals.py:order_paid sent by ["app/checkout.py:pay"]']);
    assert.equal(of(analysis, 'task').filter((symbol) => symbol.startsWith('app/views.py')).length, 1);
    const edits: [string, string, (analysis: Analysis) => void][] = [
      // No longer a signal: the receiver and the sender, checked in files that did not change, go.
      ['app/signals.py', 'order_paid = object()\n', (now) => assert.deepEqual([...of(now, 'receiver'), ...of(now, 'signal')], [])],
      ['app/signals.py', files['app/signals.py'], (now) => assert.deepEqual(of(now, 'signal'), ['app/signals.py:order_paid sent by ["app/checkout.py:pay"]'])],
      // Every line of the signal's file moves: the checks still find it.
      ['app/signals.py', `# moved\n${files['app/signals.py']}`, (now) => assert.deepEqual(of(now, 'receiver'), ['app/receivers.py:on_paid'])],
      // No longer an actor: the message sent to it is no task.
      ['app/actors.py', 'def send_receipt(order_id):\n    return order_id\n', (now) => assert.deepEqual(of(now, 'task').filter((symbol) => symbol.startsWith('app/views.py')), [])],
      ['app/actors.py', files['app/actors.py'], (now) => assert.equal(of(now, 'task').filter((symbol) => symbol.startsWith('app/views.py')).length, 1)],
      // The reading files themselves edited.
      ['app/receivers.py', `# moved\n${files['app/receivers.py']}`, (now) => assert.deepEqual(of(now, 'receiver'), ['app/receivers.py:on_paid'])],
      ['app/views.py', `${files['app/views.py']}\ndef later():\n    send_receipt.send(2)\n`, (now) => assert.equal(of(now, 'task').filter((symbol) => symbol.startsWith('app/views.py')).length, 2)],
    ];
    for (const [path, text, expect] of edits) {
      writeFileSync(join(workspace.root, path), text);
      analysis = await updateFolder(analysis, [join(workspace.root, path)], { threads: 1 });
      expect(analysis);
      assert.equal(comparable(analysis), comparable(await analyzeFolder(workspace.root, { threads: 1 })), `after editing ${path}`);
    }
  });

  it('looks up no name of an unchanged file again to check it: what the check read of the index is kept with the file', async () => {
    for (const [path, text] of Object.entries(files)) writeFileSync(join(workspace.root, path), text);
    const analysis = await analyzeFolder(workspace.root, { threads: 1 });
    writeFileSync(join(workspace.root, 'app/checkout.py'), `${files['app/checkout.py']}    return order\n`);
    const { lookups } = await lookupsOf('app/views.py', 'send_receipt', () => updateFolder(analysis, [join(workspace.root, 'app/checkout.py')], { threads: 1 }));
    assert.equal(lookups, 0);
  });
});

describe('an update of a Django migration', () => {
  const files = {
    'shop/models.py': 'from django.db import models\n\nclass Order(models.Model):\n    total = models.IntegerField()\n',
    'shop/migrations/__init__.py': '',
    'shop/migrations/0001_initial.py': [
      'from django.db import migrations, models',
      '',
      'class Migration(migrations.Migration):',
      '    initial = True',
      '    dependencies = []',
      '    operations = [',
      '        migrations.CreateModel(name="Order", fields=[("id", models.AutoField(primary_key=True)), ("total", models.IntegerField())]),',
      '        migrations.CreateModel(name="Refund", fields=[("id", models.AutoField(primary_key=True)), ("amount", models.IntegerField())]),',
      '    ]',
      '',
    ].join('\n'),
  };
  const workspace = tempWorkspace(files);
  after(workspace.cleanup);
  const migration = 'shop/migrations/0001_initial.py';
  const columnsOf = (analysis: Analysis, name: string) => analysis.result.dataModel?.entities.find((entity) => entity.name === name)?.columns.map((column) => column.name);

  it('keeps the data model while the operations stay, and gives what a fresh analysis gives as they change', async () => {
    let analysis = await analyzeFolder(workspace.root, { threads: 1 });
    assert.deepEqual(columnsOf(analysis, 'Refund'), ['id', 'amount']);
    const edits: [string, (before: Analysis, now: Analysis) => void][] = [
      // A function added below the operations: the same operations, the data model not made again.
      [`${files[migration]}\ndef added_later():\n    return 1\n`, (before, now) => assert.equal(now.result.dataModel, before.result.dataModel)],
      // Every line moves: the operations' places change, and so does the data model.
      [`# moved\n${files[migration]}`, (before, now) => assert.notEqual(now.result.dataModel, before.result.dataModel)],
      // An operation added: the table no class defines gains its column.
      [files[migration].replace('    ]\n', '        migrations.AddField(model_name="refund", name="reason", field=models.CharField(max_length=50)),\n    ]\n'), (_, now) => assert.deepEqual(columnsOf(now, 'Refund'), ['id', 'amount', 'reason'])],
    ];
    for (const [text, expect] of edits) {
      writeFileSync(join(workspace.root, migration), text);
      const before = analysis;
      analysis = await updateFolder(analysis, [join(workspace.root, migration)], { threads: 1 });
      expect(before, analysis);
      assert.equal(comparable(analysis), comparable(await analyzeFolder(workspace.root, { threads: 1 })), `after editing ${migration}`);
    }
  });
});
