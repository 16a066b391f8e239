;; category: route
;; framework: flask
;; resolves: url-rule
;; description: A route registered by a call, as Flask documents for class-based and pluggable views (flask.palletsprojects.com, "Class-based Views", "API: add_url_rule"): `app.add_url_rule("/users/", view_func=UserAPI.as_view("users"), methods=["GET", "POST"])`, `bp.add_url_rule("/", "index", index)`, with the view a function (`view`) or a class made a view by `as_view` (`viewClass`), and the rule a literal (`path`), a constant or parameter (`pathName`), or a name looped over (`for rule in rules: app.add_url_rule(rule, ...)`: `paths` the list or `pathsFrom` the name). A registration inside a function that takes the rule, view or application as parameters is followed to the calls of that function (hint `view-handed-on`).
(call
  function: (attribute object: (_) @router attribute: (identifier) @_verb)
  arguments: (argument_list
    . [(string) @path (call function: [(identifier) (attribute)] arguments: (argument_list (string))) @path (identifier) @pathName (attribute) @pathName]
    (keyword_argument name: (identifier) @_key value: [(identifier) (attribute)] @view)) @arguments
  (#eq? @_verb "add_url_rule")
  (#eq? @_key "view_func")) @finding

(call
  function: (attribute object: (_) @router attribute: (identifier) @_verb)
  arguments: (argument_list
    . [(string) @path (call function: [(identifier) (attribute)] arguments: (argument_list (string))) @path (identifier) @pathName (attribute) @pathName]
    (keyword_argument name: (identifier) @_key value: (call function: (attribute object: [(identifier) (attribute)] @viewClass attribute: (identifier) @_as)))) @arguments
  (#eq? @_verb "add_url_rule")
  (#eq? @_key "view_func")
  (#eq? @_as "as_view")) @finding

;; The view given third, by position (`add_url_rule(rule, endpoint, view_func)`).
(call
  function: (attribute object: (_) @router attribute: (identifier) @_verb)
  arguments: (argument_list
    . [(string) @path (call function: [(identifier) (attribute)] arguments: (argument_list (string))) @path (identifier) @pathName (attribute) @pathName]
    . (_)
    . [(identifier) (attribute)] @view) @arguments
  (#eq? @_verb "add_url_rule")) @finding

(call
  function: (attribute object: (_) @router attribute: (identifier) @_verb)
  arguments: (argument_list
    . [(string) @path (call function: [(identifier) (attribute)] arguments: (argument_list (string))) @path (identifier) @pathName (attribute) @pathName]
    . (_)
    . (call function: (attribute object: [(identifier) (attribute)] @viewClass attribute: (identifier) @_as))) @arguments
  (#eq? @_verb "add_url_rule")
  (#eq? @_as "as_view")) @finding

;; One registration for each rule of a list: the rule is the loop's variable.
(for_statement
  left: (identifier) @_each
  right: [(list) @paths (tuple) @paths (identifier) @pathsFrom]
  body: (block
    (expression_statement
      (call
        function: (attribute object: (_) @router attribute: (identifier) @_verb)
        arguments: (argument_list
          . (identifier) @_rule
          (keyword_argument name: (identifier) @_key value: [(identifier) (attribute)] @view)) @arguments) @finding))
  (#eq? @_verb "add_url_rule")
  (#eq? @_key "view_func")
  (#eq? @_each @_rule))

(for_statement
  left: (identifier) @_each
  right: [(list) @paths (tuple) @paths (identifier) @pathsFrom]
  body: (block
    (expression_statement
      (call
        function: (attribute object: (_) @router attribute: (identifier) @_verb)
        arguments: (argument_list
          . (identifier) @_rule
          (keyword_argument name: (identifier) @_key value: (call function: (attribute object: [(identifier) (attribute)] @viewClass attribute: (identifier) @_as)))) @arguments) @finding))
  (#eq? @_verb "add_url_rule")
  (#eq? @_key "view_func")
  (#eq? @_as "as_view")
  (#eq? @_each @_rule))
