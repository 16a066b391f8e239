;; category: task
;; framework: gdgvda-cron
;; qualifies: scheduler github.com/gdgvda/cron.New
;; description: A job run on a schedule by gdgvda/cron, the fork of robfig/cron whose scheduler takes jobs with `Add(spec, func())` and `Schedule(schedule, func())` (its package documentation): `c := cron.New(); c.Add("@every 1h", func() {...})`. The function written in place is the task, named after the line it starts on; a function named is the task itself. The scheduler is a local the package's `cron.New` makes, so that a list's or a set's `Add` is not one.
(call_expression
  function: (selector_expression operand: (identifier) @scheduler field: (field_identifier) @_add)
  arguments: (argument_list . (_) @schedule . (func_literal) @finding .)
  (#any-of? @_add "Add" "Schedule")
  (#set! symbol "anonymous"))

(call_expression
  function: (selector_expression operand: (identifier) @scheduler field: (field_identifier) @_add)
  arguments: (argument_list . (_) @schedule . [(identifier) (selector_expression)] @symbol .)
  (#any-of? @_add "Add" "Schedule")) @finding
