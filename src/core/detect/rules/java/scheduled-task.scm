;; category: task
;; framework: spring
;; qualifies: annotation org.springframework.scheduling.annotation.Scheduled org.springframework.scheduling.annotation.Schedules org.springframework.scheduling.annotation.Async
;; description: Background work Spring runs off the request: a `@Scheduled(cron = ...)` or `@Scheduled(fixedRate = ...)` method run by the scheduler, an `@Async` method run on a task executor.
(method_declaration
  (modifiers [(marker_annotation name: (_) @annotation) (annotation name: (_) @annotation)])
  (#match? @annotation "(^|\\.)(Scheduled|Schedules|Async)$")) @finding
