;; category: manager
;; framework: django
;; description: A manager class made from a query set: `ProductManager = models.Manager.from_queryset(ProductQuerySet)` or `ProductQuerySet.as_manager()` at module level.
(module
  (expression_statement
    (assignment
      left: (identifier)
      right: (call function: (attribute) @maker))
    (#match? @maker "\\.(from_queryset|as_manager)$")) @finding)
