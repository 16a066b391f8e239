;; hint: include
;; description: Routers registered for each entry of a list, in a loop: `for blueprint in blueprints: app.register_blueprint(blueprint, url_prefix="/api")` (Flask), FastAPI's `include_router` likewise. `each` names the list: a module's list or tuple of routers, or a parameter of the function, given one by its callers; the resolver registers every entry.
(for_statement
  left: (identifier) @_item
  right: [(identifier) (attribute)] @each
  body: (block
    (expression_statement
      (call
        function: (attribute object: (_) @parent attribute: (identifier) @_verb)
        arguments: (argument_list
          . (identifier) @_child
          (keyword_argument name: (identifier) @_key value: [(string) @prefix (identifier) @prefixName (attribute) @prefixName])?))))
  (#eq? @_item @_child)
  (#any-of? @_verb "include_router" "register_blueprint")
  (#not-match? @_key "^(?!(prefix|url_prefix)$)")) @finding
