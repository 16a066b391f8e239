import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseFiles } from '../helpers';

const QUEUE = 'from huey import SqliteHuey\n\nhuey = SqliteHuey(filename="shop.db")\n';

const TASKS = `from shop.queue import huey


@huey.task(retries=2)
def send_receipt(order_id):
    ...


def receipt_text(order_id):
    return f"order {order_id}"
`;

/** The enqueue sites found, as `symbol <- task (call)`. */
async function enqueues(files: Record<string, string>): Promise<string[]> {
  const result = await analyseFiles(files);
  return result.findings
    .filter((finding) => finding.category === 'task' && finding.details.kind === 'enqueue')
    .map((finding) => {
      const { task, call } = finding.details;
      return `${finding.symbol} <- ${typeof task === 'string' ? task : '?'}${typeof call === 'string' ? ` (${call})` : ''}`;
    })
    .sort();
}

describe('calls that enqueue a task', () => {
  it('finds the functions that call a huey task, or its schedule and map, in any module', async () => {
    const found = await enqueues({
      'shop/__init__.py': '',
      'shop/queue.py': QUEUE,
      'shop/tasks.py': TASKS,
      'shop/views.py': `from shop import tasks
from shop.tasks import receipt_text, send_receipt


def checkout(order_id):
    send_receipt(order_id)
    return receipt_text(order_id)


class Reminders:
    def nightly(self, ids):
        tasks.send_receipt.schedule((ids[0],), delay=60)
        results = send_receipt.map([(i,) for i in ids])
        send_receipt.revoke()
        return results
`,
    });
    assert.deepEqual(found, ['shop/views.py:Reminders.nightly <- send_receipt (map)', 'shop/views.py:Reminders.nightly <- tasks.send_receipt (schedule)', 'shop/views.py:checkout <- send_receipt']);
  });

  it('leaves a call of a Celery task, which runs it in place, and a function of the same name that is no task', async () => {
    const found = await enqueues({
      'shop/__init__.py': '',
      'shop/queue.py': QUEUE,
      'shop/tasks.py': TASKS,
      'shop/celery_tasks.py': 'from celery import shared_task\n\n\n@shared_task\ndef rebuild(order_id):\n    ...\n',
      'shop/views.py': `from shop.celery_tasks import rebuild


def send_receipt(order_id):
    ...


def checkout(order_id):
    rebuild(order_id)
    send_receipt(order_id)
`,
    });
    assert.deepEqual(found, []);
  });
});
