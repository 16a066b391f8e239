;; category: middleware
;; framework: spring-security
;; description: A Spring Security filter chain: a `@Bean` method that returns a `SecurityFilterChain` (`http.authorizeHttpRequests(...).addFilterBefore(jwtFilter, ...).build()`), the filters Spring Security runs before every request it matches.
(method_declaration
  (modifiers (marker_annotation name: (_) @_bean))
  type: (type_identifier) @_type
  (#match? @_bean "(^|\\.)Bean$")
  (#eq? @_type "SecurityFilterChain")) @finding

(method_declaration
  (modifiers (annotation name: (_) @_bean))
  type: (type_identifier) @_type
  (#match? @_bean "(^|\\.)Bean$")
  (#eq? @_type "SecurityFilterChain")) @finding
