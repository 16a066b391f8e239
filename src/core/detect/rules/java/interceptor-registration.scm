;; category: middleware
;; framework: spring
;; description: A Spring MVC interceptor registered in `WebMvcConfigurer.addInterceptors`: `registry.addInterceptor(new AuthInterceptor())` (also `addWebRequestInterceptor`), told on the interceptor class as where it is registered; Spring runs them in the order registered (its reference, "Interceptors"). One given as a value (`registry.addInterceptor(authInterceptor)`) is told at the call, with what is given.
(method_declaration
  name: (identifier) @_method
  body: (block (expression_statement [
    (method_invocation
      name: (identifier) @_add
      arguments: (argument_list . (object_creation_expression type: (type_identifier) @symbol)))
    (method_invocation
      object: (method_invocation
        name: (identifier) @_add
        arguments: (argument_list . (object_creation_expression type: (type_identifier) @symbol)))
      name: (identifier))
    (method_invocation
      object: (method_invocation
        object: (method_invocation
          name: (identifier) @_add
          arguments: (argument_list . (object_creation_expression type: (type_identifier) @symbol)))
        name: (identifier))
      name: (identifier))]) @finding)
  (#eq? @_method "addInterceptors")
  (#any-of? @_add "addInterceptor" "addWebRequestInterceptor")
  (#set! kind "installed"))

(method_declaration
  name: (identifier) @_method
  body: (block (expression_statement [
    (method_invocation
      name: (identifier) @_add
      arguments: (argument_list . [(identifier) (method_invocation)] @middleware))
    (method_invocation
      object: (method_invocation
        name: (identifier) @_add
        arguments: (argument_list . [(identifier) (method_invocation)] @middleware))
      name: (identifier))
    (method_invocation
      object: (method_invocation
        object: (method_invocation
          name: (identifier) @_add
          arguments: (argument_list . [(identifier) (method_invocation)] @middleware))
        name: (identifier))
      name: (identifier))]) @finding)
  (#eq? @_method "addInterceptors")
  (#any-of? @_add "addInterceptor" "addWebRequestInterceptor")
  (#set! kind "installed")
  (#set! symbol "anonymous"))
