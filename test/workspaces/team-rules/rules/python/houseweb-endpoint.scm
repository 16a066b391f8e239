;; category: route
;; framework: houseweb
;; description: Our houseweb package's route decorator, `@endpoint("POST", "/orders")`: the method, then the path; the function is the handler.
(decorated_definition
  (decorator
    (call
      function: [(identifier) (attribute)] @_decorator
      arguments: (argument_list . (string) @method . (string) @path)))
  (#match? @_decorator "(^|\\.)endpoint$")
  definition: (function_definition)) @finding
