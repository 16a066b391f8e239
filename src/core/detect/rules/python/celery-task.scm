;; category: task
;; framework: celery
;; qualifies: decorator celery.shared_task celery.app.shared_task celery.task celery.decorators.task celery.Celery().task celery.app.base.Celery().task dramatiq.actor
;; description: A Celery task definition: `@shared_task` or `@<app>.task` where the app is a Celery app, with or without arguments (and dramatiq's `@actor`).
(decorated_definition
  (decorator
    [
      (identifier) @decorator
      (attribute) @decorator
      (call function: [(identifier) (attribute)] @decorator)
    ])
  (#match? @decorator "(^|\\.)(shared_task|task|actor)$")
  definition: (function_definition)) @finding
