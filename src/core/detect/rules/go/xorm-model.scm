;; category: model
;; framework: xorm
;; description: An xorm model: a struct whose fields carry `xorm:"..."` tags (`xorm:"not null pk autoincr BIGINT(20) id"`), xorm's way of mapping a struct to a table.
(type_spec
  name: (type_identifier)
  type: (struct_type (field_declaration_list (field_declaration tag: (_) @_tag)))
  (#match? @_tag "(^|[ `\"])xorm:\"")) @finding
