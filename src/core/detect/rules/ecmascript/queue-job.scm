;; category: task
;; description: Work queued instead of run: BullMQ and Bull `this.emailQueue.add('send-receipt', data)` on a queue object (a name ending in `queue`/`Queue`), which a worker runs later.
(call_expression
  function: (member_expression object: (_) @task property: (property_identifier) @_verb)
  arguments: (arguments . (string) @job)
  (#any-of? @_verb "add" "addBulk")
  (#match? @task "[qQ]ueue$")
  (#set! kind "enqueue")) @finding
