;; category: task
;; framework: robfig-cron
;; description: A job run on a schedule by robfig/cron: `c.AddFunc("0 */1 * * *", func() {...})` (the function written in place is the task, named after the line it starts on), `c.AddFunc(spec, s.cleanup)` and `c.AddJob(spec, job)` (the function or job named).
(call_expression
  function: (selector_expression field: (field_identifier) @_add)
  arguments: (argument_list . (_) @schedule . (func_literal) @finding .)
  (#eq? @_add "AddFunc")
  (#set! symbol "anonymous"))

(call_expression
  function: (selector_expression field: (field_identifier) @_add)
  arguments: (argument_list . (_) @schedule . [(identifier) (selector_expression)] @symbol .)
  (#match? @_add "^(AddFunc|AddJob)$")) @finding
