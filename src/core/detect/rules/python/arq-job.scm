;; category: task
;; framework: arq
;; qualifies: registered_by arq.cron arq.cron.cron arq.func arq.worker.func arq.Worker arq.worker.Worker
;; description: A job function given to arq's `cron(coroutine, hour=..., minute=...)` (a `cron_jobs` entry) or `func(coroutine, name=..., max_tries=...)` (a `functions` entry with its own options), or listed in `Worker(functions=[...])`, as arq's documentation writes them. The function is the task (kind `job`).
(call
  function: [(identifier) (attribute)] @registered_by
  arguments: (argument_list . [(identifier) (attribute)] @symbol)
  (#match? @registered_by "(^|\\.)(cron|func)$")
  (#set! kind "job")) @finding

(call
  function: [(identifier) (attribute)] @registered_by
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @_functions
      value: (list (identifier) @symbol @finding)))
  (#match? @registered_by "(^|\\.)Worker$")
  (#eq? @_functions "functions")
  (#set! kind "job"))
