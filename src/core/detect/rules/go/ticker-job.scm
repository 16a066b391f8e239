;; category: task
;; description: A goroutine that wakes on a ticker, a periodic job the process runs beside its requests (the time package: `NewTicker` "returns a new Ticker containing a channel that will send the current time on the channel after each tick", `Tick` that channel alone): `go func() { ticker := time.NewTicker(d); for range ticker.C {...} }()`, or `for range time.Tick(d)` in it. The function literal is the task, named after the line it starts on.
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
