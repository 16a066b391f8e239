import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseFiles } from '../helpers';

describe('the functions threads are started on', () => {
  it('lists each workspace function a thread or a pool runs as background work of its own, started where the thread is, and keeps every start site on the function that starts them', async () => {
    const result = await analyseFiles({
      'watch/__init__.py': '',
      'watch/app.py': `import threading
from concurrent.futures import ThreadPoolExecutor

from watch.notify import notification_runner

executor = ThreadPoolExecutor(max_workers=2)


def ticker():
    while True:
        pass


def create_app():
    threading.Thread(target=ticker, daemon=True).start()
    threading.Thread(target=notification_runner, daemon=True).start()
    threading.Thread(target=print, args=("started",)).start()
    return "app"


def warm(urls):
    for url in urls:
        executor.submit(fetch, url)


def fetch(url):
    return url
`,
      'watch/notify.py': 'def notification_runner():\n    while True:\n        pass\n',
    });
    const tasks = result.findings.filter((finding) => finding.category === 'task');
    const started = tasks.filter((finding) => Array.isArray(finding.details.startedAt)).map((finding) => `${finding.symbol} <- ${(finding.details.startedAt as string[]).join(' ')}`);
    assert.deepEqual(started.sort(), ['watch/app.py:fetch <- watch/app.py:23', 'watch/app.py:ticker <- watch/app.py:15', 'watch/notify.py:notification_runner <- watch/app.py:16']);
    const site = tasks.find((finding) => finding.symbol === 'watch/app.py:create_app');
    assert.deepEqual(site?.details.registeredAt, ['watch/app.py:15', 'watch/app.py:16', 'watch/app.py:17']);
  });
});
