;; category: receiver
;; description: A listener of SQLAlchemy's session event `after_commit` (`event.listen(session, "after_commit", fn)`, Flask-SQLAlchemy's `db.event.listen(db.session, ...)`, `@event.listens_for(Session, "after_commit")`): SQLAlchemy's docs say it runs after the transaction has committed, so what it hands on (a search index, a cache, a message) is written outside that transaction.
(call
  function: [(identifier) (attribute)] @_listen
  arguments: (argument_list . (_) . (string (string_content) @signal) . [(identifier) (attribute)] @symbol)
  (#match? @_listen "(^|\\.)event\\.listen$|^listen$")
  (#eq? @signal "after_commit")
  (#set! kind "after-commit")) @finding

(decorated_definition
  (decorator (call
    function: [(identifier) (attribute)] @_listen
    arguments: (argument_list . (_) . (string (string_content) @signal))))
  (#match? @_listen "(^|\\.)listens_for$")
  (#eq? @signal "after_commit")
  (#set! kind "after-commit")
  definition: (function_definition)) @finding
