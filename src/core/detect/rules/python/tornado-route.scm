;; category: route
;; framework: tornado
;; resolves: handler-classes
;; description: A Tornado routing rule: a `(pattern, Handler)` tuple (with the handler's keyword arguments and a name after them) in the list given to `Application(...)` or `add_handlers(host, ...)`, or `url(pattern, Handler, ...)` (`URLSpec`, `Rule`). The resolver keeps it when the class derives from `RequestHandler` and lists each HTTP method the class answers, the pattern's groups named after the method's parameters.
(list
  (tuple
    . (string) @path
    . [(identifier) (attribute)] @resource) @finding
  ; Named after its own line: a table's rules stay several findings.
  (#set! symbol "anonymous"))

(call
  function: [(identifier) (attribute)] @_callee
  arguments: (argument_list
    . (string) @path
    . [(identifier) (attribute)] @resource)
  (#match? @_callee "(^|\\.)(url|URLSpec|Rule)$")
  (#set! symbol "anonymous")) @finding
