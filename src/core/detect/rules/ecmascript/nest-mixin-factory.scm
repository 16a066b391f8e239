;; category: middleware
;; framework: nestjs
;; qualifies: maker @nestjs/common.mixin @nestjs/common.mixin()
;; description: A guard, interceptor or pipe factory: a function that returns `mixin(SomeClass)` of @nestjs/common, as NestJS makes its own `AuthGuard(strategy)` and `FileInterceptor(fieldName)`: the class it makes depends on the arguments, and a route applies it with `@UseGuards(OAuthCallbackGuard('google'))`.
(function_declaration
  body: (statement_block
    (return_statement (call_expression function: (identifier) @maker)))) @finding

(variable_declarator
  value: (arrow_function
    body: (statement_block
      (return_statement (call_expression function: (identifier) @maker))))) @finding
