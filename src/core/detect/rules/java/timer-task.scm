;; category: task
;; qualifies: base java.util.TimerTask java.util.concurrent.Delayed class-with:getDelay
;; description: A `Runnable` made to run later, off the caller's thread: a `java.util.TimerTask`, "a task that can be scheduled for one-time or repeated execution by a Timer" (its Javadoc; a `ScheduledExecutorService` runs one too), or a `java.util.concurrent.Delayed` one, which a `DelayQueue` hands out once "its delay has expired" (a class implementing `Delayed`, or extending a workspace class that defines its `getDelay`). The finding is its `run()`, in a class of its own or written in place (`new TimerTask() { public void run() {...} }`).
(class_declaration
  superclass: (superclass [(type_identifier) (scoped_type_identifier)] @base)
  body: (class_body
    (method_declaration name: (identifier) @_run) @finding)
  (#eq? @_run "run"))

(class_declaration
  interfaces: (super_interfaces (type_list [(type_identifier) (scoped_type_identifier)] @base))
  body: (class_body
    (method_declaration name: (identifier) @_run) @finding)
  (#eq? @_run "run"))

(object_creation_expression
  type: [(type_identifier) (scoped_type_identifier)] @base
  (class_body
    (method_declaration name: (identifier) @_run))
  (#eq? @_run "run")) @finding
