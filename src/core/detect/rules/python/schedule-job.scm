;; category: task
;; framework: schedule
;; qualifies: every schedule.every schedule.Scheduler().every
;; description: A function run periodically by the `schedule` library: given a period made by `every(...)` (`every(10).minutes`, `every().monday.at("18:00")`) — `schedule.every(10).minutes.do(job)`, `@repeat(every(1).day)`, or a decorator of the application's own that registers the function for such a period (`@scheduler.add(every(1).hour, name="sync")`). The function is the task (kind `scheduled`).
(decorated_definition
  (decorator
    (call
      arguments: (argument_list
        .
        [
          (attribute object: (call function: [(identifier) (attribute)] @every))
          (call function: (attribute object: (attribute object: (call function: [(identifier) (attribute)] @every))))
          (attribute object: (call function: (attribute object: (call function: [(identifier) (attribute)] @every))))
        ])))
  (#match? @every "(^|\\.)every$")
  definition: (function_definition)
  (#set! kind "scheduled")) @finding

(call
  function: (attribute
    object: [
      (attribute object: (call function: [(identifier) (attribute)] @every))
      (call function: (attribute object: (attribute object: (call function: [(identifier) (attribute)] @every))))
      (attribute object: (call function: (attribute object: (call function: [(identifier) (attribute)] @every))))
    ]
    attribute: (identifier) @_do)
  arguments: (argument_list . [(identifier) (attribute)] @symbol)
  (#eq? @_do "do")
  (#match? @every "(^|\\.)every$")
  (#set! kind "scheduled")) @finding
