;; category: task
;; framework: starlette
;; qualifies: tasks fastapi.BackgroundTasks fastapi.background.BackgroundTasks starlette.background.BackgroundTasks
;; description: FastAPI's and Starlette's background tasks on a `BackgroundTasks` object under a name of the application's own, known by its type (`bg: BackgroundTasks` in a path operation, `self.bg: BackgroundTasks`, `jobs = BackgroundTasks()`): `bg.add_task(send_email, to)`. The function given first is a task (kind `background`), the function that adds it a task site (kind `enqueue`). The names FastAPI's documentation uses are read by the `background-task` rule.
(call
  function: (attribute object: (_) @tasks attribute: (identifier) @_add)
  arguments: (argument_list . [(identifier) (attribute)] @symbol)
  (#eq? @_add "add_task")
  (#not-match? @tasks "(^|\\.)(background_)?tasks$")
  (#set! kind "background")) @finding

(expression_statement
  (call
    function: (attribute object: (_) @tasks attribute: (identifier) @call)
    arguments: (argument_list . [(identifier) (attribute)] @task))
  (#not-match? @tasks "(^|\\.)(background_)?tasks$")
  (#eq? @call "add_task")
  (#set! kind "enqueue")) @finding
