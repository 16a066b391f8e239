import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { phraseText } from '../../src/core/answers/phrases';
import { workspaceAnswers } from '../helpers';

/**
 * A small FastAPI and SQLModel service written for these tests: teams with a unique invite code
 * the code makes itself (a token, a UUID through a local) or takes from the request, and a unique
 * nullable slug no insert sets; accounts whose password change tests the hash it then replaces,
 * and whose rename tests nothing it writes.
 */
const FILES: Record<string, string> = {
  'requirements.txt': 'fastapi\nsqlmodel\n',
  'app/__init__.py': '',
  'app/main.py': ['from fastapi import FastAPI', '', 'from app.api import router', '', 'app = FastAPI()', 'app.include_router(router)', ''].join('\n'),
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
  'app/security.py': [
    'import hashlib',
    '',
    '',
    'def hash_password(password: str) -> str:',
    '    return hashlib.sha256(password.encode()).hexdigest()',
    '',
    '',
    'def check_password(password: str, hashed: str) -> bool:',
    '    return hash_password(password) == hashed',
    '',
  ].join('\n'),
  'app/transfers.py': [
    'def settle(conn, xid, statements):',
    '    conn.tpc_begin(xid)',
    '    for statement in statements:',
    '        conn.cursor().execute(statement)',
    '    conn.tpc_prepare()',
    '    conn.tpc_commit()',
    '',
  ].join('\n'),
  'app/models.py': [
    'from sqlmodel import Field, SQLModel',
    '',
    '',
    'class Team(SQLModel, table=True):',
    '    id: int | None = Field(default=None, primary_key=True)',
    '    name: str',
    '    invite_code: str = Field(unique=True)',
    '    slug: str | None = Field(default=None, unique=True, nullable=True)',
    '',
    '',
    'class Account(SQLModel, table=True):',
    '    id: int | None = Field(default=None, primary_key=True)',
    '    name: str',
    '    password_hash: str',
    '',
  ].join('\n'),
  'app/api.py': [
    'import secrets',
    'import uuid',
    '',
    'from fastapi import APIRouter, Depends, HTTPException',
    'from sqlmodel import Session',
    '',
    'from app.db import get_session',
    'from app.models import Account, Team',
    'from app.security import check_password, hash_password',
    '',
    'router = APIRouter()',
    '',
    '',
    '@router.post("/teams")',
    'def create_team(name: str, session: Session = Depends(get_session)):',
    '    code = secrets.token_urlsafe(16)',
    '    team = Team(name=name, invite_code=code)',
    '    session.add(team)',
    '    session.commit()',
    '    return team',
    '',
    '',
    '@router.post("/teams/copies")',
    'def copy_team(name: str, session: Session = Depends(get_session)):',
    '    team = Team(name=name)',
    '    team.invite_code = str(uuid.uuid4())[:12]',
    '    session.add(team)',
    '    session.commit()',
    '    return team',
    '',
    '',
    '@router.post("/teams/imports")',
    'def import_team(name: str, invite_code: str, session: Session = Depends(get_session)):',
    '    team = Team(name=name, invite_code=invite_code)',
    '    session.add(team)',
    '    session.commit()',
    '    return team',
    '',
    '',
    '@router.patch("/accounts/{account_id}/password")',
    'def change_password(account_id: int, current: str, new: str, session: Session = Depends(get_session)):',
    '    account = session.get(Account, account_id)',
    '    if not account:',
    '        raise HTTPException(status_code=404, detail="no such account")',
    '    ok = check_password(current, account.password_hash)',
    '    if not ok:',
    '        raise HTTPException(status_code=400, detail="wrong password")',
    '    account.password_hash = hash_password(new)',
    '    session.add(account)',
    '    session.commit()',
    '    return {"ok": True}',
    '',
    '',
    '@router.patch("/accounts/{account_id}")',
    'def rename(account_id: int, name: str, session: Session = Depends(get_session)):',
    '    account = session.get(Account, account_id)',
    '    if not account:',
    '        raise HTTPException(status_code=404, detail="no such account")',
    '    account.name = name',
    '    session.add(account)',
    '    session.commit()',
    '    return account',
    '',
  ].join('\n'),
};

describe('what a repeat meets when the code makes the unique value itself or tests what it then writes (a FastAPI and SQLModel workspace)', () => {
  const { answerOf, factsOfItem } = workspaceAnswers(FILES);

  it('tell a unique column filled from the request as broken by a repeat, and not one the code fills with a token or a UUID, nor a nullable one no insert sets', () => {
    const repeats = factsOfItem('service.idempotent', 'What repeating each write does');
    const unique = repeats.filter((fact) => fact.includes("`Team`'s rule"));
    assert.deepEqual(unique, [
      "`POST /teams/imports` repeated with the same `invite_code` breaks `Team`'s rule (no two teams have the same invite_code) on insert: nothing on its path catches the integrity error, so that repeat answers 500 — app/models.py:7",
    ]);
    const server = factsOfItem('service.errors', "What answers 5xx: errors nothing on a route's way catches");
    assert.deepEqual(
      server.filter((fact) => fact.includes('inserts a `Team`')),
      ['`POST /teams/imports` inserts a `Team` (no two teams have the same invite_code) and nothing on its path catches the integrity error: a duplicate answers 500 — app/models.py:7'],
    );
    // The slug is left NULL by every insert: the constraint never compares it, so it is no safety either.
    const safe = factsOfItem('service.idempotent', 'What makes a repeated request safe');
    assert.ok(!safe.some((fact) => fact.includes('slug')), safe.join('\n'));
    assert.ok(safe.some((fact) => fact.includes('invite_code')), safe.join('\n'));
  });

  it('tell sagas, outboxes and two-phase commits apart, each with its own line when none is found', () => {
    const parts = answerOf('service.consistency')?.parts ?? [];
    const told = (topic: string) => parts.find((part) => phraseText(part.topic) === topic);
    assert.deepEqual(factsOfItem('service.consistency', 'Distributed transactions (two-phase commit)'), [
      '`settle` commits in two phases: `conn.tpc_begin` — app/transfers.py:2',
      '`settle` commits in two phases: `conn.tpc_prepare` — app/transfers.py:5',
      '`settle` commits in two phases: `conn.tpc_commit` — app/transfers.py:6',
    ]);
    const saga = told('Sagas and compensations');
    assert.equal(saga?.facts.length, 0);
    assert.equal(saga?.gap && phraseText(saga.gap), 'None found: no class or function of the code under study is named as a saga, a compensation or a process manager');
    const outbox = told('Outboxes: work written in the transaction of the change it announces');
    assert.ok(outbox?.gap && phraseText(outbox.gap).startsWith('None found:'), JSON.stringify(outbox));
  });

  it('tell a write behind a test of the value it then replaces as refused on a repeat, and a plain rename as writing the same values again', () => {
    const repeats = factsOfItem('service.idempotent', 'What repeating each write does');
    assert.deepEqual(
      repeats.filter((fact) => fact.startsWith('`PATCH')),
      [
        '`PATCH /accounts/{account_id}` makes no new row and adds to no counter on its traced path: a repeat writes the same values again — app/api.py:61',
        '`PATCH /accounts/{account_id}/password` refuses with 400 when `not ok`, a test that reads `account.password_hash`, which it then writes itself: a repeat is tested against what the first request wrote, not a plain rewrite of the same values, and is refused with 400 where that test then fails (as a check of the value before the change does) — app/api.py:47',
      ],
    );
  });
});
