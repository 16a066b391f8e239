;; category: model
;; framework: mongoose
;; qualifies: factory mongoose.model
;; description: A Mongoose model made from a schema and bound to a name: `const User = mongoose.model('User', userSchema)` (also `model(...)` imported from mongoose), or exported as it is made: `module.exports = mongoose.model('User', userSchema)`, `export default model('User', userSchema)`. Sequelize and TypeORM models are classes: src/core/frameworks/sequelize.yml and typeorm.yml.
(variable_declarator
  name: (identifier)
  value: (call_expression
    function: [(identifier) (member_expression)] @factory
    arguments: (arguments . (string) @name))
  (#match? @factory "(^|\\.)model$")) @finding

(assignment_expression
  left: (member_expression) @_target
  right: (call_expression
    function: [(identifier) (member_expression)] @factory
    arguments: (arguments . (string) @name))
  (#eq? @_target "module.exports")
  (#match? @factory "(^|\\.)model$")) @finding

(export_statement
  value: (call_expression
    function: [(identifier) (member_expression)] @factory
    arguments: (arguments . (string) @name))
  (#match? @factory "(^|\\.)model$")) @finding
