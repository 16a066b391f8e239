;; category: task
;; framework: arq
;; description: The coroutines an arq worker runs, listed as arq's documentation lists them: `functions = [download_content]` in the worker's settings class (named `WorkerSettings` in arq's docs and CLI usage, `arq app.WorkerSettings`). Each function listed by name is a task (kind `job`); entries wrapped in `func(...)` are read by the `arq-job` rule.
(class_definition
  name: (identifier) @_settings
  body: (block
    (expression_statement
      (assignment
        left: (identifier) @_functions
        right: (list (identifier) @symbol @finding))))
  (#match? @_settings "WorkerSettings$")
  (#eq? @_functions "functions")
  (#set! kind "job"))
