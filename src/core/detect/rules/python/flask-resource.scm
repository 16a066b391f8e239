;; category: route
;; framework: flask-restful
;; resolves: router-resource
;; description: A resource class registered on a Flask-RESTful or Flask-RESTX `Api` (or RESTX `Namespace`) for one or more URLs (`path`, a list when several): `api.add_resource(UserList, "/users", "/people")`, or `@ns.route("/users/<int:id>")` on the class. It answers each HTTP method it defines a handler for (`get`, `post`...), under the prefixes of the router and of the blueprint or application it is made on. A registration in a helper of the resource and URLs it takes (`self.add_resource(resource, *urls)` in an `Api` subclass's method) stands for each call of the helper (hint `view-handed-on`).
(call
  function: (attribute object: (_) @router attribute: (identifier) @_verb)
  arguments: (argument_list . [(identifier) (attribute)] @resource . ([(string) (call function: [(identifier) (attribute)] arguments: (argument_list (string)))] @path [(string) (call function: [(identifier) (attribute)] arguments: (argument_list (string)))]* @path))
  (#eq? @_verb "add_resource")) @finding

; In a helper that registers the resource and URLs it is given: `self.add_resource(resource, *urls, **kwargs)`.
(call
  function: (attribute object: (_) @router attribute: (identifier) @_verb)
  arguments: (argument_list . [(identifier) (attribute)] @resource . (list_splat (identifier) @pathsFrom))
  (#eq? @_verb "add_resource")) @finding

(decorated_definition
  (decorator (call
    function: (attribute object: (_) @router attribute: (identifier) @_verb)
    arguments: (argument_list . ([(string) (call function: [(identifier) (attribute)] arguments: (argument_list (string)))] @path [(string) (call function: [(identifier) (attribute)] arguments: (argument_list (string)))]* @path))))
  definition: (class_definition name: (identifier) @resource)
  (#eq? @_verb "route")) @finding
