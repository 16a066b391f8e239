;; category: model
;; framework: drizzle
;; qualifies: table drizzle-orm/pg-core.pgTable drizzle-orm/sqlite-core.sqliteTable drizzle-orm/mysql-core.mysqlTable drizzle-orm/singlestore-core.singlestoreTable
;; description: A Drizzle ORM table (docs "Schema declaration": `export const users = pgTable('users', { id: integer(), name: text('full_name') })`, `sqliteTable` and `mysqlTable` for the other dialects, an optional third argument for indexes and constraints), named after the constant that holds it; a function of the same name from another module is no table.
(variable_declarator
  name: (identifier)
  value: (call_expression
    function: (identifier) @table
    arguments: (arguments . (string) @name . (object)))) @finding
