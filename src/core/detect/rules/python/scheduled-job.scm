;; category: task
;; framework: apscheduler
;; description: A function run on a schedule by APScheduler, on a scheduler named as its documentation names one (`scheduler`, `self.scheduler`): `scheduler.add_schedule(tick, IntervalTrigger(seconds=1))` (4.x, a schedule), `scheduler.add_job(tick, 'interval', minutes=5)` (3.x; a one-off job in 4.x). The function given first is the task (kind `scheduled`), and the function that schedules it is a task site (kind `schedule`), as Celery's `delay` is. A data store's own `add_schedule(schedule)` inside the scheduler is on no scheduler.
(call
  function: (attribute object: (_) @_scheduler attribute: (identifier) @_add)
  arguments: (argument_list . [(identifier) (attribute)] @symbol)
  (#any-of? @_add "add_schedule" "add_job")
  (#match? @_scheduler "(^|\\.)[Ss]cheduler$")
  (#set! kind "scheduled")) @finding

;; The place that schedules it, given the function or its textual reference (`"jobs:tick"`).
(call
  function: (attribute object: (_) @scheduler attribute: (identifier) @call)
  arguments: (argument_list . (_) @task)
  (#match? @call "^add_(schedule|job)$")
  (#match? @scheduler "[Ss]cheduler$")
  (#set! kind "schedule")) @finding
