;; category: decorator
;; description: An annotation type a library or application offers for methods, read at run time: `public @interface CircuitBreaker` with `@Retention(RetentionPolicy.RUNTIME)` and a `@Target` that names `ElementType.METHOD` — what an aspect, interceptor or proxy looks for on the methods it wraps, Java's counterpart of a decorator definition (java.lang.annotation: only RUNTIME retention is readable reflectively; CLASS and SOURCE annotations such as nullability markers are for compilers and tools).
(annotation_type_declaration
  (modifiers
    (annotation name: (identifier) @_retention arguments: (annotation_argument_list) @_policy)
    (annotation name: (identifier) @_target arguments: (annotation_argument_list) @_targets))
  (#eq? @_retention "Retention")
  (#match? @_policy "(^|[^A-Za-z_])RUNTIME($|[^A-Za-z_])")
  (#eq? @_target "Target")
  (#match? @_targets "(^|[^A-Za-z_])METHOD($|[^A-Za-z_])")) @finding

(annotation_type_declaration
  (modifiers
    (annotation name: (identifier) @_target arguments: (annotation_argument_list) @_targets)
    (annotation name: (identifier) @_retention arguments: (annotation_argument_list) @_policy))
  (#eq? @_retention "Retention")
  (#match? @_policy "(^|[^A-Za-z_])RUNTIME($|[^A-Za-z_])")
  (#eq? @_target "Target")
  (#match? @_targets "(^|[^A-Za-z_])METHOD($|[^A-Za-z_])")) @finding
