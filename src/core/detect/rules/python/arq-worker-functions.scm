;; category: task
;; framework: arq
;; description: The coroutines an arq worker runs, listed in its settings class: `functions = [download_content]`. arq reads the class's attributes whatever the class is named (its CLI takes the class's import path, `arq app.WorkerSettings`; `run_worker(cls)` takes the class; `arq.typing.WorkerSettingsBase` asks only for `functions`), so the class is any class of a module that imports arq, or, where the module imports only its functions, one named as arq's documentation names it (`WorkerSettings`). Each function listed by name is a task (kind `job`); entries wrapped in `func(...)` are read by the `arq-job` rule.
;; scope: file
(class_definition
  body: (block
    (expression_statement
      (assignment
        left: (identifier) @_functions
        right: (list (identifier) @symbol @finding))))
  (#eq? @_functions "functions")
  (#imports? @symbol "arq")
  (#set! kind "job"))

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
