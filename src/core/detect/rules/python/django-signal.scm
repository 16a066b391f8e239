;; category: signal
;; framework: django
;; qualifies: maker django.dispatch.Signal django.dispatch.dispatcher.Signal django.db.models.signals.ModelSignal celery.utils.dispatch.Signal celery.utils.dispatch.signal.Signal aiosignal.Signal class-with:connect,send
;; description: A signal definition: `name = Signal()` or `ModelSignal()` at module level (Django, and Celery's copy of Django's dispatcher), or an instance of the repository's own dispatcher class (one that defines `connect` and `send`); or such a signal an object makes for itself in its `__init__`, named after its attribute (Celery's `self.on_after_configure = Signal(...)`, huey's `self._signal = Signal()` that its `signal()` decorator connects receivers to, aiohttp's `self._on_startup = Signal(self)` of aiosignal, the list of callbacks its docs call signals).
(module
  (expression_statement
    (assignment
      left: (identifier)
      right: (call function: [(identifier) (attribute)] @maker))
    (#match? @maker "Signal$")) @finding)

(function_definition
  name: (identifier) @_init
  body: (block
    (expression_statement
      (assignment
        left: (attribute object: (identifier) @_self) @symbol
        right: (call function: [(identifier) (attribute)] @maker))) @finding)
  (#eq? @_init "__init__")
  (#eq? @_self "self")
  (#match? @maker "Signal$"))
