;; category: middleware
;; description: A gRPC-Go server interceptor, what `grpc.UnaryInterceptor(...)`, `grpc.ChainUnaryInterceptor(...)` and their stream kin install around every call (grpc-go's documented interceptors): a function with an interceptor's own signature (its parameters include a `*grpc.UnaryServerInfo` or `*grpc.StreamServerInfo`), or a factory that returns a `grpc.UnaryServerInterceptor` or `grpc.StreamServerInterceptor`.
(function_declaration
  result: (qualified_type package: (package_identifier) @_package name: (type_identifier) @_type)
  (#eq? @_package "grpc")
  (#match? @_type "^(Unary|Stream)ServerInterceptor$")) @finding

(method_declaration
  result: (qualified_type package: (package_identifier) @_package name: (type_identifier) @_type)
  (#eq? @_package "grpc")
  (#match? @_type "^(Unary|Stream)ServerInterceptor$")) @finding

(function_declaration
  parameters: (parameter_list (parameter_declaration type: (pointer_type (qualified_type package: (package_identifier) @_package name: (type_identifier) @_info))))
  (#eq? @_package "grpc")
  (#match? @_info "^(Unary|Stream)ServerInfo$")) @finding

(method_declaration
  parameters: (parameter_list (parameter_declaration type: (pointer_type (qualified_type package: (package_identifier) @_package name: (type_identifier) @_info))))
  (#eq? @_package "grpc")
  (#match? @_info "^(Unary|Stream)ServerInfo$")) @finding
