;; category: receiver
;; framework: huey
;; description: A receiver connected by an object's `signal(...)` decorator factory: huey's `@huey.signal(SIGNAL_COMPLETE)` (any signal when given none) and Sanic's `@app.signal("http.lifecycle.begin")`, written as a decorator or applied to a function or method (`huey.signal()(self.on_signal)`).
(decorated_definition
  (decorator
    (call function: (attribute attribute: (identifier) @_verb) @hook))
  (#eq? @_verb "signal")
  definition: (function_definition)) @finding

(call
  function: (call function: (attribute attribute: (identifier) @_verb) @hook)
  arguments: (argument_list . [(identifier) (attribute)] @symbol .)
  (#eq? @_verb "signal")) @finding
