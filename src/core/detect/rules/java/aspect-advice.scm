;; category: decorator
;; framework: spring
;; description: AOP advice of an `@Aspect` class (Spring AOP, with AspectJ's annotations): a method with `@Around`, `@Before`, `@After`, `@AfterReturning` or `@AfterThrowing`, with its advice and its pointcut as written (`execution(* com.acme..*Service.*(..))`, `@annotation(com.acme.Logged)`, or a `@Pointcut` method's name: the annotation's first argument, alone or as `value =`/`pointcut =`, as Spring's examples write it): the code it runs around the methods the pointcut matches. Told on the advice's use of the annotation.
(class_declaration
  (modifiers [(marker_annotation name: (_) @_aspect) (annotation name: (_) @_aspect)])
  body: (class_body
    (method_declaration
      (modifiers (annotation
        name: (_) @advice
        arguments: (annotation_argument_list . [(string_literal) @pointcut (element_value_pair value: (string_literal) @pointcut)])))) @finding)
  (#match? @_aspect "(^|\\.)Aspect$")
  (#match? @advice "(^|\\.)(Around|Before|After|AfterReturning|AfterThrowing)$")
  (#set! kind "use"))
