;; category: transaction
;; description: Each place (its own finding, named after its line) where work runs inside a transaction, or is committed or rolled back: TypeORM, Sequelize, Knex and Slonik `x.transaction(async (...) => ...)`, Prisma `prisma.$transaction(...)`, query runners and Mongoose sessions (`startTransaction`, `commitTransaction`, `rollbackTransaction`, `abortTransaction`), and `trx.commit()` / `trx.rollback()`.
(call_expression
  function: (member_expression object: (_) @on property: (property_identifier) @action)
  (#any-of? @action "transaction" "$transaction" "startTransaction" "commitTransaction" "rollbackTransaction" "abortTransaction" "withTransaction" "commit" "rollback")
  (#set! symbol "anonymous")) @finding
