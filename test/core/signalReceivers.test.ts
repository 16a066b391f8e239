import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detailText } from '../../src/core/answers/context';
import { analyseFiles } from '../helpers';

describe('receivers of Django signals', () => {
  it('links a receiver given a list of signals to each of them', async () => {
    const result = await analyseFiles({
      'shop/signals.py': 'from django.dispatch import Signal\n\norder_paid = Signal()\norder_refunded = Signal()\n',
      'shop/receivers.py': 'from django.dispatch import receiver\n\nfrom shop.signals import order_paid, order_refunded\n\n\n@receiver([order_paid, order_refunded])\ndef audit(sender, **kwargs):\n    return sender\n',
    });
    const receiversOf = (symbol: string) => result.findings.find((finding) => finding.category === 'signal' && finding.symbol === symbol)?.details.receivers;
    assert.deepEqual(receiversOf('shop/signals.py:order_paid'), ['shop/receivers.py:audit']);
    assert.deepEqual(receiversOf('shop/signals.py:order_refunded'), ['shop/receivers.py:audit']);
    const receiver = result.findings.find((finding) => finding.category === 'receiver');
    assert.equal(detailText(receiver?.details.signal), 'order_paid, order_refunded');
  });
});
