import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Answer } from '../../src/core/result';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { factsOf, tempWorkspace } from '../helpers';

/** The answers of a workspace written for a test, analysed once before its tests. */
function workspaceAnswers(files: Record<string, string>): (item: string, topic?: string) => string[] {
  let answers: Answer[] = [];
  before(async () => {
    const workspace = tempWorkspace(files);
    try {
      answers = (await analyzeFolder(workspace.root, { threads: 1 })).answers();
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
