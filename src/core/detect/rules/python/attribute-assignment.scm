;; hint: attribute-assignment
;; description: An attribute of an object or a function set at module level or in a class body: `root.blog = BlogPage()`, `index.exposed = True` (CherryPy's "exposed" attribute, the tree of objects its dispatcher walks). Read by object dispatch.
(module
  (expression_statement
    (assignment
      left: (attribute object: (identifier) @object attribute: (identifier) @attribute)
      right: [(call function: [(identifier) (attribute)] @made) (true) @value]) @finding))

(module
  (if_statement
    consequence: (block
      (expression_statement
        (assignment
          left: (attribute object: (identifier) @object attribute: (identifier) @attribute)
          right: [(call function: [(identifier) (attribute)] @made) (true) @value]) @finding))))

(class_definition
  body: (block
    (expression_statement
      (assignment
        left: (attribute object: (identifier) @object attribute: (identifier) @attribute)
        right: [(call function: [(identifier) (attribute)] @made) (true) @value]) @finding)))
