;; category: task
;; framework: dramatiq
;; qualifies: task finding:task
;; description: A call that enqueues a message for an actor (Dramatiq's "Actors" guide): `add.send(1, 2)`, `add.send_with_options(args=(1, 2), delay=1000)`, on an actor the workspace defines.
(call
  function: (attribute
    object: [(identifier) (attribute)] @task
    attribute: (identifier) @call)
  (#any-of? @call "send" "send_with_options")
  (#set! kind "enqueue")) @finding
