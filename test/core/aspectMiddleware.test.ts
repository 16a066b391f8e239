import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseFiles } from '../helpers';

const CONTROLLER = `package com.acme.shop.web.orders;

import com.acme.shop.support.Logged;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/orders")
public class OrderController {
    @Logged
    @GetMapping("/{id}")
    public String get(@PathVariable Long id) { return "order"; }
}
`;

const aspect = (name: string, advice: string, pointcuts = '') => `package com.acme.shop.support;

import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.*;

@Aspect
public class ${name} {
${pointcuts}
    @Around("${advice}")
    public Object around(ProceedingJoinPoint point) throws Throwable { return point.proceed(); }
}
`;

async function middlewareOf(files: Record<string, string>): Promise<string[]> {
  const result = await analyseFiles({ 'src/main/java/com/acme/shop/web/orders/OrderController.java': CONTROLLER, 'src/main/java/com/acme/shop/support/Logged.java': 'package com.acme.shop.support;\n\npublic @interface Logged {}\n', ...files });
  return result.findings.filter((finding) => finding.category === 'middleware').map((finding) => finding.symbol);
}

describe('Spring AOP aspects around route handlers', () => {
  it('tells an aspect middleware when its pointcut selects a handler: by annotation through a named pointcut, by execution pattern with `..`, by the class annotation', async () => {
    const found = await middlewareOf({
      'src/main/java/com/acme/shop/support/LogAspect.java': aspect('LogAspect', 'logged()', '    @Pointcut("@annotation(com.acme.shop.support.Logged)")\n    public void logged() {}\n'),
      'src/main/java/com/acme/shop/support/WebAspect.java': aspect('WebAspect', 'execution(public * com.acme..web..*Controller.*(..))'),
      'src/main/java/com/acme/shop/support/ControllerAspect.java': aspect('ControllerAspect', 'within(@org.springframework.web.bind.annotation.RestController *)'),
    });
    assert.deepEqual(found.sort(), [
      'src/main/java/com/acme/shop/support/ControllerAspect.java:ControllerAspect',
      'src/main/java/com/acme/shop/support/LogAspect.java:LogAspect',
      'src/main/java/com/acme/shop/support/WebAspect.java:WebAspect',
    ]);
  });

  it('leaves an aspect whose pointcut selects no handler (services, repositories, another package) a decorator only', async () => {
    const found = await middlewareOf({
      'src/main/java/com/acme/shop/support/RepoAspect.java': aspect('RepoAspect', 'within(@org.springframework.stereotype.Repository *)'),
      'src/main/java/com/acme/shop/support/CacheAspect.java': aspect('CacheAspect', 'execution(public * com.acme.shop.service.*CacheService.*(..))'),
      'src/main/java/com/acme/shop/support/OtherAspect.java': aspect('OtherAspect', 'other()', '    @Pointcut("@annotation(com.acme.shop.support.Timed)")\n    public void other() {}\n'),
    });
    assert.deepEqual(found, []);
  });
});
