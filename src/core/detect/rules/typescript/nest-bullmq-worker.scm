;; category: task
;; framework: nestjs
;; qualifies: base @nestjs/bullmq.WorkerHost
;; description: A NestJS BullMQ consumer (docs.nestjs.com "Queues", BullMQ: `@Processor('audio') class AudioConsumer extends WorkerHost { async process(job: Job) {...} }`): the worker runs its `process` method, the abstract method WorkerHost declares, for each job of the queue. The method is the task.
(class_declaration
  (class_heritage (extends_clause value: (identifier) @base))
  body: (class_body (method_definition name: (property_identifier) @_name) @finding)
  (#eq? @_name "process")
  (#set! kind "job"))
