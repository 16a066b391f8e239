;; category: error-handler
;; qualifies: decorator flask_httpauth.HTTPBasicAuth().error_handler flask_httpauth.HTTPTokenAuth().error_handler flask_httpauth.HTTPDigestAuth().error_handler flask_httpauth.HTTPAuth().error_handler
;; description: Flask-HTTPAuth's `@auth.error_handler`: the function answers a request whose credentials the auth object's verify callback refuses; the extension calls it with 401 (Flask-HTTPAuth's docs: "error_handler … status code 401", 403 only from a role check).
(decorated_definition
  (decorator (attribute attribute: (identifier) @_register) @decorator)
  (#eq? @_register "error_handler")
  (#set! handles "401")
  definition: (function_definition)) @finding
