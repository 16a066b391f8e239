;; category: task
;; qualifies: base java.util.TimerTask
;; description: A `java.util.TimerTask`, "a task that can be scheduled for one-time or repeated execution by a Timer" (its Javadoc), and run by a `ScheduledExecutorService` too, being a `Runnable`: the `run()` of a class extending it, or of one written in place (`new TimerTask() { public void run() {...} }`), the work that runs off the caller's thread.
(class_declaration
  superclass: (superclass [(type_identifier) (scoped_type_identifier)] @base)
  body: (class_body
    (method_declaration name: (identifier) @_run) @finding)
  (#eq? @_run "run"))

(object_creation_expression
  type: [(type_identifier) (scoped_type_identifier)] @base
  (class_body
    (method_declaration name: (identifier) @_run))
  (#eq? @_run "run")) @finding
