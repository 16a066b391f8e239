;; category: decorator
;; qualifies: delegate finding:decorator @nestjs/common.SetMetadata @nestjs/common.applyDecorators @nestjs/common.createParamDecorator @nestjs/core.Reflector.createDecorator
;; description: A TypeScript decorator made by a decorator maker: a function that returns `SetMetadata(KEY, value)`, `applyDecorators(...)` or `createParamDecorator(...)` (NestJS's documented ways to write a custom decorator, or a maker the workspace defines, as routing-controllers' `createParamDecorator`), or a constant made by one (`export const User = createParamDecorator((data, ctx) => ...)`, `Reflector.createDecorator<string[]>()`); also a function returning the decorator a maker's factory makes (`return createParamDecorator((data, ctx) => ...)()`).
(function_declaration
  body: (statement_block
    (return_statement (call_expression function: [(identifier) (member_expression)] @delegate))
    .)
  (#match? @delegate "(^|\\.)(SetMetadata|applyDecorators|[A-Za-z_$]*Decorator)$")) @finding

(function_declaration
  body: (statement_block
    (return_statement (call_expression function: (call_expression function: [(identifier) (member_expression)] @delegate)))
    .)
  (#match? @delegate "(^|\\.)(SetMetadata|applyDecorators|[A-Za-z_$]*Decorator)$")) @finding

(variable_declarator
  value: (arrow_function
    body: [
      (call_expression function: [(identifier) (member_expression)] @delegate)
      (statement_block (return_statement (call_expression function: [(identifier) (member_expression)] @delegate)) .)
    ])
  (#match? @delegate "(^|\\.)(SetMetadata|applyDecorators|[A-Za-z_$]*Decorator)$")) @finding

(variable_declarator
  value: (call_expression function: [(identifier) (member_expression)] @delegate)
  (#match? @delegate "(^|\\.)(SetMetadata|applyDecorators|[A-Za-z_$]*Decorator)$")) @finding
