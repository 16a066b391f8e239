;; hint: view-handed-on
;; description: A call that hands a view on to be registered: given `view_func=` (the name Flask's `add_url_rule` takes it by) or a class-based view made with `as_view(...)`, as a workspace helper that forwards to `add_url_rule` is called (`register_view(bp, routes=["/login"], view_func=Login.as_view("login"))`). The resolver binds the arguments (`arguments`, as written) to the helper's parameters when the helper registers them (rule `flask-url-rule`).
(call
  function: [(identifier) (attribute)] @callee
  arguments: (argument_list (keyword_argument name: (identifier) @_key)) @arguments
  (#eq? @_key "view_func")) @finding

(call
  function: [(identifier) (attribute)] @callee
  arguments: (argument_list (call function: (attribute attribute: (identifier) @_as))) @arguments
  (#eq? @_as "as_view")) @finding
