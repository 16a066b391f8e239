;; category: task
;; framework: starlette
;; description: FastAPI's and Starlette's background tasks, on the `BackgroundTasks` object named as their documentation names it (`background_tasks: BackgroundTasks` in a path operation, `tasks = BackgroundTasks()`): `background_tasks.add_task(send_email, to)`. The function given first runs after the response is sent, a task (kind `background`); the function that adds it is a task site (kind `enqueue`), as Celery's `delay` is. Sanic's `app.add_task(coroutine)` (a server-loop task) is on no such object.
(call
  function: (attribute object: (_) @_tasks attribute: (identifier) @_add)
  arguments: (argument_list . [(identifier) (attribute)] @symbol)
  (#eq? @_add "add_task")
  (#match? @_tasks "(^|\\.)(background_)?tasks$")
  (#set! kind "background")) @finding

;; The function that adds it, a task site.
(expression_statement
  (call
    function: (attribute object: (_) @_tasks attribute: (identifier) @call)
    arguments: (argument_list . [(identifier) (attribute)] @task))
  (#match? @_tasks "(^|\\.)(background_)?tasks$")
  (#eq? @call "add_task")
  (#set! kind "enqueue")) @finding
