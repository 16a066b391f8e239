;; category: task
;; framework: rq
;; description: A job queued with RQ, on a queue named as RQ's documentation names one (`q`, `queue`, `<name>_queue`): `q.enqueue(count_words_at_url, url)`, `queue.enqueue_call(func=send_report, args=(...))`, `queue.enqueue_at(when, say_hello)`, `queue.enqueue_in(timedelta(seconds=10), say_hello)`. The function that queues it is a task site (kind `enqueue`), as Celery's `delay` is, and a function given by name or by its import path as a string (first to `enqueue`/`enqueue_call`: `q.enqueue('my_package.my_module.my_func', 3, 4)`) is the job (kind `job`).
(call
  function: (attribute object: (_) @queue attribute: (identifier) @call)
  (#match? @call "^enqueue(_call|_at|_in)?$")
  (#match? @queue "(^|\\.)(q|queue|[a-z_]+_queue)$")
  arguments: (argument_list . (_) @task)
  (#set! kind "enqueue")) @finding

(call
  function: (attribute object: (_) @_queue attribute: (identifier) @_call)
  arguments: (argument_list . (identifier) @symbol)
  (#match? @_queue "(^|\\.)(q|queue|[a-z_]+_queue)$")
  (#any-of? @_call "enqueue" "enqueue_call")
  (#set! kind "job")) @finding

(call
  function: (attribute object: (_) @_queue attribute: (identifier) @_call)
  arguments: (argument_list . (string (string_content) @symbol))
  (#match? @_queue "(^|\\.)(q|queue|[a-z_]+_queue)$")
  (#any-of? @_call "enqueue" "enqueue_call")
  (#match? @symbol "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+$")
  (#set! kind "job")) @finding
