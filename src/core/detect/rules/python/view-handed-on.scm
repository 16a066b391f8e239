;; hint: view-handed-on
;; description: A call that hands a view on to be registered: given `view_func=` (the name Flask's `add_url_rule` takes it by) or a class-based view made with `as_view(...)`, as a workspace helper that forwards to `add_url_rule` is called (`register_view(bp, routes=["/login"], view_func=Login.as_view("login"))`). Or a resource class with its URLs (`api.add_org_resource(Users, "/users")`), as a method of a Flask-RESTful `Api` subclass that forwards to `add_resource` is called. The resolver binds the arguments (`arguments`, as written) to the helper's parameters, and the object a method is called on to its `self`, when the helper registers them (rules `flask-url-rule`, `flask-resource`).
(call
  function: [(identifier) (attribute)] @callee
  arguments: (argument_list (keyword_argument name: (identifier) @_key)) @arguments
  (#eq? @_key "view_func")) @finding

(call
  function: [(identifier) (attribute)] @callee
  arguments: (argument_list (call function: (attribute attribute: (identifier) @_as))) @arguments
  (#eq? @_as "as_view")) @finding

; A resource class handed on with its URLs (`api.add_org_resource(Users, "/users", endpoint="users")`), to a helper that registers it with Flask-RESTful's `add_resource`.
(call
  function: (attribute) @callee
  arguments: (argument_list . [(identifier) (attribute)] @_class . (string)) @arguments
  (#match? @_class "^([A-Za-z_][A-Za-z0-9_]*[.])*_?[A-Z][A-Za-z0-9_]*[a-z][A-Za-z0-9_]*$")) @finding
