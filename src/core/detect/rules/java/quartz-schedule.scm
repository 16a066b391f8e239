;; category: task
;; framework: quartz
;; description: A Quartz job scheduled or run at once: `scheduler.scheduleJob(jobDetail, trigger)` (also `scheduleJobs`) and `scheduler.triggerJob(jobKey)` on Quartz's `Scheduler` (its API, "Scheduler"); the finding is the method that schedules it.
(method_invocation
  object: (_) @_scheduler
  name: (identifier) @_schedule
  (#match? @_scheduler "[Ss]cheduler(\\(\\))?$")
  (#any-of? @_schedule "scheduleJob" "scheduleJobs" "triggerJob")) @finding
