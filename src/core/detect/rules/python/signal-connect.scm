;; category: receiver
;; qualifies: signal finding:signal blinker.signal blinker.base.signal celery.Celery().on_configure celery.Celery().on_after_configure celery.Celery().on_after_finalize celery.Celery().on_after_fork celery.app.base.Celery().on_configure celery.app.base.Celery().on_after_configure celery.app.base.Celery().on_after_finalize celery.app.base.Celery().on_after_fork django.db.models.signals.* django.core.signals.* django.contrib.auth.signals.* django.test.signals.* django.db.backends.signals.* celery.signals.* flask.signals.* flask.request_started flask.request_finished flask.request_tearing_down flask.got_request_exception flask.appcontext_tearing_down flask.appcontext_pushed flask.appcontext_popped flask.message_flashed flask.template_rendered flask.before_render_template flask_principal.identity_loaded flask_principal.identity_changed flask_principal.signals.* flask_login.user_logged_in flask_login.user_logged_out flask_login.user_loaded_from_cookie flask_login.user_loaded_from_request flask_login.user_login_confirmed flask_login.user_unauthorized flask_login.user_needs_refresh flask_login.user_accessed flask_login.session_protected flask_login.signals.* PySide6.QtCore.Signal PySide2.QtCore.Signal PyQt6.QtCore.pyqtSignal PyQt5.QtCore.pyqtSignal qtpy.QtCore.Signal
;; description: A receiver connected by a call, `signal.connect(handler, sender=...)` or with the receiver as a keyword (`post_save.connect(receiver=handler, sender=Order)`: Django's and blinker's `connect(receiver, sender=...)`), where the signal is one the workspace defines or a framework's, or a named blinker signal a local holds (`queue_length = signal('queue_length')`, blinker's `signal(name)` returns the one signal of that name); a Qt signal held by an object's attribute (`self._signals.run_job.connect(self.run)`, the attribute a `Signal(...)` of PySide or PyQt).
(call
  function: (attribute object: (_) @signal attribute: (identifier) @_verb)
  arguments: (argument_list . [(identifier) (attribute)] @symbol)
  (#eq? @_verb "connect")) @finding

(call
  function: (attribute object: (_) @signal attribute: (identifier) @_verb)
  arguments: (argument_list (keyword_argument name: (identifier) @_keyword value: [(identifier) (attribute)] @symbol))
  (#eq? @_verb "connect")
  (#eq? @_keyword "receiver")) @finding

(call
  function: (attribute object: (_) @signal attribute: (identifier) @_verb)
  arguments: (argument_list . [(call) (lambda)] @handler)
  (#eq? @_verb "connect")) @finding
