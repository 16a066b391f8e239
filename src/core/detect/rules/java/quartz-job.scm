;; category: task
;; framework: quartz
;; qualifies: base org.quartz.Job org.quartz.InterruptableJob org.quartz.StatefulJob org.springframework.scheduling.quartz.QuartzJobBean
;; description: A Quartz job, the work Quartz's scheduler runs when a trigger fires: the `execute(JobExecutionContext)` method of a class that implements `org.quartz.Job` (Quartz's "Jobs and Triggers"), or the `executeInternal(JobExecutionContext)` of a class that extends Spring's `QuartzJobBean` (Spring's reference, "Using Quartz").
(class_declaration
  interfaces: (super_interfaces (type_list [(type_identifier) (scoped_type_identifier)] @base))
  body: (class_body
    (method_declaration name: (identifier) @_method) @finding)
  (#eq? @_method "execute"))

(class_declaration
  superclass: (superclass [(type_identifier) (scoped_type_identifier)] @base)
  body: (class_body
    (method_declaration name: (identifier) @_method) @finding)
  (#eq? @_method "executeInternal"))
