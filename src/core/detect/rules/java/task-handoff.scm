;; category: task
;; qualifies: task finding:task class-with:getDelay
;; description: Work handed over to run later: a call that adds, puts, offers, submits, executes, schedules or enqueues (the verbs of `BlockingQueue`, `Executor`, `ExecutorService` and `ScheduledExecutorService`) either what a workspace method makes that is itself a task written in place (`executor.execute(AuditTasks.record(entry))`, the method returning a `new TimerTask() {...}`), or a new instance of a workspace delayed task (`queue.add(new ExpireOrder(id))`, a class whose workspace ancestors define `Delayed.getDelay`). The finding is the method that hands it over.
(method_invocation
  name: (identifier) @_handoff
  arguments: (argument_list . (method_invocation) @task .)
  (#match? @_handoff "^(add|put|offer|submit|execute|schedule|enqueue)")) @finding

(method_invocation
  name: (identifier) @_handoff
  arguments: (argument_list . (object_creation_expression type: [(type_identifier) (scoped_type_identifier)] @task) .)
  (#match? @_handoff "^(add|put|offer|submit|execute|schedule|enqueue)")) @finding
