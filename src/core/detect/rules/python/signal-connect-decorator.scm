;; category: receiver
;; qualifies: signal finding:signal celery.Celery().on_configure celery.Celery().on_after_configure celery.Celery().on_after_finalize celery.Celery().on_after_fork celery.app.base.Celery().on_configure celery.app.base.Celery().on_after_configure celery.app.base.Celery().on_after_finalize celery.app.base.Celery().on_after_fork django.db.models.signals.* django.core.signals.* django.contrib.auth.signals.* django.test.signals.* django.db.backends.signals.* celery.signals.* flask.signals.* flask.request_started flask.request_finished flask.request_tearing_down flask.got_request_exception flask.appcontext_tearing_down flask.appcontext_pushed flask.appcontext_popped flask.message_flashed flask.template_rendered flask.before_render_template flask_principal.identity_loaded flask_principal.identity_changed flask_principal.signals.* flask_login.user_logged_in flask_login.user_logged_out flask_login.user_loaded_from_cookie flask_login.user_loaded_from_request flask_login.user_login_confirmed flask_login.user_unauthorized flask_login.user_needs_refresh flask_login.user_accessed flask_login.session_protected flask_login.signals.*
;; description: A receiver connected by decorating it with its signal: `@task_success.connect` or `@signal.connect(sender=...)` (Celery, blinker), a Celery application's own signals (`@app.on_after_configure.connect`, as its periodic-tasks guide sets up a schedule), `@identity_loaded.connect_via(app)` (Flask-Principal, Flask-Login signals).
(decorated_definition
  (decorator
    [
      (attribute object: (_) @signal attribute: (identifier) @_verb)
      (call function: (attribute object: (_) @signal attribute: (identifier) @_verb))
    ])
  (#any-of? @_verb "connect" "connect_via")
  definition: (function_definition)) @finding
