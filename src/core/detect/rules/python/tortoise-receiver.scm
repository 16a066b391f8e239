;; category: receiver
;; framework: tortoise
;; qualifies: decorator tortoise.signals.pre_save tortoise.signals.post_save tortoise.signals.pre_delete tortoise.signals.post_delete
;; description: A Tortoise ORM signal receiver (tortoise.signals, "Signals"): `@pre_save(Model, ...)`, `@post_save`, `@pre_delete` or `@post_delete`, called before or after each model it is given is saved or deleted.
(decorated_definition
  (decorator
    (call
      function: [(identifier) (attribute)] @decorator
      arguments: (argument_list . [(identifier) (attribute)] @sender)))
  (#match? @decorator "(^|\\.)(pre_save|post_save|pre_delete|post_delete)$")
  definition: (function_definition)) @finding
