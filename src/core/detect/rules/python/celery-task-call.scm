;; category: task
;; framework: celery
;; description: A call that queues a task instead of running it: `task.delay(...)`, `task.apply_async(...)`.
(call
  function: (attribute
    object: (_) @task
    attribute: (identifier) @call)
  (#any-of? @call "delay" "apply_async")
  (#set! kind "enqueue")) @finding
