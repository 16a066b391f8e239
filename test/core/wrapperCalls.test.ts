import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseFiles } from '../helpers';

const GO_MOD = 'module example.com/notes\n\ngo 1.22\n\nrequire github.com/robfig/cron/v3 v3.0.1\n';

/** A package that wraps robfig/cron for the rest of the program, as services do. */
const CRON = `package cron

import "github.com/robfig/cron/v3"

var c *cron.Cron

func Init() {
	c = cron.New()
	c.Start()
}

// Schedule schedules a job as a cron job.
func Schedule(schedule string, f func()) (err error) {
	_, err = c.AddFunc(schedule, f)
	return
}
`;

async function tasks(files: Record<string, string>): Promise<string[]> {
  const result = await analyseFiles(files);
  return result.findings
    .filter((finding) => finding.category === 'task')
    .map((finding) => {
      const { registeredThrough, registeredAt } = finding.details;
      return `${finding.symbol} @${finding.range.start.line + 1}${typeof registeredThrough === 'string' ? ` through ${registeredThrough}` : ''}${Array.isArray(registeredAt) ? ` at ${registeredAt.join(' ')}` : ''}`;
    })
    .sort();
}

describe("registrations through the workspace's own wrapper of a framework's", () => {
  it("finds each job scheduled through a function that hands its parameter to robfig/cron's AddFunc, named or written in place, and not the wrapper's own call", async () => {
    const found = await tasks({
      'go.mod': GO_MOD,
      'pkg/cron/cron.go': CRON,
      'pkg/users/register.go': `package users

import "example.com/notes/pkg/cron"

func RegisterCleanup() {
	_ = cron.Schedule("0 * * * *", deleteExpired)
	_ = cron.Schedule("30 * * * *", deleteExpired)
}

func RegisterReminders() {
	_ = cron.Schedule("*/5 * * * *", func() {
		sendReminders()
	})
}
`,
      'pkg/users/jobs.go': `package users

// deleteExpired removes the notes past their date.
func deleteExpired() {}

func sendReminders() {}
`,
    });
    // A function named there is the task, where it is defined, registered at each call; one written in place is the call's.
    assert.deepEqual(found, [
      'pkg/users/jobs.go:deleteExpired @4 through pkg/cron/cron.go:Schedule at pkg/users/register.go:6 pkg/users/register.go:7',
      'pkg/users/register.go:<anonymous>@11 @11 through pkg/cron/cron.go:Schedule at pkg/users/register.go:11',
    ]);
  });

  it('keeps a registration of a parameter whose function nothing calls', async () => {
    const found = await tasks({ 'go.mod': GO_MOD, 'pkg/cron/cron.go': CRON });
    assert.deepEqual(found, ['pkg/cron/cron.go:<anonymous>@14 @14']);
  });
});
