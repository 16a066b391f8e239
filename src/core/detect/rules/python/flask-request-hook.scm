;; category: middleware
;; framework: flask
;; description: A Flask or Quart request hook, the Flask form of middleware: `@app.before_request`, `@bp.after_app_request`, `@app.teardown_request`, or the same registered by a call, `app.before_request(func)`.
(decorated_definition
  (decorator
    [
      (attribute attribute: (identifier) @hook)
      (call function: (attribute attribute: (identifier) @hook))
    ])
  (#any-of? @hook "before_request" "after_request" "teardown_request" "teardown_appcontext" "before_app_request" "after_app_request" "teardown_app_request" "before_first_request" "url_value_preprocessor" "url_defaults")
  definition: (function_definition)) @finding

(call
  function: (attribute attribute: (identifier) @hook)
  arguments: (argument_list . [(identifier) (attribute)] @symbol .)
  (#any-of? @hook "before_request" "after_request" "teardown_request" "teardown_appcontext" "before_app_request" "after_app_request" "teardown_app_request")) @finding
