;; category: decorator
;; outermost: true
;; description: A TypeScript decorator definition, by the signature TypeScript calls a decorator with: a factory that returns a function taking a member's target and key (`export function Get(route?: string) { return function (object: Object, methodName: string) {...} }`, `(target, propertyKey, descriptor)`, `(object, methodName, index)` for a parameter) or a class (`(target: Function)`), or such a decorator itself (`function LogPerformance(target, propertyKey, descriptor)`, `function sealed(constructor: Function)`). The parameter lists are read as text, so the rule is the same on TypeScript and JavaScript.

;; A factory: its returned function has a decorator's parameters.
(function_declaration
  body: (statement_block
    (return_statement [(function_expression parameters: (formal_parameters) @_parameters) (arrow_function parameters: (formal_parameters) @_parameters)]))
  (#match? @_parameters "^\\(\\s*(?:[\\w$]+\\??\\s*(?::[^,]*)?,\\s*(?:propertyKey|propertyName|methodName|memberName|columnName|fieldName)|(?:target|object|prototype|proto|[\\w$]+Or[A-Z][\\w$]*)\\??\\s*(?::[^,]*)?,\\s*(?:key|name|method|property|prop))\\b|^\\(\\s*(?:constructor|target|[\\w$]+\\s*:\\s*Function)\\s*(?::[^,]*)?\\)$")
  (#set! factory "true")) @finding

(variable_declarator
  value: (arrow_function
    body: [
      (function_expression parameters: (formal_parameters) @_parameters)
      (arrow_function parameters: (formal_parameters) @_parameters)
      (statement_block (return_statement [(function_expression parameters: (formal_parameters) @_parameters) (arrow_function parameters: (formal_parameters) @_parameters)]))
    ])
  (#match? @_parameters "^\\(\\s*(?:[\\w$]+\\??\\s*(?::[^,]*)?,\\s*(?:propertyKey|propertyName|methodName|memberName|columnName|fieldName)|(?:target|object|prototype|proto|[\\w$]+Or[A-Z][\\w$]*)\\??\\s*(?::[^,]*)?,\\s*(?:key|name|method|property|prop))\\b|^\\(\\s*(?:constructor|target|[\\w$]+\\s*:\\s*Function)\\s*(?::[^,]*)?\\)$")
  (#set! factory "true")) @finding

;; A decorator: a method's `(target, propertyKey, descriptor)`, a parameter's `(target, propertyKey, parameterIndex)`, a property's `(target, propertyKey)`, a class's `(constructor: Function)`.
(function_declaration
  parameters: (formal_parameters) @_parameters
  (#match? @_parameters "^\\([^,]*,[^,]*,\\s*(?:descriptor|parameterIndex)\\b|^\\([^,]*,[^,]*,[^,]*:\\s*(?:Typed)?PropertyDescriptor\\b|^\\(\\s*(?:target|object|prototype|proto)\\??\\s*(?::[^,]*)?,\\s*(?:propertyKey|propertyName)\\b[^,]*\\)$|^\\(\\s*constructor\\s*(?::[^,]*)?\\)$")) @finding
