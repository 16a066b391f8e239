;; hint: sql-schema
;; description: Schema statements a Go program holds in a string and runs itself (miniflux's migrations: a raw string holding `CREATE TABLE users (...)` handed to `tx.Exec`, or `tx.Exec("ALTER TABLE users ADD COLUMN theme text")`): a string that begins with CREATE TABLE, ALTER TABLE or CREATE [UNIQUE] INDEX, in any case. The scan reads its statements as a SQL file's, into the data model.
([(raw_string_literal) (interpreted_string_literal)] @sql @finding
  (#match? @sql "^.\\s*([Cc][Rr][Ee][Aa][Tt][Ee]|[Aa][Ll][Tt][Ee][Rr])\\s+(([Uu][Nn][Ii][Qq][Uu][Ee]\\s+)?[Ii][Nn][Dd][Ee][Xx]|[Tt][Aa][Bb][Ll][Ee])\\s"))
