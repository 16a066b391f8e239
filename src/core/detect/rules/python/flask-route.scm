;; category: route
;; framework: flask
;; description: A route decorator that takes its methods as a list: Flask and Quart `@app.route("/path", methods=["POST"])` and `@blueprint.route(...)`, FastAPI `@app.api_route(...)`. Without `methods` the route answers GET. The path may be a workspace helper's call (`@bp.route(org_scoped_rule("/login"))`), read through what the helper returns.
(decorated_definition
  (decorator
    (call
      function: (attribute
        object: (_) @router
        attribute: (identifier) @_decorator)
      arguments: (argument_list
        . [(string) (call function: [(identifier) (attribute)] arguments: (argument_list (string)))] @path
        (keyword_argument name: (identifier) @_key value: (list) @methods)?)))
  (#any-of? @_decorator "route" "api_route")
  (#eq? @_key "methods")
  definition: (function_definition)) @finding
