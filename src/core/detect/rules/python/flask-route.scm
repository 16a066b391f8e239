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
  ; A path starts with "/": a method first is another framework's `route(method, path)` (aiohttp's route tables).
  (#not-match? @path "^[rbuRBU]*['\"](GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|\\*)['\"]$")
  definition: (function_definition)) @finding
