;; category: task
;; framework: nestjs
;; qualifies: decorator @nestjs/bull.Process @nestjs/schedule.Cron @nestjs/schedule.Interval @nestjs/schedule.Timeout
;; description: A NestJS job handler: a method of a `@Processor(queue)` class decorated `@Process(name)` (@nestjs/bull, the documented Queues technique), or a scheduled method `@Cron(expression)`, `@Interval(ms)`, `@Timeout(ms)` (@nestjs/schedule, Task Scheduling). The method is the task; another decorator may stand between.
(class_body
  (decorator [(call_expression function: (identifier) @decorator) (identifier) @decorator])
  .
  (method_definition) @finding
  (#any-of? @decorator "Process" "Cron" "Interval" "Timeout")
  (#set! kind "job"))

(class_body
  (decorator [(call_expression function: (identifier) @decorator) (identifier) @decorator])
  .
  (decorator)
  .
  (method_definition) @finding
  (#any-of? @decorator "Process" "Cron" "Interval" "Timeout")
  (#set! kind "job"))
