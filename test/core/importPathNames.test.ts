import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseFiles } from '../helpers';

const JOBS = `def purge_carts():
    ...


def send_receipt(order_id):
    ...


def refund(order_id):
    ...
`;

/** The Django-Q jobs found, each as its symbol and where it is queued or referenced. */
async function jobs(files: Record<string, string>): Promise<string[]> {
  const result = await analyseFiles(files);
  return result.findings
    .filter((finding) => finding.category === 'task' && finding.details.kind === 'job')
    .map((finding) => `${finding.symbol} ${JSON.stringify(finding.details.registeredAt ?? finding.details.reference ?? null)}`)
    .sort();
}

describe('definitions named by an import path written as a string', () => {
  it('finds the function a Django-Q schedule or chain names by import path, as one given by name, in its own module', async () => {
    const found = await jobs({
      'shop/__init__.py': '',
      'shop/jobs.py': JOBS,
      'shop/management/__init__.py': '',
      'shop/management/commands/__init__.py': '',
      'shop/management/commands/start_jobs.py': `from django_q.models import Schedule
from django_q.tasks import schedule


class Command:
    def handle(self, *args, **options):
        schedule("shop.jobs.purge_carts", schedule_type=Schedule.DAILY)
`,
      'shop/views.py': `from django_q.tasks import Chain

from shop.jobs import send_receipt


def checkout(order_id):
    chain = Chain()
    chain.append(send_receipt, order_id)
    chain.append("shop.jobs.refund", order_id)
    chain.run()
`,
    });
    assert.deepEqual(found, ['shop/jobs.py:purge_carts ["shop/management/commands/start_jobs.py:7"]', 'shop/jobs.py:refund ["shop/views.py:9"]', 'shop/jobs.py:send_receipt ["shop/views.py:8"]']);
  });

  it('finds the function an RQ queue is given by import path', async () => {
    const found = await jobs({
      'shop/__init__.py': '',
      'shop/jobs.py': JOBS,
      'shop/models.py': `class User:
    def launch_export(self, queue):
        return queue.enqueue("shop.jobs.refund", self.id)
`,
    });
    assert.deepEqual(found, ['shop/jobs.py:refund ["shop/models.py:3"]']);
  });

  it('leaves a path that names nothing the workspace defines at the call, with the path as its reference', async () => {
    const found = await jobs({
      'shop/__init__.py': '',
      'shop/jobs.py': JOBS,
      'shop/tasks.py': `from django_q.tasks import async_task


def nightly():
    async_task("math.floor", 1.5)
    async_task("shop.jobs.missing")
`,
    });
    assert.deepEqual(found, ['shop/tasks.py:<anonymous>@5 "math.floor"', 'shop/tasks.py:<anonymous>@6 "shop.jobs.missing"']);
  });
});
