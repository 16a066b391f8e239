;; category: middleware
;; description: A Connect RPC interceptor (connectrpc.com/connect's documented `Interceptor`, which `connect.WithInterceptors(...)` installs around every call of the handlers it is given): a type whose `WrapUnary` method takes and returns a `connect.UnaryFunc`, named after the type; or a factory that returns a `connect.UnaryInterceptorFunc`.
(method_declaration
  receiver: (parameter_list (parameter_declaration type: [(pointer_type (type_identifier) @symbol) (type_identifier) @symbol])) @finding
  name: (field_identifier) @_name
  parameters: (parameter_list . (parameter_declaration type: (qualified_type package: (package_identifier) @_package name: (type_identifier) @_type)) .)
  result: (qualified_type package: (package_identifier) @_out_package name: (type_identifier) @_out)
  (#eq? @_name "WrapUnary")
  (#eq? @_package "connect")
  (#eq? @_out_package "connect")
  (#eq? @_type "UnaryFunc")
  (#eq? @_out "UnaryFunc"))

(function_declaration
  result: (qualified_type package: (package_identifier) @_package name: (type_identifier) @_type)
  (#eq? @_package "connect")
  (#eq? @_type "UnaryInterceptorFunc")) @finding
