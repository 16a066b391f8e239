;; category: model
;; framework: medusa
;; qualifies: model @medusajs/framework/utils.model @medusajs/utils.model @medusajs/framework.model
;; description: A Medusa data model written with its data modelling language and exported as the module's default (docs.medusajs.com "Data Models": `model.define("post", { id: model.id().primaryKey(), ... })`, and with the table named apart, `model.define({ name: "Country", tableName: "region_country" }, {...})`). A model held in a variable by name (`const Post = model.define("post", ...)`) is read by sequelize-define's shape; one named by an object is read here.
(export_statement
  value: (call_expression
    function: (member_expression object: (identifier) @model property: (property_identifier) @_define)
    arguments: (arguments . [(string) (object)] @name . (object)))
  (#eq? @_define "define")) @finding

(variable_declarator
  name: (identifier)
  value: (call_expression
    function: (member_expression object: (identifier) @model property: (property_identifier) @_define)
    arguments: (arguments . (object) @name . (object)))
  (#eq? @_define "define")) @finding
