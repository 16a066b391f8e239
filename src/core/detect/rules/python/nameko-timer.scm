;; category: task
;; framework: nameko
;; qualifies: decorator nameko.timer.timer
;; description: A Nameko timer entrypoint (nameko.readthedocs.io, "Built-in Extensions", Timer): a service's method decorated `@timer(interval=30)` runs every so many seconds.
(decorated_definition
  (decorator (call function: [(identifier) (attribute)] @decorator))
  definition: (function_definition)
  (#set! kind "scheduled")) @finding
