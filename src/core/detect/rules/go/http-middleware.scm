;; category: middleware
;; framework: net-http
;; description: A handler wrapper, Go's middleware by signature: `func(next http.Handler) http.Handler` (what chi, gorilla/mux and net/http's `Use` or a plain wrap take), `func(http.HandlerFunc) http.HandlerFunc`, Echo's `func(next echo.HandlerFunc) echo.HandlerFunc`, gRPC-Gateway's `func(next runtime.HandlerFunc) runtime.HandlerFunc` (its `runtime.Middleware`, given to `runtime.WithMiddlewares`; also written in place and kept in a local), each also with variadic options after the handler it wraps (`func(next echo.HandlerFunc, perms ...string) echo.HandlerFunc`: what the check before the handler is given, Go's trailing-options idiom; variadic functions after it are middleware it applies, `Use(handler, mid ...func(http.Handler) http.HandlerFunc)`, no middleware itself), net/http's taking one of `http.Handler` and `http.HandlerFunc` and returning the other (`func RequireLogin(handler http.Handler) http.HandlerFunc`) and functions that return a `func(http.Handler) http.Handler` or a router's middleware type by its name (Echo's `echo.MiddlewareFunc`, go-kit's `endpoint.Middleware`, a router framework's own `Middleware` in its package): a middleware's factory; and Fiber's and gin's middleware, a function returning the handler type whose returned handler calls `c.Next()`.
(function_declaration
  parameters: (parameter_list . (parameter_declaration type: (qualified_type package: (package_identifier) @_in_package name: (type_identifier) @_in)) .)
  result: (qualified_type package: (package_identifier) @_out_package name: (type_identifier) @_out)
  (#match? @_in_package "^(http|echo|runtime)$")
  (#match? @_in "^(Handler|HandlerFunc)$")
  (#match? @_out "^(Handler|HandlerFunc)$")
  (#eq? @_in_package @_out_package)) @finding

(method_declaration
  parameters: (parameter_list . (parameter_declaration type: (qualified_type package: (package_identifier) @_in_package name: (type_identifier) @_in)) .)
  result: (qualified_type package: (package_identifier) @_out_package name: (type_identifier) @_out)
  (#match? @_in_package "^(http|echo|runtime)$")
  (#match? @_in "^(Handler|HandlerFunc)$")
  (#match? @_out "^(Handler|HandlerFunc)$")
  (#eq? @_in_package @_out_package)) @finding

(function_declaration
  parameters: (parameter_list . (parameter_declaration type: (qualified_type package: (package_identifier) @_in_package name: (type_identifier) @_in)) . (variadic_parameter_declaration type: (_) @_options) .)
  result: (qualified_type package: (package_identifier) @_out_package name: (type_identifier) @_out)
  (#match? @_in_package "^(http|echo|runtime)$")
  (#match? @_in "^(Handler|HandlerFunc)$")
  (#match? @_out "^(Handler|HandlerFunc)$")
  (#eq? @_in_package @_out_package)
  (#not-match? @_options "^func")) @finding

(method_declaration
  parameters: (parameter_list . (parameter_declaration type: (qualified_type package: (package_identifier) @_in_package name: (type_identifier) @_in)) . (variadic_parameter_declaration type: (_) @_options) .)
  result: (qualified_type package: (package_identifier) @_out_package name: (type_identifier) @_out)
  (#match? @_in_package "^(http|echo|runtime)$")
  (#match? @_in "^(Handler|HandlerFunc)$")
  (#match? @_out "^(Handler|HandlerFunc)$")
  (#eq? @_in_package @_out_package)
  (#not-match? @_options "^func")) @finding

(function_declaration
  result: [(qualified_type name: (type_identifier) @_type) (type_identifier) @_type]
  (#match? @_type "^Middleware(Func)?$")) @finding

(method_declaration
  result: [(qualified_type name: (type_identifier) @_type) (type_identifier) @_type]
  (#match? @_type "^Middleware(Func)?$")) @finding

(function_declaration
  result: (function_type
    parameters: (parameter_list . (parameter_declaration type: (qualified_type package: (package_identifier) @_in_package name: (type_identifier) @_in)) .)
    result: (qualified_type package: (package_identifier) @_out_package name: (type_identifier) @_out))
  (#eq? @_in_package "http")
  (#eq? @_out_package "http")
  (#eq? @_in "Handler")
  (#eq? @_out "Handler")) @finding

;; Fiber's and gin's middleware: a function returning the framework's handler type (`func New(config ...Config) fiber.Handler`, `func Logger() gin.HandlerFunc`) whose returned handler passes the request on with `c.Next()`, as both frameworks' guides define middleware (docs.gofiber.io/guide/routing#middleware, gin-gonic.com/docs/examples/custom-middleware), or stops the handlers after it with gin's `c.Abort...()` (gin's Context.Abort: "an authorization middleware ... call Abort to ensure the remaining handlers for this request are not called"); or that returns what such a factory of its file makes (`return LoggerWithConfig(conf)`). A handler that never calls Next nor Abort ends the request and is not middleware.
(function_declaration
  result: [(qualified_type name: (type_identifier) @_handler) (type_identifier) @_handler]
  (#match? @_handler "^Handler(Func)?$")
  (#returns-closure-calling? @finding "Next" "Abort" "AbortWithStatus" "AbortWithStatusJSON" "AbortWithStatusPureJSON" "AbortWithError")) @finding

(method_declaration
  result: [(qualified_type name: (type_identifier) @_handler) (type_identifier) @_handler]
  (#match? @_handler "^Handler(Func)?$")
  (#returns-closure-calling? @finding "Next" "Abort" "AbortWithStatus" "AbortWithStatusJSON" "AbortWithStatusPureJSON" "AbortWithError")) @finding

;; A wrapper written in place and kept in a local, as gRPC-Gateway's middleware are given to `runtime.WithMiddlewares(mw)` (`mw := func(next runtime.HandlerFunc) runtime.HandlerFunc {...}`); net/http's and Echo's alike.
(short_var_declaration
  right: (expression_list
    (func_literal
      parameters: (parameter_list . (parameter_declaration type: (qualified_type package: (package_identifier) @_in_package name: (type_identifier) @_in)) .)
      result: (qualified_type package: (package_identifier) @_out_package name: (type_identifier) @_out)) @finding)
  (#match? @_in_package "^(http|echo|runtime)$")
  (#match? @_in "^(Handler|HandlerFunc)$")
  (#match? @_out "^(Handler|HandlerFunc)$")
  (#eq? @_in_package @_out_package)
  (#set! symbol "anonymous"))
