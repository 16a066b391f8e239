;; category: model
;; framework: gorm
;; description: A GORM model: a struct whose fields carry `gorm:"..."` tags (`gorm:"primaryKey"`, `gorm:"column:name;not null"`), GORM's way of stating columns. A struct that embeds `gorm.Model` is found by the framework file's class rule.
(type_spec
  name: (type_identifier)
  type: (struct_type (field_declaration_list (field_declaration tag: (_) @_tag)))
  (#match? @_tag "(^|[ `\"])gorm:\"")) @finding
