;; category: task
;; qualifies: maker bullmq.Worker
;; outermost: true
;; description: A worker that runs queued jobs: BullMQ `new Worker('emails', async (job) => ...)`, named after the variable that holds it, else the function that makes it (a service's constructor: `this.worker = new Worker(options.queueName ?? "events", this.process)`; BullMQ's `Worker(name, processor, opts)` takes the queue's name from anywhere). The queue's name ties it to the `queue.add(...)` calls that feed it; NestJS's `@Processor('emails')` is a framework decorator (src/core/frameworks/nestjs.yml).
(variable_declarator
  name: (identifier)
  value: (new_expression
    constructor: [(identifier) (member_expression)] @maker
    arguments: (arguments . (string) @queue))
  (#set! kind "worker")) @finding

(new_expression
  constructor: [(identifier) (member_expression)] @maker
  arguments: (arguments . [(string) (identifier) (member_expression) (binary_expression) (template_string)] @queue)
  (#set! kind "worker")) @finding
