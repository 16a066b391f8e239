;; category: task
;; qualifies: executor java.util.concurrent.ScheduledExecutorService java.util.concurrent.ScheduledThreadPoolExecutor java.util.Timer org.springframework.scheduling.TaskScheduler org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler
;; description: Work handed to a scheduler to run later or periodically, off the caller's thread: `schedule`, `scheduleAtFixedRate` or `scheduleWithFixedDelay` on a `ScheduledExecutorService` (java.util.concurrent), a `java.util.Timer` (given a `TimerTask`) or Spring's `TaskScheduler`, the receiver a field, parameter or local of one of those types. The finding is the method that schedules it.
(method_invocation
  object: [(identifier) (field_access object: (this))] @executor
  name: (identifier) @_schedule
  (#any-of? @_schedule "schedule" "scheduleAtFixedRate" "scheduleWithFixedDelay")) @finding
