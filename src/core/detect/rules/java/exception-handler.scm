;; category: error-handler
;; framework: spring
;; description: A Spring MVC exception handler: a method with `@ExceptionHandler`, in a `@ControllerAdvice` (for every controller) or a controller (for its own routes). What it handles is the class the annotation names, or the array of classes it lists as written (`{A.class, B.class}`), or, with none listed, the exception types of its parameters, as Spring's reference ("Exceptions", Web MVC) defines; its status is its `@ResponseStatus` or the `ResponseEntity` it returns (java/error-response).
(method_declaration
  (modifiers (annotation
    name: (_) @_annotation
    arguments: (annotation_argument_list [
      (class_literal (type_identifier) @handles)
      (class_literal (scoped_type_identifier) @handles)
      (element_value_array_initializer) @handles
      (element_value_pair key: (identifier) @_key value: [(class_literal (_) @handles) (element_value_array_initializer) @handles])])))
  (#match? @_annotation "(^|\\.)ExceptionHandler$")) @finding

(method_declaration
  (modifiers (marker_annotation name: (_) @_annotation))
  parameters: (formal_parameters (formal_parameter type: [(type_identifier) (scoped_type_identifier)] @handles))
  (#match? @_annotation "(^|\\.)ExceptionHandler$")
  (#match? @handles "(Exception|Error|Throwable)$")) @finding
