;; category: route
;; framework: falcon
;; resolves: resource-responders
;; description: A Falcon route: `app.add_route('/things/{id}', ThingResource())`, or with a resource object made earlier (`things`), and `suffix='item'` for the responders named `on_get_item`. The resolver turns the resource's responders into the routes' methods and handlers.
(call
  function: (attribute object: (_) @router attribute: (identifier) @_verb)
  arguments: (argument_list
    . (string) @path
    . [(identifier) @resource (attribute) @resource (call function: [(identifier) (attribute)] @resource)]
    (keyword_argument name: (identifier) @_key value: (string) @suffix)?)
  (#eq? @_verb "add_route")
  ; match? fails when the optional keyword is absent; not-match? of the complement holds then.
  (#not-match? @_key "^(?!suffix$)")
  ; Named after its own line: several routes added in one function stay several findings.
  (#set! symbol "anonymous")) @finding
