;; category: signal
;; framework: django
;; qualifies: maker django.dispatch.Signal django.dispatch.dispatcher.Signal django.db.models.signals.ModelSignal celery.utils.dispatch.Signal celery.utils.dispatch.signal.Signal class-with:connect,send
;; description: A module-level signal definition: `name = Signal()` or `ModelSignal()` (Django, and Celery's copy of Django's dispatcher), or an instance of the repository's own dispatcher class (one that defines `connect` and `send`).
(module
  (expression_statement
    (assignment
      left: (identifier)
      right: (call function: [(identifier) (attribute)] @maker))
    (#match? @maker "Signal$")) @finding)
