;; category: model
;; framework: sequelize
;; description: A Sequelize model defined by name and attributes: `const User = sequelize.define('User', { email: { type: DataTypes.STRING, unique: true } }, { tableName: 'users' })`, or as a statement (`sequelize.define('instrument', {...})`: the model is bound to its name in `sequelize.models`). Models written as classes (`class User extends Model`, then `User.init(...)`) are found by their base: src/core/frameworks/sequelize.yml.
(variable_declarator
  name: (identifier)
  value: (call_expression
    function: (member_expression property: (property_identifier) @_define)
    arguments: (arguments . (string) @name . (object)))
  (#eq? @_define "define")) @finding

(expression_statement
  (call_expression
    function: (member_expression property: (property_identifier) @_define)
    arguments: (arguments . (string) @name . (object)))
  (#eq? @_define "define")) @finding
