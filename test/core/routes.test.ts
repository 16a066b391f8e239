import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeRoutePath } from '../../src/core/resolve/routePaths';

describe('normalizeRoutePath', () => {
  it('writes every framework placeholder as {param}', () => {
    assert.equal(normalizeRoutePath('articles/<int:pk>/'), '/articles/{pk}/');
    assert.equal(normalizeRoutePath('/users/<username>'), '/users/{username}');
    assert.equal(normalizeRoutePath('/users/:id/posts/:postId?'), '/users/{id}/posts/{postId}');
    assert.equal(normalizeRoutePath('/files/{path:path}'), '/files/{path}');
    assert.equal(normalizeRoutePath('/articles/{slug}'), '/articles/{slug}');
    assert.equal(normalizeRoutePath(''), '/');
  });
});
