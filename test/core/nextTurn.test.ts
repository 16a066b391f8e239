import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Turns } from '../../src/core/nextTurn';

/** Runs `turns.each` over `count` numbers, noting each step and each turn the event loop took in between. */
async function stepsAndTurns(turns: Turns, count: number): Promise<string[]> {
  const seen: string[] = [];
  let waiting = false;
  const noteTurns = () => {
    if (waiting) return;
    waiting = true;
    setImmediate(() => {
      waiting = false;
      seen.push('turn');
    });
  };
  await turns.each(
    Array.from({ length: count }, (_, at) => at),
    (item) => {
      seen.push(String(item));
      noteTurns();
    },
  );
  seen.push('done');
  return seen;
}

describe('Turns.each', () => {
  it('steps through every item once, in order', async () => {
    const steps = (await stepsAndTurns(new Turns(60_000), 50)).filter((entry) => entry !== 'turn');
    assert.deepEqual(steps, [...Array.from({ length: 50 }, (_, at) => String(at)), 'done']);
    assert.deepEqual(await stepsAndTurns(new Turns(), 0), ['done']);
  });

  it('lets the event loop in between steps once the turn has run for its budget', async () => {
    const seen = await stepsAndTurns(new Turns(0), 40);
    const turnsTaken = seen.indexOf('done') - 40;
    // The clock is read every 8 steps: with no budget, every eighth step ends a turn.
    assert.equal(turnsTaken, 4, seen.join(' '));
    assert.equal(seen.indexOf('turn'), 8, seen.join(' '));
  });

  it('takes no turn while the budget lasts', async () => {
    const seen = await stepsAndTurns(new Turns(60_000), 1_000);
    assert.equal(seen.indexOf('turn'), -1);
    assert.equal(seen.at(-1), 'done');
  });

  it('stops at a step that throws, and says why', async () => {
    const stepped: number[] = [];
    await assert.rejects(
      new Turns(0).each([1, 2, 3, 4], (item) => {
        if (item === 3) throw new Error('step 3 failed');
        stepped.push(item);
      }),
      /step 3 failed/,
    );
    assert.deepEqual(stepped, [1, 2]);
  });
});
