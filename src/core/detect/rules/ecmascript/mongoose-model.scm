;; category: model
;; framework: mongoose
;; qualifies: factory mongoose.model
;; description: A Mongoose model made from a schema and bound to a name: `const User = mongoose.model('User', userSchema)` (also `model(...)` imported from mongoose). Sequelize and TypeORM models are classes: frameworks.yml.
(variable_declarator
  name: (identifier)
  value: (call_expression
    function: [(identifier) (member_expression)] @factory
    arguments: (arguments . (string) @name))
  (#match? @factory "(^|\\.)model$")) @finding
