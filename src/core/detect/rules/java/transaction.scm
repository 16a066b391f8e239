;; category: transaction
;; framework: spring
;; qualifies: action org.springframework.transaction.annotation.Transactional jakarta.transaction.Transactional javax.transaction.Transactional
;; description: A declarative transaction boundary: a method (or a class, for each of its public methods) annotated `@Transactional`, Spring's or Jakarta's. The framework's proxy opens the transaction when the method is called, commits when it returns, and rolls back when it throws an unchecked exception (RuntimeException or Error; a checked one commits unless `rollbackFor`/`rollbackOn` names it), as Spring's reference ("Declarative transaction management", "Rolling back a declarative transaction") and Jakarta Transactions 2.0 (3.7) define; `readOnly = true` marks a read.
(method_declaration
  (modifiers [(marker_annotation name: (_) @action) (annotation name: (_) @action arguments: (_) @options)])
  (#match? @action "(^|\\.)Transactional$")
  (#set! boundary "declarative")) @finding

(class_declaration
  (modifiers [(marker_annotation name: (_) @action) (annotation name: (_) @action arguments: (_) @options)])
  (#match? @action "(^|\\.)Transactional$")
  (#set! boundary "declarative")) @finding
