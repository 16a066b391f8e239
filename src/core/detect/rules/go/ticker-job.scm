;; category: task
;; description: A periodic job the process runs beside its requests, woken by a ticker (the time package: `NewTicker` "returns a new Ticker containing a channel that will send the current time on the channel after each tick", `Tick` that channel alone): a goroutine written in place, `go func() { ticker := time.NewTicker(d); for range ticker.C {...} }()` or `for range time.Tick(d)` in it (the function literal is the task, named after the line it starts on), or a named function or method whose body loops over the ticks, `for range time.Tick(d) {...}` or `t := time.NewTicker(d)` then `for range t.C {...}` (a loop that never ends: the function exists to run the job, started with `go`).
(go_statement
  (call_expression
    function: (func_literal
      body: (block
        (statement_list
          (short_var_declaration
            right: (expression_list . (call_expression function: (selector_expression operand: (identifier) @_time field: (field_identifier) @_ticker))))))) @finding)
  (#eq? @_time "time")
  (#any-of? @_ticker "NewTicker" "Tick")
  (#set! symbol "anonymous"))

(go_statement
  (call_expression
    function: (func_literal
      body: (block
        (statement_list
          (for_statement
            (range_clause right: (call_expression function: (selector_expression operand: (identifier) @_time field: (field_identifier) @_tick))))))) @finding)
  (#eq? @_time "time")
  (#eq? @_tick "Tick")
  (#set! symbol "anonymous"))

(_
  name: (_)
  body: (block
    (statement_list
      (for_statement
        (range_clause right: (call_expression function: (selector_expression operand: (identifier) @_time field: (field_identifier) @_tick))))))
  (#eq? @_time "time")
  (#eq? @_tick "Tick")) @finding

(_
  name: (_)
  body: (block
    (statement_list
      (short_var_declaration
        left: (expression_list . (identifier) @_ticker .)
        right: (expression_list . (call_expression function: (selector_expression operand: (identifier) @_time field: (field_identifier) @_new))))
      (for_statement
        (range_clause right: (selector_expression operand: (identifier) @_ranged field: (field_identifier) @_channel)))))
  (#eq? @_time "time")
  (#eq? @_new "NewTicker")
  (#eq? @_ranged @_ticker)
  (#eq? @_channel "C")) @finding
