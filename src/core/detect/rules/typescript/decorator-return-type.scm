;; category: decorator
;; description: A TypeScript decorator factory by the type it declares it returns: one of the decorator types TypeScript's standard library defines for its decorators (`ClassDecorator`, `MethodDecorator`, `PropertyDecorator`, `ParameterDecorator`), whatever makes the decorator it returns (`export function UUIDParam(property: string): ParameterDecorator { return Param(property, ParseUUIDPipe); }`, `const Trim = (): PropertyDecorator => Transform(...)`).
(function_declaration
  return_type: (type_annotation (type_identifier) @_type)
  (#any-of? @_type "ClassDecorator" "MethodDecorator" "PropertyDecorator" "ParameterDecorator")) @finding

(variable_declarator
  value: (arrow_function return_type: (type_annotation (type_identifier) @_type))
  (#any-of? @_type "ClassDecorator" "MethodDecorator" "PropertyDecorator" "ParameterDecorator")) @finding
