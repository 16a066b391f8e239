;; category: event
;; framework: sanic
;; qualifies: emitter sanic.Sanic sanic.app.Sanic
;; description: An event dispatched on a Sanic application by its name (Sanic's "Signals": `await app.dispatch("foo.bar.baz")`, received by handlers registered with `@app.signal("foo.bar.baz")`); the application typed so, an attribute made by `Sanic(...)` or a parameter annotated `Sanic`.
(call
  function: (attribute object: (_) @emitter attribute: (identifier) @_verb)
  arguments: (argument_list . (string) @event)
  (#eq? @_verb "dispatch")
  (#set! kind "publish")) @finding
