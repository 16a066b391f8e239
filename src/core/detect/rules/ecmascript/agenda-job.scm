;; category: task
;; qualifies: task agenda.Agenda agenda.default agenda
;; description: Agenda's jobs (its documented API): `agenda.define('send-email', options, handler)` defines the job a worker runs, and `agenda.now('send-email', data)`, `agenda.schedule(when, 'send-email', data)`, `agenda.every(interval, 'send-email', data)` queue it, on an object the code types or makes as an `Agenda`.
(call_expression
  function: (member_expression object: (_) @task property: (property_identifier) @_verb)
  arguments: (arguments . (string) @queue)
  (#eq? @_verb "define")
  (#set! kind "worker")) @finding

(call_expression
  function: (member_expression object: (_) @task property: (property_identifier) @_verb)
  arguments: (arguments . (string) @job)
  (#eq? @_verb "now")
  (#set! kind "enqueue")) @finding

(call_expression
  function: (member_expression object: (_) @task property: (property_identifier) @_verb)
  arguments: (arguments . (_) . (string) @job)
  (#any-of? @_verb "schedule" "every")
  (#set! kind "enqueue")) @finding
