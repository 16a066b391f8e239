import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { analyzeFolder } from '../../src/node/analyzeFolder';
import { tempWorkspace } from '../helpers';

describe('Spring AOP advice around routes', () => {
  const workspace = tempWorkspace({
    'pom.xml': '<project><groupId>com.acme</groupId><artifactId>shop</artifactId><parent><artifactId>spring-boot-starter-parent</artifactId></parent></project>\n',
    'src/main/java/com/acme/Audited.java': 'package com.acme;\npublic @interface Audited {}\n',
    'src/main/java/com/acme/Timed.java': 'package com.acme;\npublic @interface Timed {}\n',
    'src/main/java/com/acme/OrderController.java': `package com.acme;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OrderController {
    private final OrderService service;

    public OrderController(OrderService service) { this.service = service; }

    @GetMapping("/orders")
    @Audited
    public Object list() { return service.list(); }
}
`,
    'src/main/java/com/acme/OrderService.java': `package com.acme;

import org.springframework.stereotype.Service;

@Service
public class OrderService {
    @Timed
    public Object list() { return null; }
}
`,
    'src/main/java/com/acme/AuditAspect.java': `package com.acme;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.annotation.Pointcut;

@Aspect
public class AuditAspect {
    @Pointcut("@annotation(com.acme.Audited)")
    public void audited() {}

    @Around("audited()")
    public Object record(ProceedingJoinPoint point) throws Throwable { return point.proceed(); }
}
`,
    'src/main/java/com/acme/TimingAspect.java': `package com.acme;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;

@Aspect
public class TimingAspect {
    @Around("@annotation(com.acme.Timed)")
    public Object time(ProceedingJoinPoint point) throws Throwable { return point.proceed(); }

    @Around("execution(* com.acme..*Service.*(..))")
    public Object trace(ProceedingJoinPoint point) throws Throwable { return point.proceed(); }
}
`,
  });
  after(workspace.cleanup);

  it("tells an aspect whose pointcut matches an annotation the routes' handlers wear as middleware, not one around services", async () => {
    const analysis = await analyzeFolder(workspace.root, { threads: 1 });
    assert.ok(analysis.result.routes.some((route) => route.path === '/orders'));
    const middleware = analysis.result.findings.filter((finding) => finding.category === 'middleware').map((finding) => finding.symbol);
    assert.deepEqual(middleware, ['src/main/java/com/acme/AuditAspect.java:AuditAspect']);
  });
});

describe('Spring AOP advice that binds the annotation to a parameter', () => {
  const workspace = tempWorkspace({
    'pom.xml': '<project><groupId>com.acme</groupId><artifactId>shop</artifactId><parent><artifactId>spring-boot-starter-parent</artifactId></parent></project>\n',
    'src/main/java/com/acme/Audited.java': 'package com.acme;\npublic @interface Audited { String value(); }\n',
    'src/main/java/com/acme/Timed.java': 'package com.acme;\npublic @interface Timed {}\n',
    'src/main/java/com/acme/InvoiceController.java': `package com.acme;

import org.apache.shiro.authz.annotation.RequiresRoles;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class InvoiceController {
    private final InvoiceService service;

    public InvoiceController(InvoiceService service) { this.service = service; }

    @PostMapping("/invoices")
    @Audited("create invoice")
    @RequiresRoles("accountant")
    public Object create() { return service.create(); }
}
`,
    'src/main/java/com/acme/InvoiceService.java': `package com.acme;

import org.springframework.stereotype.Service;

@Service
public class InvoiceService {
    @Timed
    public Object create() { return null; }
}
`,
    'src/main/java/com/acme/AuditAspect.java': `package com.acme;

import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.annotation.AfterReturning;
import org.aspectj.lang.annotation.Aspect;

@Aspect
public class AuditAspect {
    @AfterReturning(pointcut = "@annotation(audited)", returning = "result")
    public void record(JoinPoint point, Audited audited, Object result) {}
}
`,
    'src/main/java/com/acme/RoleAspect.java': `package com.acme;

import org.apache.shiro.authz.annotation.RequiresRoles;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.annotation.Aspect;
import org.aspectj.lang.annotation.Before;

@Aspect
public class RoleAspect {
    @Before("@annotation(requiresRoles)")
    public void check(JoinPoint point, RequiresRoles requiresRoles) {}
}
`,
    'src/main/java/com/acme/TimingAspect.java': `package com.acme;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;

@Aspect
public class TimingAspect {
    @Around("@annotation(timed)")
    public Object time(ProceedingJoinPoint point, Timed timed) throws Throwable { return point.proceed(); }
}
`,
  });
  after(workspace.cleanup);

  it("reads the annotation from the bound parameter's type, a library's annotation too, and keeps advice around services out", async () => {
    const analysis = await analyzeFolder(workspace.root, { threads: 1 });
    const middleware = analysis.result.findings.filter((finding) => finding.category === 'middleware').map((finding) => finding.symbol);
    assert.deepEqual(middleware.sort(), ['src/main/java/com/acme/AuditAspect.java:AuditAspect', 'src/main/java/com/acme/RoleAspect.java:RoleAspect']);
  });
});
