;; category: task
;; description: A worker of Go's worker pool ("Go by Example: Worker Pools"; Effective Go, "Channels"): a function or method given a receive-only channel of jobs (`jobs <-chan Job`) that loops taking them off it, `for job := range jobs {...}`, or `for { select { case job = <-jobs: ... } }`, and returns nothing, as a function started with `go` does (one that returns a result is a pipeline's stage its caller waits for). The jobs arrive off any request, as other code sends them; a channel of `struct{}` only signals (a shutdown) and carries no job.
(_
  name: (_)
  !result
  parameters: (parameter_list
    (parameter_declaration name: (identifier) @_jobs type: (channel_type value: (_) @_job) @_channel))
  body: (block
    (statement_list
      [
        (for_statement (range_clause right: (identifier) @_taken))
        (for_statement
          body: (block
            (statement_list
              (select_statement
                (communication_case communication: (receive_statement right: (unary_expression operand: (identifier) @_taken)))))))
      ]))
  (#match? @_channel "^<-")
  (#not-match? @_job "^struct")
  (#eq? @_taken @_jobs)) @finding
