import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Answer } from '../../src/core/result';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { factsOf, tempWorkspace, workspaceAnswers } from '../helpers';

/**
 * A small FastAPI and SQLModel service written for these tests: members with a unique handle
 * (joined without a check, invited after a lookup, imported under an `except IntegrityError`),
 * notes added, edited and deleted, a mail helper that asserts it is configured, and a CORS
 * middleware installed from Starlette.
 */
const FILES: Record<string, string> = {
    'requirements.txt': 'fastapi\nsqlmodel\n',
    'app/__init__.py': '',
    'app/services/__init__.py': '',
    'app/main.py': [
      'from fastapi import FastAPI',
      'from fastapi.middleware.cors import CORSMiddleware',
      '',
      'from app.api import router',
      '',
      'app = FastAPI()',
      '',
      'app.add_middleware(',
      '    CORSMiddleware,',
      '    allow_origins=["*"],',
      ')',
      'app.include_router(router)',
      '',
    ].join('\n'),
    'app/settings.py': [
      'class Settings:',
      '    mail_enabled: bool = False',
      '    mail_host: str = "localhost"',
      '',
      '',
      'settings = Settings()',
      '',
    ].join('\n'),
    'app/db.py': [
      'from sqlmodel import Session, create_engine',
      '',
      'engine = create_engine("sqlite://")',
      '',
      '',
      'def get_session():',
      '    with Session(engine) as session:',
      '        yield session',
      '',
    ].join('\n'),
    'app/models.py': [
      'from sqlmodel import Field, SQLModel',
      '',
      '',
      'class Member(SQLModel, table=True):',
      '    id: int | None = Field(default=None, primary_key=True)',
      '    handle: str = Field(unique=True, index=True)',
      '',
      '',
      'class Note(SQLModel, table=True):',
      '    id: int | None = Field(default=None, primary_key=True)',
      '    text: str',
      '',
    ].join('\n'),
    'app/services/mailer.py': [
      'import smtplib',
      '',
      'from app.settings import settings',
      '',
      '',
      'def send_welcome(address: str) -> None:',
      '    assert settings.mail_enabled, "no mail server configured"',
      '    with smtplib.SMTP(settings.mail_host) as smtp:',
      '        smtp.sendmail("noreply@example.org", [address], "welcome")',
      '',
    ].join('\n'),
    'app/api.py': [
      'from fastapi import APIRouter, Depends, HTTPException',
      'from sqlalchemy.exc import IntegrityError',
      'from sqlmodel import Session, select',
      '',
      'from app.db import get_session',
      'from app.models import Member, Note',
      'from app.services.mailer import send_welcome',
      'from app.settings import settings',
      '',
      'router = APIRouter()',
      '',
      '',
      '@router.post("/members")',
      'def join(handle: str, session: Session = Depends(get_session)):',
      '    member = Member(handle=handle)',
      '    session.add(member)',
      '    session.commit()',
      '    send_welcome(handle)',
      '    return member',
      '',
      '',
      '@router.post("/members/invitations")',
      'def invite(handle: str, session: Session = Depends(get_session)):',
      '    existing = session.exec(select(Member).where(Member.handle == handle)).first()',
      '    if existing:',
      '        raise HTTPException(status_code=409, detail="already a member")',
      '    member = Member.model_validate({"handle": handle})',
      '    session.add(member)',
      '    session.commit()',
      '    if settings.mail_enabled:',
      '        send_welcome(handle)',
      '    return member',
      '',
      '',
      '@router.post("/members/imports")',
      'def import_member(handle: str, session: Session = Depends(get_session)):',
      '    try:',
      '        session.add(Member(handle=handle))',
      '        session.commit()',
      '    except IntegrityError:',
      '        raise HTTPException(status_code=409, detail="duplicate handle")',
      '    return {"ok": True}',
      '',
      '',
      '@router.post("/notes")',
      'def add_note(text: str, session: Session = Depends(get_session)):',
      '    note = Note.model_validate({"text": text})',
      '    session.add(note)',
      '    session.commit()',
      '    return note',
      '',
      '',
      '@router.put("/notes/{note_id}")',
      'def edit_note(note_id: int, text: str, session: Session = Depends(get_session)):',
      '    note = session.get(Note, note_id)',
      '    if not note:',
      '        raise HTTPException(status_code=404, detail="no such note")',
      '    note.text = text',
      '    session.add(note)',
      '    session.commit()',
      '    return note',
      '',
      '',
      '@router.delete("/notes/{note_id}")',
      'def drop_note(note_id: int, session: Session = Depends(get_session)):',
      '    note = session.get(Note, note_id)',
      '    if not note:',
      '        raise HTTPException(status_code=404, detail="no such note")',
      '    session.delete(note)',
      '    session.commit()',
      '    return {"ok": True}',
      '',
      '',
      '@router.get("/health")',
      'async def health():',
      '    return {"status": "up"}',
      '',
    ].join('\n'),
};

describe("a service's answers on repeats, uncaught errors and where its layers are (a FastAPI and SQLModel workspace)", () => {
  const { factsOfItem } = workspaceAnswers(FILES);

  it('tell what repeating each write route does: a duplicate of a unique row, refused first by a check or caught, a second delete, a rewrite', () => {
    const repeats = factsOfItem('service.idempotent', 'What repeating each write does');
    assert.deepEqual(repeats, [
      // A new row each time, also when made through a class method and handed to the session.
      '`POST /members` can make a new `Member`: a repeat that makes it again adds another — app/api.py:15',
      '`POST /members/imports` can make a new `Member`: a repeat that makes it again adds another — app/api.py:38',
      '`POST /members/invitations` can make a new `Member`: a repeat that makes it again adds another — app/api.py:27',
      '`POST /notes` can make a new `Note`: a repeat that makes it again adds another — app/api.py:47',
      // The unique handle refuses the same member twice: what that refusal answers, and the check made first.
      "`POST /members` repeated with the same `handle` breaks `Member`'s rule (no two members have the same handle) on insert: nothing on its path catches the integrity error, so that repeat answers 500 — app/models.py:6",
      "`POST /members/imports` repeated with the same `handle` breaks `Member`'s rule (no two members have the same handle): the integrity error it raises is caught here — app/api.py:40",
      '`POST /members/invitations` refuses with 409 when `existing`, tested before it makes a `Member`: a repeat after the first has committed is refused here — app/api.py:26',
      // After the check, only two requests racing past it reach the rule.
      "`POST /members/invitations` breaks `Member`'s rule (no two members have the same handle) only under a race: a repeat is refused with 409 by the check before the insert, and only a request with the same `handle` racing past it before the first commits reaches the rule, which nothing on the path catches, so it answers 500 — app/models.py:6",
      '`DELETE /notes/{note_id}` answers 404 when `not note`: a repeat after the first deleted it is refused with 404 — app/api.py:68',
      '`PUT /notes/{note_id}` makes no new row and adds to no counter on its traced path: a repeat writes the same values again — app/api.py:60',
    ]);
  });

  it('tell the concrete causes of a 5xx: an assert reached with nothing catching it, a unique insert with no integrity-error handler', () => {
    const server = factsOfItem('service.errors', "What answers 5xx: errors nothing on a route's way catches");
    assert.deepEqual(server, [
      '`POST /members` reaches `send_welcome`, which asserts `settings.mail_enabled` and nothing on the way catches the AssertionError: when that does not hold, the request answers 500 — app/services/mailer.py:7',
      '`POST /members` inserts a `Member` (no two members have the same handle) and nothing on its path catches the integrity error: a duplicate answers 500 — app/models.py:6',
      '`POST /members/invitations` inserts a `Member` (no two members have the same handle) after it refuses a duplicate with 409 when `existing`: only two requests racing past that check meet the rule, and nothing on the path catches the integrity error, so the second answers 500 — app/models.py:6',
    ]);
    // The invitation sends mail only under `if settings.mail_enabled`: the assert cannot fail there.
    assert.ok(!server.some((fact) => fact.startsWith('`POST /members/invitations` reaches `send_welcome`')), server.join('\n'));
  });

  it('tell what runs inside the request: plain and coroutine handlers, and work a write route does after its commit', () => {
    assert.deepEqual(factsOfItem('service.async', 'What runs inside the request, before it answers'), [
      '6 of the 7 handlers are plain `def`: a blocking call in one holds a worker until it returns — join, import_member, invite, add_note, drop_note, edit_note — app/api.py:13',
      '1 of the 7 handlers are `async def`: they run on the event loop, where a blocking call holds every request — health — app/api.py:74',
      '`POST /members` runs `send_welcome` inside the request after its commit at app/api.py:17: a failure there answers an error though the write is kept — app/api.py:18',
      '`POST /members/invitations` runs `send_welcome` inside the request after its commit at app/api.py:29: a failure there answers an error though the write is kept — app/api.py:31',
    ]);
  });

  it("tell how this code splits the work: the write routes whose handler goes to the database with no application step", () => {
    assert.deepEqual(factsOfItem('service.draw-flow', 'How this code splits the work between its layers'), [
      '4 of the 6 routes that write go from the handler to the database with no application-layer step: the handlers orchestrate the use case themselves — POST /members/imports, POST /notes, DELETE /notes/{note_id}, PUT /notes/{note_id} — app/api.py:35',
    ]);
  });

  it('name a middleware class from outside the workspace and link where it is installed, not the top of the file', () => {
    assert.deepEqual(factsOfItem('service.draw-flow', 'Middleware and hooks on every request, in the order they are installed'), ['`cors.CORSMiddleware` installed at app/main.py:8 — app/main.py:8']);
  });

  it('link a layer that declares nothing to the file defining most, not to an empty package marker', () => {
    const jobs = factsOfItem('service.draw-flow', "Each layer's job, and the files that play it here");
    const application = jobs.find((fact) => fact.startsWith('Application:'));
    assert.ok(application?.endsWith(' — app/services/mailer.py:6'), jobs.join('\n'));
  });
});

/**
 * A Django service written for these tests: parcels whose state changes are written as `Change`
 * rows that a management command polls (`notified_at` still unset) and claims; holding a parcel
 * records its change with a flag that makes the writer set `notified_at` itself.
 */
export const PARCELS: Record<string, string> = {
  'manage.py': 'import os\nimport sys\n\nif __name__ == "__main__":\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "depot.settings")\n    from django.core.management import execute_from_command_line\n\n    execute_from_command_line(sys.argv)\n',
  'depot/__init__.py': '',
  'depot/settings.py': 'ROOT_URLCONF = "depot.urls"\nINSTALLED_APPS = ["depot.parcels"]\n',
  'depot/urls.py': 'from django.urls import include, path\n\nurlpatterns = [path("", include("depot.parcels.urls"))]\n',
  'depot/parcels/__init__.py': '',
  'depot/parcels/management/__init__.py': '',
  'depot/parcels/management/commands/__init__.py': '',
  'depot/parcels/urls.py': 'from django.urls import path\n\nfrom depot.parcels import views\n\nurlpatterns = [\n    path("parcels/<str:code>/ship", views.ship),\n    path("parcels/<str:code>/hold", views.hold),\n    path("parcels/<str:code>/preview", views.preview),\n]\n',
  'depot/parcels/models.py': [
    'from django.db import models',
    '',
    '',
    'class Parcel(models.Model):',
    '    code = models.CharField(max_length=20)',
    '    state = models.CharField(max_length=10, default="new")',
    '',
    '    def log_change(self, new_state, already_notified=False):',
    '        change = Change(parcel=self, new_state=new_state)',
    '        if already_notified:',
    '            change.notified_at = change.created',
    '        change.save()',
    '',
    '',
    'class Change(models.Model):',
    '    parcel = models.ForeignKey(Parcel, on_delete=models.CASCADE)',
    '    new_state = models.CharField(max_length=10)',
    '    created = models.DateTimeField(auto_now_add=True)',
    '    notified_at = models.DateTimeField(null=True, blank=True)',
    '',
  ].join('\n'),
  'depot/parcels/views.py': [
    'from django.http import HttpResponse',
    'from django.shortcuts import get_object_or_404',
    '',
    'from depot.parcels.models import Change, Parcel',
    '',
    '',
    'def ship(request, code):',
    '    parcel = get_object_or_404(Parcel, code=code)',
    '    parcel.log_change("shipped")',
    '    return HttpResponse("shipped")',
    '',
    '',
    'def hold(request, code):',
    '    parcel = get_object_or_404(Parcel, code=code)',
    '    parcel.log_change("held", already_notified=True)',
    '    return HttpResponse("held")',
    '',
    '',
    'def preview(request, code):',
    '    parcel = get_object_or_404(Parcel, code=code)',
    '    change = Change(parcel=parcel, new_state="preview")',
    '    return HttpResponse(describe(change))',
    '',
    '',
    'def describe(change):',
    '    return f"{change.parcel_id} would be {change.new_state}"',
    '',
  ].join('\n'),
  'depot/parcels/management/commands/notifier.py': [
    'from django.core.management.base import BaseCommand',
    'from django.utils.timezone import now',
    '',
    'from depot.parcels.models import Change',
    '',
    '',
    'def tell(change):',
    '    return f"parcel {change.parcel_id} is {change.new_state}"',
    '',
    '',
    'class Command(BaseCommand):',
    '    def take_one(self):',
    '        change = Change.objects.filter(notified_at=None).first()',
    '        if change is None:',
    '            return False',
    '        q = Change.objects.filter(id=change.id, notified_at=None)',
    '        if q.update(notified_at=now()) != 1:',
    '            return True',
    '        tell(change)',
    '        return True',
    '',
    '    def handle(self, **options):',
    '        while True:',
    '            self.take_one()',
    '',
  ].join('\n'),
};

describe('a writer called with a flag that changes what it writes (a Django table of work)', () => {
  const { factsOfItem } = workspaceAnswers(PARCELS);

  it('tell the row written with the flag as already taken, not as work the worker does later', () => {
    const consistency = factsOfItem('service.consistency');
    assert.ok(consistency.some((fact) => fact.startsWith('`ANY /parcels/{code}/ship` writes a `Change` row in `Parcel.log_change`;')), consistency.join('\n'));
    assert.ok(!consistency.some((fact) => fact.startsWith('`ANY /parcels/{code}/hold` writes a `Change` row in `Parcel.log_change`;')), consistency.join('\n'));
    assert.ok(consistency.includes('`ANY /parcels/{code}/hold` writes a `Change` row in `Parcel.log_change` called with `already_notified=True`, whose `if` on it sets `notified_at` there: the row is written already taken, and `Command.take_one` never acts on it (a record, not work) — depot/parcels/models.py:10'), consistency.join('\n'));
    // The traced flow shows the flag's effect at the writer.
    assert.ok(factsOfItem('service.trace-flow').includes('domain: `Parcel.log_change` called with `already_notified=True`: there `if already_notified` holds, so it runs `change.notified_at = change.created` — depot/parcels/models.py:10'), factsOfItem('service.trace-flow').join('\n'));
    const queued = factsOfItem('service.async');
    assert.ok(!queued.some((fact) => fact.startsWith('`ANY /parcels/{code}/hold` writes a `Change` row in `Parcel.log_change` and answers')), queued.join('\n'));
  });

  it('tell a row built and never saved as no row and no work for the worker', () => {
    const queued = factsOfItem('service.async');
    assert.ok(queued.some((fact) => fact.startsWith('`ANY /parcels/{code}/ship` writes a `Change` row in `Parcel.log_change` and answers')), queued.join('\n'));
    assert.ok(!queued.some((fact) => fact.startsWith('`ANY /parcels/{code}/preview` writes')), queued.join('\n'));
    assert.ok(!factsOfItem('service.consistency').some((fact) => fact.startsWith('`ANY /parcels/{code}/preview` writes')), factsOfItem('service.consistency').join('\n'));
    assert.ok(factsOfItem('service.idempotent').some((fact) => fact.startsWith('`ANY /parcels/{code}/preview` makes a `Change` as `change` and never saves it there')), factsOfItem('service.idempotent').join('\n'));
  });
});

describe('work written in another branch than the commit (a route that acts on a choice)', () => {
  it('is not told as running after the commit, while work that follows the commit still is', async () => {
    const route = [
      '',
      '',
      '@router.post("/members/{handle}/actions")',
      'def act(handle: str, action: str, session: Session = Depends(get_session)):',
      '    if action == "add":',
      '        session.add(Member(handle=handle))',
      '        session.commit()',
      '    elif action == "welcome":',
      '        send_welcome(handle)',
      '    return {"ok": True}',
      '',
    ].join('\n');
    const workspace = tempWorkspace({ ...FILES, 'app/api.py': `${FILES['app/api.py'] ?? ''}${route}` });
    let answers: Answer[] = [];
    try {
      answers = (await analyzeFolder(workspace.root, { threads: 1 })).answers();
    } finally {
      workspace.cleanup();
    }
    const inRequest = factsOf(answers.find((answer) => answer.item === 'service.async'), 'What runs inside the request, before it answers');
    assert.ok(inRequest.some((fact) => fact.startsWith('`POST /members` runs `send_welcome` inside the request after its commit')), inRequest.join('\n'));
    assert.ok(!inRequest.some((fact) => fact.startsWith('`POST /members/{handle}/actions` runs')), inRequest.join('\n'));
  });
});

/** The parcels service with what its authors wrote beside the code: a commented transaction, a documented hand-off to a thread, two retry loops, and a failure kept on a row. */
export const PARCELS_EXPLAINED: Record<string, string> = {
  ...PARCELS,
  'depot/parcels/shipping.py': [
    'from django.db import transaction',
    '',
    '',
    'def ship_now(parcel):',
    '    # The notifier must never see the new state without its change row.',
    '    # Both writes share one transaction:',
    '    with transaction.atomic():',
    '        parcel.state = "shipped"',
    '        parcel.save()',
    '        parcel.log_change("shipped")',
    '',
  ].join('\n'),
  'depot/parcels/attempts.py': [
    'from django.db import models',
    '',
    'from depot.parcels.courier import post',
    '',
    '',
    'class Attempt(models.Model):',
    '    url = models.CharField(max_length=200)',
    '    last_error = models.CharField(max_length=200, blank=True)',
    '',
    '',
    'def deliver(attempt_id, url, payload):',
    '    error = ""',
    '    try:',
    '        post(url, payload)',
    '    except ConnectionError as e:',
    '        error = str(e)',
    '    Attempt.objects.filter(id=attempt_id).update(last_error=error, url=url)',
    '',
  ].join('\n'),
  'depot/parcels/courier.py': [
    'import smtplib',
    'import time',
    'from threading import Thread',
    '',
    '',
    'class Courier(Thread):',
    '    MAX_TRIES = 3',
    '',
    '    def __init__(self, message):',
    '        Thread.__init__(self)',
    '        self.message = message',
    '',
    '    def run(self):',
    '        for attempt in range(self.MAX_TRIES):',
    '            try:',
    '                self.message.send()',
    '                return',
    '            except smtplib.SMTPServerDisconnected:',
    '                if attempt + 1 == self.MAX_TRIES:',
    '                    raise',
    '                time.sleep(1)',
    '',
    '',
    'def send_once(url, payload):',
    '    return (url, payload)',
    '',
    '',
    'def post(url, payload, tries=3):',
    '    while True:',
    '        try:',
    '            return send_once(url, payload)',
    '        except ValueError:',
    '            raise',
    '        except ConnectionError:',
    '            tries -= 1',
    '            if tries == 0:',
    '                raise',
    '',
    '',
    'def _archive(code):',
    '    return code',
    '',
    '',
    'def archive(code):',
    '    """Archive the history of a parcel.',
    '',
    '    Archiving can take minutes, so it runs on a thread of its own.',
    '    """',
    '    worker = Thread(target=_archive, args=(code,))',
    '    worker.start()',
    '',
  ].join('\n'),
};

describe("a service's retry loops and its authors' comments beside the facts they explain", () => {
  const { factsOfItem } = workspaceAnswers(PARCELS_EXPLAINED);
  const RETRIES = 'Where the code retries what it calls, and when it gives up';

  it('tell each loop that makes an attempt again on an exception, under async failures and under errors', () => {
    for (const item of ['service.async', 'service.errors']) {
      const retries = factsOfItem(item, RETRIES);
      assert.ok(retries.some((fact) => fact.startsWith('`Courier.run` makes its attempt again when `smtplib.SMTPServerDisconnected` is raised, in its loop `for attempt in range(self.MAX_TRIES)`, and raises it again once it gives up; the `except` clause runs `') && fact.endsWith(' — depot/parcels/courier.py:18')), retries.join('\n'));
      assert.ok(retries.some((fact) => fact.startsWith('`post` makes its attempt again when `ConnectionError` is raised, in its loop `while True`, and raises it again once it gives up; the `except` clause runs `tries -= 1') && fact.endsWith(' — depot/parcels/courier.py:34')), retries.join('\n'));
      // A clause that raises at once leaves the loop: no retry of `ValueError`.
      assert.equal(retries.length, 2, retries.join('\n'));
    }
  });

  it('tell a column the code writes a caught failure into, and no column given another value', () => {
    const records = factsOfItem('service.async', 'Where a failure is kept on the data for later reading');
    assert.deepEqual(records, ['`deliver` writes `error`, which it sets where it catches `ConnectionError`, into `Attempt.last_error` (`Attempt.objects.filter().update`) — depot/parcels/attempts.py:17']);
  });

  it("quote the authors' comment above a transaction and the docstring of the function that hands work to a thread", () => {
    const transactions = factsOfItem('service.transactional');
    const at = transactions.findIndex((fact) => fact.startsWith('`ship_now`') && fact.endsWith(' — depot/parcels/shipping.py:7'));
    assert.ok(at >= 0, transactions.join('\n'));
    assert.equal(transactions[at + 1], 'The comment written there, in `ship_now` (the authors\' words): "The notifier must never see the new state without its change row. Both writes share one transaction" — depot/parcels/shipping.py:5');
    const tasks = factsOfItem('service.async');
    assert.ok(tasks.includes('The docstring of `archive` (the authors\' words): "Archive the history of a parcel. Archiving can take minutes, so it runs on a thread of its own." — depot/parcels/courier.py:45'), tasks.join('\n'));
  });
});

describe('the order of middleware a FastAPI application adds one after another', () => {
  const { factsOfItem } = workspaceAnswers({
      ...FILES,
      'app/main.py': [
        'from fastapi import FastAPI',
        'from fastapi.middleware.cors import CORSMiddleware',
        'from fastapi.middleware.gzip import GZipMiddleware',
        'from fastapi.middleware.trustedhost import TrustedHostMiddleware',
        '',
        'from app.api import router',
        '',
        'app = FastAPI()',
        '',
        'app.add_middleware(CORSMiddleware, allow_origins=["*"])',
        'app.add_middleware(GZipMiddleware)',
        'admin = FastAPI()',
        'admin.add_middleware(TrustedHostMiddleware)',
        '',
        '',
        '@app.middleware("http")',
        'async def timing(request, call_next):',
        '    return await call_next(request)',
        '',
        'app.include_router(router)',
        '',
      ].join('\n'),
    });

  it('is told as it runs on a request: the last added first, as Starlette stacks them, each application apart', () => {
    const middleware = factsOfItem('service.draw-flow', 'Middleware and hooks on every request, in the order they are installed');
    assert.ok(middleware.includes('Each middleware added to `app` in app/main.py wraps those added before it: on a request they run `timing → gzip.GZipMiddleware → cors.CORSMiddleware`, the last added first — app/main.py:10'), middleware.join('\n'));
    assert.ok(!middleware.some((fact) => fact.includes('wraps') && fact.includes('TrustedHost')), middleware.join('\n'));
  });
});
