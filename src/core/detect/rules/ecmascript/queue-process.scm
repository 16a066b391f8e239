;; category: task
;; outermost: true
;; description: Jobs of the Redis queues that process them with a callback, on an object named as a queue (a name ending in `queue`/`Queue`): the processor written in place and handed to `process` is the task — Bee-Queue's `queue.process([concurrency], handler)` (README "Queue#process"), Bull's `queue.process([name], [concurrency], processor)` (docs "Queue#process"), Kue's `queue.process(type, [n], fn)` — and a job made to be saved on the queue queues work: Bee-Queue's `queue.createJob(data).save()` (README "Queue#createJob") and Kue's `queue.create(type, data).save()` (README "Creating Jobs").
(call_expression
  function: (member_expression object: (_) @task property: (property_identifier) @_verb)
  arguments: (arguments [(arrow_function) (function_expression)] @_inline .)
  (#eq? @_verb "process")
  (#match? @task "[qQ]ueue$")
  (#set! kind "worker")
  (#set! symbol "anonymous")) @finding

(call_expression
  function: (member_expression object: (_) @task property: (property_identifier) @_verb)
  (#eq? @_verb "createJob")
  (#match? @task "[qQ]ueue$")
  (#set! kind "enqueue")) @finding

(call_expression
  function: (member_expression object: (_) @task property: (property_identifier) @_verb)
  arguments: (arguments . (string) @job . (_) .)
  (#eq? @_verb "create")
  (#match? @task "[qQ]ueue$")
  (#set! kind "enqueue")) @finding
