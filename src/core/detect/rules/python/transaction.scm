;; category: transaction
;; description: Each place (its own finding, named after its line) where work is committed or rolled back, or a block runs inside a transaction: `session.commit()`, `uow.rollback()`, `with session.begin():`, `async with database.transaction():`, `with transaction.atomic():`, and views or functions decorated `@transaction.atomic` / `@atomic`.
(call
  function: (attribute object: (_) @on attribute: (identifier) @action)
  (#any-of? @action "commit" "rollback")
  (#set! symbol "anonymous")) @finding

(with_item
  value: (call function: (attribute object: (_) @on attribute: (identifier) @action))
  (#any-of? @action "begin" "begin_nested" "transaction" "atomic")
  (#set! symbol "anonymous")) @finding

(decorated_definition
  (decorator [(identifier) (attribute) (call function: [(identifier) (attribute)])] @action)
  (#match? @action "^(transaction\\.)?atomic(\\(.*)?$")
  definition: (function_definition)) @finding
