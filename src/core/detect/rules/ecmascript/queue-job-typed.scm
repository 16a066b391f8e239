;; category: task
;; qualifies: task bull.Queue bull bullmq.Queue
;; description: Work queued on a Bull or BullMQ queue the code types as one, the job's name held in a constant (`this.dataQueue.add(name, data, opts)`, `this.dataQueue.addBulk(jobs)`): NestJS injects it as `@InjectQueue('q') private readonly dataQueue: Queue` (the documented Queues technique). A queue made in a module and used from another (`const receipts = new Queue('receipts')` of bull, whose package exports the Queue class whole, then `queues.receipts.add({ orderId })`) is one too, and so is a job given as its data alone (Bull's `queue.add(data, opts)`). A literal name is read by queue-job.
(call_expression
  function: (member_expression object: (_) @task property: (property_identifier) @_verb)
  arguments: (arguments . [(identifier) (member_expression) (call_expression) (template_string)] @job)
  (#eq? @_verb "add")
  (#set! kind "enqueue")) @finding

;; A job given as its data alone, unnamed.
(call_expression
  function: (member_expression object: (_) @task property: (property_identifier) @_verb)
  arguments: (arguments . (object) @_data)
  (#eq? @_verb "add")
  (#set! kind "enqueue")) @finding

(call_expression
  function: (member_expression object: (_) @task property: (property_identifier) @_verb)
  arguments: (arguments . (_) @jobs)
  (#eq? @_verb "addBulk")
  (#set! kind "enqueue")) @finding
