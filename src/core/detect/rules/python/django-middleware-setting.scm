;; category: middleware
;; framework: django
;; description: The order Django runs middleware in: the `MIDDLEWARE` (or old `MIDDLEWARE_CLASSES`) list of a settings module, in `details.order`.
(expression_statement
  (assignment
    left: (identifier) @_name
    right: [(list) (tuple)] @order)
  (#any-of? @_name "MIDDLEWARE" "MIDDLEWARE_CLASSES")
  (#set! kind "order")) @finding
