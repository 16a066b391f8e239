import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseFiles } from '../helpers';

describe('Apache Shiro web filters', () => {
  it("finds the classes extending Shiro's filter bases as middleware, not other classes of the same shape", async () => {
    const filter = (name: string, base: string, imported: string) =>
      `package com.acme.security;\n\nimport ${imported};\nimport javax.servlet.ServletRequest;\nimport javax.servlet.ServletResponse;\n\npublic class ${name} extends ${base} {\n    @Override\n    protected boolean isAccessAllowed(ServletRequest request, ServletResponse response, Object mappedValue) { return true; }\n}\n`;
    const result = await analyseFiles({
      'src/main/java/com/acme/security/TokenFilter.java': filter('TokenFilter', 'AccessControlFilter', 'org.apache.shiro.web.filter.AccessControlFilter'),
      'src/main/java/com/acme/security/TenantFilter.java': filter('TenantFilter', 'PathMatchingFilter', 'org.apache.shiro.web.filter.PathMatchingFilter'),
      'src/main/java/com/acme/security/AuditedLogoutFilter.java': 'package com.acme.security;\n\nimport org.apache.shiro.web.filter.authc.LogoutFilter;\n\npublic class AuditedLogoutFilter extends LogoutFilter {}\n',
      // A realm is Shiro's source of accounts, no filter of requests.
      'src/main/java/com/acme/security/AccountRealm.java': 'package com.acme.security;\n\nimport org.apache.shiro.realm.AuthorizingRealm;\n\npublic class AccountRealm extends AuthorizingRealm {}\n',
    });
    const middleware = result.findings.filter((finding) => finding.category === 'middleware').map((finding) => finding.symbol);
    assert.deepEqual(middleware.sort(), [
      'src/main/java/com/acme/security/AuditedLogoutFilter.java:AuditedLogoutFilter',
      'src/main/java/com/acme/security/TenantFilter.java:TenantFilter',
      'src/main/java/com/acme/security/TokenFilter.java:TokenFilter',
    ]);
  });
});
