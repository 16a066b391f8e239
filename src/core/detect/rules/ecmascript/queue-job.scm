;; category: task
;; description: Work queued instead of run: BullMQ and Bull `this.emailQueue.add('send-receipt', data)` on a queue object (a name ending in `queue`/`Queue`), which a worker runs later; node-resque's `queue.enqueue(queueName, jobName, args)` and its `enqueueAt`/`enqueueIn` likewise.
(call_expression
  function: (member_expression object: (_) @task property: (property_identifier) @_verb)
  arguments: (arguments . (string) @job)
  (#any-of? @_verb "add" "addBulk")
  (#match? @task "[qQ]ueue$")
  (#set! kind "enqueue")) @finding

; node-resque's queue (its README: `queue.enqueue(queueName, jobName, args)`, `enqueueAt(timestamp, queueName, jobName, args)`, `enqueueIn(ms, ...)`), as Actionhero's tasks are queued: given the queue's name and the job's, three arguments at least, where a data structure's `queue.enqueue(item)` is given one.
(call_expression
  function: (member_expression object: (_) @task property: (property_identifier) @_verb)
  arguments: (arguments (_) . (_) . (_))
  (#any-of? @_verb "enqueue" "enqueueAt" "enqueueIn")
  (#match? @task "[qQ]ueue$")
  (#set! kind "enqueue")) @finding
