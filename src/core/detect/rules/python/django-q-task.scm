;; category: task
;; framework: django-q
;; qualifies: call django_q.tasks.async_task django_q.tasks.AsyncTask django_q.tasks.schedule django_q.tasks.async_iter django_q.tasks.Iter
;; description: A task queued or scheduled with Django-Q ("Tasks" and "Schedules" in its documentation): `async_task(send_mail, to)`, `AsyncTask(send_mail, to).run()`, `async_iter(resize, images)`, `schedule("shop.tasks.purge", schedule_type=Schedule.DAILY)`. The function that queues it is a task site (kind `enqueue`), as Celery's `delay` is; the function given first, by name or by its import path as a string, is the job (kind `job`).
(call
  function: [(identifier) (attribute)] @call
  arguments: (argument_list . [(identifier) (attribute) (string)] @task)
  (#match? @call "(^|\\.)(async_task|AsyncTask|schedule|async_iter|Iter)$")
  (#set! kind "enqueue")) @finding

(call
  function: [(identifier) (attribute)] @call
  arguments: (argument_list . (identifier) @symbol)
  (#match? @call "(^|\\.)(async_task|AsyncTask|schedule|async_iter|Iter)$")
  (#set! kind "job")) @finding

(call
  function: [(identifier) (attribute)] @call
  arguments: (argument_list . (string (string_content) @symbol))
  (#match? @call "(^|\\.)(async_task|AsyncTask|schedule|async_iter|Iter)$")
  (#match? @symbol "^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)+$")
  (#set! kind "job")) @finding
