;; category: error-response
;; framework: spring
;; description: Each place its own finding, named after its line. Where a Spring handler states the status it answers with, not raised: a method's `@ResponseStatus(HttpStatus.NOT_FOUND)` (also `code =`/`value =`), and a `ResponseEntity` made with a status (`ResponseEntity.status(HttpStatus.CONFLICT)`, or of a local the method sets to one (`HttpStatus status = HttpStatus.NOT_FOUND; ResponseEntity.status(status)`), `new ResponseEntity<>(body, HttpStatus.BAD_REQUEST)`, `ResponseEntity.notFound()`, `badRequest()`, `unprocessableEntity()`, `internalServerError()`: the status by its name). The answers keep statuses of 400 and above.
(method_declaration
  (modifiers (annotation
    name: (_) @_annotation
    arguments: (annotation_argument_list [
      (field_access) @status
      (element_value_pair key: (identifier) @_key value: (field_access) @status)])))
  (#match? @_annotation "(^|\\.)ResponseStatus$")
  (#set! response "@ResponseStatus")) @finding

(method_invocation
  object: (identifier) @_entity
  name: (identifier) @_status
  arguments: (argument_list . [(field_access) (decimal_integer_literal) (identifier)] @status)
  (#eq? @_entity "ResponseEntity")
  (#eq? @_status "status")
  (#set! response "ResponseEntity")
  (#set! symbol "anonymous")) @finding

(object_creation_expression
  type: [(type_identifier) (generic_type (type_identifier))] @_entity
  arguments: (argument_list (field_access) @status .)
  (#match? @_entity "^ResponseEntity")
  (#set! response "ResponseEntity")
  (#set! symbol "anonymous")) @finding

(method_invocation
  object: (identifier) @_entity
  name: (identifier) @status
  (#eq? @_entity "ResponseEntity")
  (#any-of? @status "notFound" "badRequest" "unprocessableEntity" "internalServerError")
  (#set! response "ResponseEntity")
  (#set! symbol "anonymous")) @finding
