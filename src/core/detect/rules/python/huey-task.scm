;; category: task
;; framework: huey
;; qualifies: decorator huey.*
;; resolves: call-enqueues
;; description: A huey task ("Guide" of huey's documentation): a function decorated with `@huey.task()` or `@huey.periodic_task(crontab(...))` on any Huey instance (`RedisHuey`, `SqliteHuey`, `MiniHuey`, a subclass of one), `@huey.context_task(obj)`, or with the module-level decorators of its Django integration (`huey.contrib.djhuey`: `@task()`, `@periodic_task()`, `@db_task()`, `@db_periodic_task()`, `@on_commit_task()`). Calling the task enqueues it ("calling a task function enqueues it", as do `task.schedule(...)` and `task.map(...)`): the resolver finds those calls from the task (role call-enqueues).
(decorated_definition
  (decorator (call function: [(identifier) (attribute)] @decorator))
  (#match? @decorator "(^|\\.)(task|periodic_task|context_task|db_task|db_periodic_task|on_commit_task)$")
  definition: (function_definition)
  (#set! enqueueMethods "schedule map")) @finding
