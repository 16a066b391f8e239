;; category: error-handler
;; description: A handler registered for an exception or an error status: `@app.exception_handler(NotFound)` (FastAPI, Starlette), `@app.errorhandler(404)` / `@bp.app_errorhandler(...)` (Flask, Quart, Microdot), `app.add_exception_handler(Exc, handler)`, `app.register_error_handler(404, handler)`, Falcon's `app.add_error_handler(Exc, handler)`, Starlette's `exception_handlers={Exc: handler}`, and Django REST framework's `"EXCEPTION_HANDLER": "..."` setting.
(decorated_definition
  (decorator (call
    function: (attribute attribute: (identifier) @_register)
    arguments: (argument_list . (_) @handles)))
  (#any-of? @_register "exception_handler" "errorhandler" "app_errorhandler" "error_handler")
  definition: (function_definition)) @finding

(call
  function: (attribute attribute: (identifier) @_register)
  arguments: (argument_list . (_) @handles . [(identifier) (attribute)] @symbol)
  (#any-of? @_register "add_exception_handler" "register_error_handler" "add_error_handler")) @finding

(keyword_argument
  name: (identifier) @_keyword
  value: (dictionary (pair key: (_) @handles value: [(identifier) (attribute)] @symbol))
  (#eq? @_keyword "exception_handlers")) @finding

(pair
  key: (string (string_content) @_setting)
  value: (string) @handler
  (#eq? @_setting "EXCEPTION_HANDLER")
  (#set! handles "Exception")) @finding
