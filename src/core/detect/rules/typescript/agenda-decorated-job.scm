;; category: task
;; framework: agenda
;; qualifies: decorator agenda.Define agenda.Every
;; description: An Agenda job written as a method (its documented decorators): `@Define(options)` makes the method the handler of a job named after it, `@Every(interval)` also schedules it, in a `@JobsController` class that `registerJobs(agenda, [...])` registers. The method is the task; another decorator may stand between.
(class_body
  (decorator [(call_expression function: (identifier) @decorator) (identifier) @decorator])
  .
  (method_definition) @finding
  (#any-of? @decorator "Define" "Every")
  (#set! kind "job"))

(class_body
  (decorator [(call_expression function: (identifier) @decorator) (identifier) @decorator])
  .
  (decorator)
  .
  (method_definition) @finding
  (#any-of? @decorator "Define" "Every")
  (#set! kind "job"))
