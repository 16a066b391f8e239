;; category: receiver
;; qualifies: signal finding:signal django.db.models.signals.* django.core.signals.* django.contrib.auth.signals.* celery.signals.* flask.signals.* flask.request_started flask.request_finished flask.got_request_exception flask.appcontext_tearing_down flask.template_rendered
;; description: A receiver connected by decorating it with its signal: `@task_success.connect` or `@signal.connect(sender=...)` (Celery, blinker).
(decorated_definition
  (decorator
    [
      (attribute object: (_) @signal attribute: (identifier) @_verb)
      (call function: (attribute object: (_) @signal attribute: (identifier) @_verb))
    ])
  (#any-of? @_verb "connect" "connect_via")
  definition: (function_definition)) @finding
