;; category: task
;; framework: dramatiq
;; qualifies: composition dramatiq.group dramatiq.pipeline dramatiq.composition.group dramatiq.composition.pipeline
;; description: A group or pipeline of actors' messages enqueued at once (Dramatiq's "Composition" guide): `group(add.message(1, 2) for ...).run()`, `pipeline([a.message(), b.message()]).run()`.
(call
  function: (attribute
    object: (call function: [(identifier) (attribute)] @composition)
    attribute: (identifier) @_run)
  (#eq? @_run "run")
  (#set! kind "enqueue")) @finding
