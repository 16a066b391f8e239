;; category: task
;; qualifies: task agenda.Agenda agenda.default agenda
;; description: Agenda's jobs (its documented API): `agenda.define('send-email', options, handler)` defines the job a worker runs — the handler is the task when it is written in place, else the function that defines it — and `agenda.now('send-email', data)`, `agenda.schedule(when, 'send-email', data)`, `agenda.every(interval, 'send-email', data)` queue it, on an object the code types or makes as an `Agenda`. The job's name may be any expression (`agenda.now(job.name, job.data)`).
(call_expression
  function: (member_expression object: (_) @task property: (property_identifier) @_verb)
  arguments: (arguments . (_) @queue [(arrow_function) (function_expression)] @_inline .)
  (#eq? @_verb "define")
  (#set! kind "worker")
  (#set! symbol "anonymous")) @finding

(call_expression
  function: (member_expression object: (_) @task property: (property_identifier) @_verb)
  arguments: (arguments . (_) @queue [(identifier) (member_expression)] .)
  (#eq? @_verb "define")
  (#set! kind "worker")) @finding

(call_expression
  function: (member_expression object: (_) @task property: (property_identifier) @_verb)
  arguments: (arguments . (_) @job)
  (#eq? @_verb "now")
  (#set! kind "enqueue")) @finding

(call_expression
  function: (member_expression object: (_) @task property: (property_identifier) @_verb)
  arguments: (arguments . (_) . (_) @job)
  (#any-of? @_verb "schedule" "every")
  (#set! kind "enqueue")) @finding
