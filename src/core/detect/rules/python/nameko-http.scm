;; category: route
;; framework: nameko
;; resolves: decorator-function
;; description: A Nameko HTTP entrypoint (nameko.readthedocs.io, "Built-in Extensions", HTTP): a service's method decorated `@http("GET", "/get/<int:value>")`, the methods first (several joined by commas: "GET,PUT"), then the URL. Kept when the callee is the framework's (its `packageVerbs` entry `*`: the methods are the decorator's to give).
(decorated_definition
  (decorator
    (call
      function: [(identifier) (attribute attribute: (identifier))] @callee
      arguments: (argument_list . (string) @methods . (string) @path)))
  (#match? @callee "(^|\\.)http$")
  definition: (function_definition)) @finding
