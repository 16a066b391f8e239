import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseFiles } from '../helpers';

const POM = (generator: string, library = 'spring-boot', requestMappingMode = 'controller') => `<project>
  <build><plugins>
    <plugin>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-maven-plugin</artifactId>
    </plugin>
    <plugin>
      <groupId>org.openapitools</groupId>
      <artifactId>openapi-generator-maven-plugin</artifactId>
      <executions><execution>
        <goals><goal>generate</goal></goals>
        <configuration>
          <inputSpec>\${project.basedir}/src/main/resources/openapi.yml</inputSpec>
          <generatorName>${generator}</generatorName>
          <library>${library}</library>
          <apiPackage>com.acme.clinic.rest.api</apiPackage>
          <configOptions><interfaceOnly>true</interfaceOnly><requestMappingMode>${requestMappingMode}</requestMappingMode></configOptions>
        </configuration>
      </execution></executions>
    </plugin>
  </plugins></build>
</project>
`;

const SPEC = `openapi: 3.0.1
servers:
  - url: http://localhost:9966/clinic/api
paths:
  /owners:
    get:
      operationId: listOwners
    post:
      operationId: addOwner
  /owners/{ownerId}:
    get:
      operationId: getOwner
  /vets:
    get:
      operationId: listVets
`;

const CONTROLLERS = {
  'src/main/resources/application.properties': 'server.servlet.context-path=/clinic/\n',
  'src/main/java/com/acme/clinic/rest/OwnerController.java': `package com.acme.clinic.rest;

import com.acme.clinic.rest.api.OwnersApi;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
public class OwnerController implements OwnersApi {
    @Override
    public Object listOwners() { return null; }
    @Override
    public Object getOwner(Integer ownerId) { return null; }
    private Object addOwnerHelper() { return null; }
}
`,
  'src/main/java/com/acme/clinic/rest/VetController.java': `package com.acme.clinic.rest;

import com.acme.clinic.rest.api.VetsApi;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class VetController implements VetsApi {
    public Object listVets() { return null; }
}
`,
};

describe('routes of controllers implementing interfaces generated from an OpenAPI specification', () => {
  it("takes each method named after an operation as its handler, under the controller's prefix", async () => {
    const result = await analyseFiles({ 'pom.xml': POM('spring'), 'src/main/resources/openapi.yml': SPEC, ...CONTROLLERS });
    assert.deepEqual(
      result.routes.map((route) => `${route.method} ${route.path} -> ${route.handler.slice(route.handler.lastIndexOf('/') + 1)}`),
      [
        'GET /clinic/api/owners -> OwnerController.java:OwnerController.listOwners',
        'GET /clinic/api/owners/{ownerId} -> OwnerController.java:OwnerController.getOwner',
        'GET /clinic/vets -> VetController.java:VetController.listVets',
      ],
    );
  });

  it("puts the specification's base path before a controller that states no prefix when the interfaces carry it", async () => {
    const result = await analyseFiles({ 'pom.xml': POM('spring', 'spring-boot', 'api_interface'), 'src/main/resources/openapi.yml': SPEC, ...CONTROLLERS });
    assert.ok(result.routes.some((route) => route.method === 'GET' && route.path === '/clinic/clinic/api/vets'));
    assert.ok(result.routes.some((route) => route.method === 'GET' && route.path === '/clinic/api/owners'));
  });

  it('reads no routes from a generation of HTTP clients, nor from a specification it cannot read', async () => {
    assert.deepEqual((await analyseFiles({ 'pom.xml': POM('spring', 'spring-cloud'), 'src/main/resources/openapi.yml': SPEC, ...CONTROLLERS })).routes, []);
    const unreadable = await analyseFiles({ 'pom.xml': POM('spring'), 'src/main/resources/openapi.yml': 'paths: [\n', ...CONTROLLERS });
    assert.deepEqual(unreadable.routes, []);
    assert.ok(unreadable.skipped.some((skipped) => skipped.path === 'src/main/resources/openapi.yml' && /OpenAPI specification pom\.xml generates/.test(skipped.reason)));
  });
});

describe("Spring's composed mapping annotations", () => {
  const annotationType = (name: string, meta: string, body = 'String[] value() default {};') => `package com.acme.web;

import org.springframework.web.bind.annotation.*;

@Target(ElementType.METHOD)
${meta}
public @interface ${name} {
    ${body}
}
`;

  it('maps requests as the mapping annotation an annotation type of the workspace is annotated with, at the paths written where it is used, else its own', async () => {
    const result = await analyseFiles({
      'src/main/java/com/acme/web/AnonymousGetMapping.java': annotationType('AnonymousGetMapping', '@RequestMapping(method = RequestMethod.GET)'),
      'src/main/java/com/acme/web/HealthMapping.java': annotationType('HealthMapping', '@GetMapping("/health")', ''),
      'src/main/java/com/acme/web/AdminApi.java': annotationType('AdminApi', '@RequestMapping("/admin")\n@RestController'),
      'src/main/java/com/acme/web/Audited.java': annotationType('Audited', '@Documented', ''),
      'src/main/java/com/acme/web/AuthController.java': `package com.acme.web;

import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/auth")
public class AuthController {
    @AnonymousGetMapping(value = "/code")
    public String code() { return ""; }

    @HealthMapping
    public String health() { return "ok"; }

    @Audited
    public String audited() { return ""; }
}
`,
      'src/main/java/com/acme/web/UsersAdmin.java': `package com.acme.web;

import org.springframework.web.bind.annotation.*;

@AdminApi
public class UsersAdmin {
    @DeleteMapping("/users/{id}")
    public void remove() {}
}
`,
    });
    assert.deepEqual(result.routes.map((route) => `${route.method} ${route.path} -> ${route.handler.slice(route.handler.lastIndexOf(':') + 1)}`).sort(), [
      'DELETE /admin/users/{id} -> UsersAdmin.remove',
      'GET /auth/code -> AuthController.code',
      'GET /auth/health -> AuthController.health',
    ]);
  });
});

describe("Micronaut's controllers", () => {
  it('joins the @Controller path with each method annotation\'s, given as value, uri or uris', async () => {
    const result = await analyseFiles({
      'src/main/java/example/IssuesController.java': `package example;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;

@Controller("/issues")
public class IssuesController {
    @Get("/{number}")
    public String issue(Integer number) { return ""; }

    @Post
    public String create(String title) { return ""; }

    @Delete(uris = {"/{number}", "/by-id/{number}"})
    public void remove(Integer number) {}
}
`,
    });
    assert.deepEqual(result.routes.map((route) => `${route.method} ${route.path} -> ${route.handler.slice(route.handler.lastIndexOf(':') + 1)}`).sort(), [
      'DELETE /issues/by-id/{number} -> IssuesController.remove',
      'DELETE /issues/{number} -> IssuesController.remove',
      'GET /issues/{number} -> IssuesController.issue',
      'POST /issues -> IssuesController.create',
    ]);
  });
});

describe('servlets under @WebServlet', () => {
  it('answers each HTTP method whose doGet, doPost... a servlet defines or inherits from a workspace base, at every URL pattern, and nothing for a class that is no servlet', async () => {
    const result = await analyseFiles({
      'src/main/java/com/acme/web/BaseServlet.java': `package com.acme.web;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public abstract class BaseServlet extends HttpServlet {
    protected void doHead(HttpServletRequest request, HttpServletResponse response) {}
}
`,
      'src/main/java/com/acme/web/OrderServlet.java': `package com.acme.web;

import jakarta.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet(name = "orders", urlPatterns = {"/orders", "/orders/*"})
public class OrderServlet extends BaseServlet {
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {}
    protected void doPost(HttpServletRequest request, HttpServletResponse response) {}
    private void doAudit() {}
}
`,
      'src/main/java/com/acme/web/IndexServlet.java': `package com.acme.web;

import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet("/index")
public class IndexServlet extends HttpServlet {
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {}
}
`,
      'src/main/java/com/acme/web/Report.java': `package com.acme.web;

import javax.servlet.annotation.WebServlet;

@WebServlet("/report")
public class Report {
    protected void doGet(Object request, Object response) {}
}
`,
    });
    assert.deepEqual(result.routes.map((route) => `${route.method} ${route.path} -> ${route.handler.slice(route.handler.lastIndexOf('/') + 1)}`).sort(), [
      'GET /index -> IndexServlet.java:IndexServlet.doGet',
      'GET /orders -> OrderServlet.java:OrderServlet.doGet',
      'GET /orders/* -> OrderServlet.java:OrderServlet.doGet',
      'HEAD /orders -> BaseServlet.java:BaseServlet.doHead',
      'HEAD /orders/* -> BaseServlet.java:BaseServlet.doHead',
      'POST /orders -> OrderServlet.java:OrderServlet.doPost',
      'POST /orders/* -> OrderServlet.java:OrderServlet.doPost',
    ]);
  });
});

describe('mapping annotations beside a static on-demand import', () => {
  it("resolves an annotation a workspace class imported static does not declare to the package imported on demand, and a method an outside class may declare to it", async () => {
    const result = await analyseFiles({
      'src/main/java/com/acme/shop/ErrorCodes.java': `package com.acme.shop;

public class ErrorCodes {
    public static final int NAME_TAKEN = 601;
}
`,
      'src/main/java/com/acme/shop/AccountController.java': `package com.acme.shop;

import org.springframework.web.bind.annotation.*;

import static com.acme.shop.ErrorCodes.*;
import static java.util.Objects.*;

@RestController
@RequestMapping("/accounts")
public class AccountController {
    @GetMapping("/list")
    public Object list() { return requireNonNull(NAME_TAKEN); }

    @PostMapping("create")
    public Object create() { return null; }
}
`,
    });
    assert.deepEqual(result.routes.map((route) => `${route.method} ${route.path} -> ${route.handler.slice(route.handler.lastIndexOf(':') + 1)}`).sort(), [
      'GET /accounts/list -> AccountController.list',
      'POST /accounts/create -> AccountController.create',
    ]);
  });
});

describe('Spring MVC interceptors registered in WebMvcConfigurer.addInterceptors', () => {
  it('tells each interceptor class where it is registered, in the order registered', async () => {
    const interceptor = (name: string) => `package com.acme.config;\n\nimport org.springframework.web.servlet.HandlerInterceptor;\n\npublic class ${name} implements HandlerInterceptor {}\n`;
    const result = await analyseFiles({
      'src/main/java/com/acme/config/WebConfig.java': `package com.acme.config;

import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

public class WebConfig implements WebMvcConfigurer {
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LoggingInterceptor());
        registry.addInterceptor(new AuthInterceptor()).addPathPatterns("/api/**");
    }
}
`,
      'src/main/java/com/acme/config/AuthInterceptor.java': interceptor('AuthInterceptor'),
      'src/main/java/com/acme/config/LoggingInterceptor.java': interceptor('LoggingInterceptor'),
    });
    const registered = result.findings
      .filter((finding) => finding.category === 'middleware' && finding.details.registeredAt)
      .map((finding) => `${finding.symbol} ${String(finding.details.registeredAt)}`)
      .sort((a, b) => Number(a.slice(a.lastIndexOf(':') + 1)) - Number(b.slice(b.lastIndexOf(':') + 1)));
    assert.deepEqual(registered, [
      'src/main/java/com/acme/config/LoggingInterceptor.java:LoggingInterceptor src/main/java/com/acme/config/WebConfig.java:9',
      'src/main/java/com/acme/config/AuthInterceptor.java:AuthInterceptor src/main/java/com/acme/config/WebConfig.java:10',
    ]);
  });
});

describe('context paths a Spring Cloud Config server of the workspace serves', () => {
  const controller = (service: string) => `package com.acme.${service};

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class ItemController {
    @GetMapping("/items")
    public Object items() { return null; }
}
`;
  const service = (name: string, bootstrap: string) => ({
    [`${name}/src/main/resources/bootstrap.yml`]: bootstrap,
    [`${name}/src/main/java/com/acme/${name.replace('-', '')}/ItemController.java`]: controller(name.replace('-', '')),
  });
  const server = (locations: string) => ({
    'config/src/main/resources/application.yml': `spring:\n  profiles:\n    active: native\n  cloud:\n    config:\n      server:\n        native:\n          search-locations: ${locations}\n`,
    'config/src/main/resources/shared/orders.yml': 'server:\n  servlet:\n    context-path: /orders\n',
    'config/src/main/resources/shared/application.yml': 'server:\n  servlet:\n    context-path: /shared\n',
    'config/src/main/resources/shared/stock.properties': 'server.port=7000\n',
  });
  const paths = (result: Awaited<ReturnType<typeof analyseFiles>>) => result.routes.map((route) => `${route.method} ${route.path} ${route.handler.slice(0, route.handler.indexOf('/'))}`).sort();

  it("puts a client's routes under the context path of the file named after it, else of the shared file, over its own settings", async () => {
    const result = await analyseFiles({
      ...server('classpath:/shared'),
      ...service('orders', 'spring:\n  application:\n    name: orders\n  cloud:\n    config:\n      uri: http://config:8888\nserver:\n  servlet:\n    context-path: /own\n'),
      ...service('stock', 'spring:\n  application:\n    name: stock\n  config:\n    import: "optional:configserver:http://config:8888"\n'),
      // Names itself, but is no client of the server: its own settings alone.
      ...service('audit', 'spring:\n  application:\n    name: orders\n'),
    });
    assert.deepEqual(paths(result), ['GET /items audit', 'GET /orders/items orders', 'GET /shared/items stock']);
  });

  it('reads no location outside the server as written (file:, placeholders), and the {application} placeholder as the client named', async () => {
    const client = service('orders', 'spring:\n  application:\n    name: orders\n  cloud:\n    config:\n      uri: http://config:8888\n');
    assert.deepEqual(paths(await analyseFiles({ ...server('file:./shared, ${HOME}/config'), ...client })), ['GET /items orders']);
    const perApplication = await analyseFiles({
      ...server('classpath:config/{application}/'),
      'config/src/main/resources/config/orders/orders.yml': 'server:\n  servlet:\n    context-path: /by-folder\n',
      ...client,
    });
    assert.deepEqual(paths(perApplication), ['GET /by-folder/items orders']);
  });
});
