import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { phraseText } from '../../src/core/answers/phrases';
import { quote } from '../../src/core/answers/projectDocs';
import type { Answer } from '../../src/core/result';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { factsOf, tempWorkspace } from '../helpers';

/** The answers of a workspace written for a test, analysed once before its tests. */
function workspaceAnswers(files: Record<string, string>, kept?: (answers: Answer[]) => void): (item: string, topic?: string) => string[] {
  let answers: Answer[] = [];
  before(async () => {
    const workspace = tempWorkspace(files);
    try {
      answers = (await analyzeFolder(workspace.root, { threads: 1 })).answers();
      kept?.(answers);
    } finally {
      workspace.cleanup();
    }
  });
  return (item, topic) => factsOf(answers.find((answer) => answer.item === item), topic);
}

const ROUTE_ERRORS = 'Error statuses by route';

describe('the condition an error status is answered under', () => {
  describe('a Spring controller that answers 404 from a guard and 400 from an else branch', () => {
    const JAVA = 'src/main/java/com/example/shelf';
    const factsOfItem = workspaceAnswers({
      'pom.xml': '<project><modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>shelf</artifactId><version>1</version><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies><build><plugins><plugin><groupId>org.springframework.boot</groupId><artifactId>spring-boot-maven-plugin</artifactId></plugin></plugins></build></project>\n',
      [`${JAVA}/ShelfApplication.java`]: 'package com.example.shelf;\n\nimport org.springframework.boot.autoconfigure.SpringBootApplication;\n\n@SpringBootApplication\npublic class ShelfApplication {\n}\n',
      [`${JAVA}/web/BookController.java`]: [
        'package com.example.shelf.web;',
        '',
        'import org.springframework.http.HttpStatus;',
        'import org.springframework.http.ResponseEntity;',
        'import org.springframework.web.bind.annotation.*;',
        '',
        '@RestController',
        'public class BookController {',
        '    private final java.util.Map<Integer, String> titles = new java.util.HashMap<>();',
        '',
        '    @GetMapping("/books/{id}")',
        '    public ResponseEntity<String> get(@PathVariable Integer id) {',
        '        String title = titles.get(id);',
        '        if (title == null) {',
        '            return new ResponseEntity<>(HttpStatus.NOT_FOUND);',
        '        }',
        '        return ResponseEntity.ok(title);',
        '    }',
        '',
        '    @PutMapping("/books/{id}")',
        '    public ResponseEntity<String> put(@PathVariable Integer id, @RequestBody String title) {',
        '        if (!title.isBlank()) {',
        '            titles.put(id, title);',
        '            return ResponseEntity.ok(title);',
        '        } else {',
        '            return new ResponseEntity<>(HttpStatus.BAD_REQUEST);',
        '        }',
        '    }',
        '}',
        '',
      ].join('\n'),
    });

    it("tells each status with the `if` it is written under, an `else` branch's negated", () => {
      const statuses = factsOfItem('service.errors', ROUTE_ERRORS);
      assert.ok(statuses.includes(`\`GET /books/{id}\` answers 404 when \`title == null\` (\`ResponseEntity\`) — ${JAVA}/web/BookController.java:15`), statuses.join('\n'));
      assert.ok(statuses.includes(`\`PUT /books/{id}\` answers 400 when \`!(!title.isBlank())\` (\`ResponseEntity\`) — ${JAVA}/web/BookController.java:26`), statuses.join('\n'));
    });
  });

  describe('a Go handler that tests a flag set by a type assertion', () => {
    const factsOfItem = workspaceAnswers({
      'go.mod': 'module example.com/notes\n\ngo 1.22\n',
      'cmd/notes/main.go': 'package main\n\nimport (\n\t"net/http"\n\n\t"example.com/notes/internal/web"\n)\n\nfunc main() {\n\tmux := http.NewServeMux()\n\tmux.HandleFunc("GET /notes/{id}", web.GetNote)\n\t_ = http.ListenAndServe(":8080", mux)\n}\n',
      'internal/web/notes.go': [
        'package web',
        '',
        'import "net/http"',
        '',
        'type ctxKey string',
        '',
        'func GetNote(w http.ResponseWriter, r *http.Request) {',
        '\towner, ok := r.Context().Value(ctxKey("owner")).(string)',
        '\tif !ok {',
        '\t\thttp.Error(w, "who are you", http.StatusUnauthorized)',
        '\t\treturn',
        '\t}',
        '\tif err := check(owner, r.PathValue("id")); err != nil {',
        '\t\thttp.Error(w, err.Error(), http.StatusForbidden)',
        '\t\treturn',
        '\t}',
        '\tw.WriteHeader(http.StatusOK)',
        '}',
        '',
        'func check(owner, id string) error {',
        '\treturn nil',
        '}',
        '',
      ].join('\n'),
    });

    it('tells a test of a flag or an error value with the statement that set it', () => {
      const statuses = factsOfItem('service.errors', ROUTE_ERRORS);
      assert.ok(statuses.includes('`GET /notes/{id}` answers 401 when `owner, ok := r.Context().Value(ctxKey("owner")).(string); !ok` (`http.Error`) — internal/web/notes.go:10'), statuses.join('\n'));
      assert.ok(statuses.includes('`GET /notes/{id}` answers 403 when `err := check(owner, r.PathValue("id")); err != nil` (`http.Error`) — internal/web/notes.go:14'), statuses.join('\n'));
    });
  });
});

/** A small FastAPI service: a route with a body model and its validator, a path and a query parameter, a status it sets, and a step it runs only under a flag. */
export const CLUB_SERVICE: Record<string, string> = {
  'pyproject.toml': '[project]\nname = "clubs"\nversion = "1.0"\ndependencies = ["fastapi", "sqlalchemy"]\n',
  'app/main.py': 'from fastapi import FastAPI\n\nfrom app.api.routes import router\n\napp = FastAPI()\napp.include_router(router)\n',
  'app/api/routes.py': [
    'from fastapi import APIRouter, HTTPException, Query',
    'from pydantic import BaseModel, Field, field_validator',
    '',
    'from app.services.members import register_member, send_welcome',
    '',
    'router = APIRouter(prefix="/clubs")',
    '',
    '',
    'class MemberIn(BaseModel):',
    '    email: str = Field(max_length=120)',
    '    nickname: str = Field(min_length=2)',
    '',
    '    @field_validator("email")',
    '    @classmethod',
    '    def has_at(cls, value: str) -> str:',
    '        if "@" not in value:',
    '            raise ValueError("an email needs an @")',
    '        return value',
    '',
    '',
    'class MemberOut(BaseModel):',
    '    id: int',
    '    email: str',
    '',
    '',
    '@router.post("/{club_id}/members", status_code=201, response_model=MemberOut)',
    'def join_club(club_id: int, member: MemberIn, notify: bool = Query(False)):',
    '    if club_id <= 0:',
    '        raise HTTPException(status_code=404, detail="no such club")',
    '    created = register_member(club_id, member.email)',
    '    if notify:',
    '        send_welcome(member.email)',
    '    return created',
    '',
  ].join('\n'),
  'app/services/members.py': [
    'from app.infrastructure.mailer import deliver',
    'from app.infrastructure.store import insert_member',
    '',
    '',
    'def register_member(club_id: int, email: str):',
    '    return insert_member(club_id, email)',
    '',
    '',
    'def send_welcome(email: str):',
    '    deliver(email, "welcome")',
    '',
  ].join('\n'),
  'app/infrastructure/mailer.py': 'import smtplib\n\n\ndef deliver(to: str, subject: str):\n    with smtplib.SMTP("localhost") as server:\n        server.sendmail("clubs@example.com", [to], subject)\n',
  'app/infrastructure/store.py': [
    'from sqlalchemy import create_engine, text',
    '',
    'engine = create_engine("sqlite://")',
    '',
    '',
    'def insert_member(club_id: int, email: str):',
    '    with engine.begin() as connection:',
    '        connection.execute(text("INSERT INTO members (club_id, email) VALUES (:c, :e)"), {"c": club_id, "e": email})',
    '    return {"id": 1, "email": email}',
    '',
  ].join('\n'),
};

describe('a FastAPI service with no async work (a workspace written for this test)', () => {
  let answers: Answer[] = [];
  const factsOfItem = workspaceAnswers(CLUB_SERVICE, (analysed) => (answers = analysed));

  it('marks a step that runs only under an `if` with its condition, and what it leads to too, never one every request reaches', () => {
    const flow = factsOfItem('service.trace-flow', 'The flow of `{0}`, layer by layer');
    assert.ok(flow.includes('application: `send_welcome`, only when `notify` — app/services/members.py:9'), flow.join('\n'));
    assert.ok(flow.includes('infrastructure: `deliver`, only when `notify` — app/infrastructure/mailer.py:4'), flow.join('\n'));
    assert.ok(flow.includes('application: `register_member` — app/services/members.py:5'), flow.join('\n'));
    assert.ok(flow.includes('infrastructure: `insert_member` — app/infrastructure/store.py:6'), flow.join('\n'));
  });

  it('tells what the traced route takes and answers with: path parameter, body model with its fields and the check its validator refuses under, other parameters, the status it writes and the model it answers with', () => {
    const contract = factsOfItem('service.trace-flow', 'What `{0}` takes and answers with');
    assert.deepEqual(contract, [
      'path parameter `club_id: int` — app/api/routes.py:26',
      'body `member`, validated as `MemberIn`: `email: str = Field(max_length=120)`, `nickname: str = Field(min_length=2)` — app/api/routes.py:9',
      '`MemberIn.has_at` refuses the body when `"@" not in value`: `ValueError("an email needs an @")` — app/api/routes.py:17',
      'parameter `notify: bool = Query(False)` — app/api/routes.py:26',
      'answers 201 on success (`status_code=201`) — app/api/routes.py:26',
      'answers with `MemberOut`: `id: int`, `email: str` — app/api/routes.py:21',
    ]);
    assert.deepEqual(factsOfItem('service.draw-flow', 'What `{0}` takes and answers with'), contract);
  });

  it("tells the 422 FastAPI answers for a body or parameter failing the handler's declared types, first among the 4xx", () => {
    const statuses = factsOfItem('service.errors', ROUTE_ERRORS);
    assert.equal(statuses[0], 'A request whose body or parameters fail the types and constraints the handler declares is answered 422 by fastapi (`RequestValidationError`), before the handler runs — app/api/routes.py:26', statuses.join('\n'));
  });

  it('says plainly that none was found, without pointing at a file that has nothing to do with the question', () => {
    const parts = answers.find((answer) => answer.item === 'service.async')?.parts ?? [];
    const gaps = parts.flatMap((part) => (part.gap ? [part.gap] : []));
    assert.ok(gaps.length >= 2, JSON.stringify(parts));
    for (const gap of gaps) {
      assert.equal(gap.readAt, undefined, phraseText(gap));
      assert.match(phraseText(gap), /\bnone found: /i);
    }
  });
});

describe('a FastAPI service whose handlers enforce its rules (a workspace written for this test)', () => {
  const factsOfItem = workspaceAnswers({
    'pyproject.toml': '[project]\nname = "rooms"\nversion = "1.0"\ndependencies = ["fastapi"]\n',
    'app/main.py': 'from fastapi import FastAPI\n\nfrom app.api.bookings import router\n\napp = FastAPI()\napp.include_router(router)\n',
    'app/api/bookings.py': [
      'from fastapi import APIRouter, HTTPException',
      '',
      'from app.services.rooms import find_room, reserve',
      '',
      'router = APIRouter()',
      '',
      '',
      '@router.post("/rooms/{room_id}/bookings")',
      'def book(room_id: int, nights: int):',
      '    room = find_room(room_id)',
      '    if room is None:',
      '        raise HTTPException(status_code=404, detail="no such room")',
      '    if nights > room.max_nights:',
      '        raise HTTPException(status_code=409, detail="stay too long for this room")',
      '    return reserve(room, nights)',
      '',
    ].join('\n'),
    'app/services/rooms.py': 'def find_room(room_id):\n    return None\n\n\ndef reserve(room, nights):\n    return {"room": room, "nights": nights}\n',
  });

  it("tells a handler's guard that refuses a request for a rule (409) as a rule, with its condition, and leaves a missing resource's 404 to the errors", () => {
    const rules = factsOfItem('service.invariants', 'Rules the handlers enforce: where they refuse a request');
    assert.deepEqual(rules, ['`book` refuses with 409 when `nights > room.max_nights`: `HTTPException("stay too long for this room")` — app/api/bookings.py:14']);
  });
});

describe('a Django view that answers a status in an except clause', () => {
  const factsOfItem = workspaceAnswers({
    'pyproject.toml': '[project]\nname = "shelf"\nversion = "1.0"\ndependencies = ["django"]\n',
    'manage.py': 'import os\n\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "shelf.settings")\n',
    'shelf/settings.py': 'ROOT_URLCONF = "shelf.urls"\nINSTALLED_APPS = ["shelf"]\n',
    'shelf/urls.py': 'from django.urls import path\n\nfrom shelf.api import views\n\nurlpatterns = [path("books/<int:pk>/", views.book)]\n',
    'shelf/services/books.py': 'from shelf.models import Book\n\n\ndef find_book(pk):\n    return Book.objects.get(pk=pk)\n',
    'shelf/api/views.py': [
      'from django.http import HttpResponse, HttpResponseNotFound',
      '',
      'from shelf.services.books import find_book',
      'from shelf.models import Book',
      '',
      '',
      'def book(request, pk):',
      '    try:',
      '        found = find_book(pk)',
      '    except Book.DoesNotExist:',
      '        return HttpResponseNotFound("no such book")',
      '    return HttpResponse(found.title)',
      '',
    ].join('\n'),
    'shelf/models.py': 'from django.db import models\n\n\nclass Book(models.Model):\n    title = models.CharField(max_length=200)\n',
  });

  it('tells the status with the exception its clause catches', () => {
    const statuses = factsOfItem('service.errors', ROUTE_ERRORS);
    assert.ok(statuses.includes('`ANY /books/{pk}/` answers 404 when `except Book.DoesNotExist` (`HttpResponseNotFound`) — shelf/api/views.py:11'), statuses.join('\n'));
  });
});

describe('a quoted description too long to show whole', () => {
  it('is cut after its last sentence that fits, else at a word, never inside a word', () => {
    const text = `${'Word '.repeat(30).trim()}. ${'More '.repeat(60).trim()}.`;
    assert.equal(quote(text, 200), `${'Word '.repeat(30).trim()}.`);
    assert.equal(quote('alpha beta gamma delta', 14), 'alpha beta…');
    assert.equal(quote('short.', 14), 'short.');
  });
});
