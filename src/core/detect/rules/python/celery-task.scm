;; category: task
;; framework: celery
;; description: A Celery task definition: `@shared_task` or `@<app>.task` (the app a plain name, so `@pytest.mark.task` is not one), with or without arguments.
(decorated_definition
  (decorator
    [
      (identifier) @_decorator
      (call function: (identifier) @_decorator)
    ]
    (#eq? @_decorator "shared_task"))
  definition: (function_definition)) @finding

(decorated_definition
  (decorator
    [
      (attribute object: (identifier) attribute: (identifier) @_decorator)
      (call function: (attribute object: (identifier) attribute: (identifier) @_decorator))
    ]
    (#eq? @_decorator "task"))
  definition: (function_definition)) @finding
