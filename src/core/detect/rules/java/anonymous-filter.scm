;; category: middleware
;; framework: spring
;; qualifies: base javax.servlet.Filter jakarta.servlet.Filter org.springframework.web.filter.OncePerRequestFilter org.springframework.web.filter.GenericFilterBean org.springframework.web.servlet.HandlerInterceptor org.springframework.web.servlet.AsyncHandlerInterceptor
;; description: A servlet filter or Spring MVC interceptor written in place as an anonymous class (`new Filter() { public void doFilter(...) {...} }`, `new OncePerRequestFilter() {...}`, `new HandlerInterceptor() {...}`), as a `@Bean` method or a `FilterRegistrationBean` is given one: the code the servlet container, or Spring's dispatcher, runs around the requests it is registered for.
(object_creation_expression
  type: [(type_identifier) (scoped_type_identifier)] @base
  (class_body)) @finding
