import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseFiles } from '../helpers';

describe('SQLAlchemy query classes', () => {
  it("takes a model's Query subclass for its manager, from Flask-SQLAlchemy or SQLAlchemy, nested in the model or not", async () => {
    const result = await analyseFiles({
      'shop/__init__.py': '',
      'shop/models.py': `from flask_sqlalchemy import SQLAlchemy
from flask_sqlalchemy.query import Query
from sqlalchemy import orm


class ActiveQuery(orm.Query):
    def active(self):
        return self.filter_by(active=True)


db = SQLAlchemy(query_class=ActiveQuery)


class Order(db.Model):
    class OrderQuery(Query):
        def open(self):
            return self.filter_by(closed=False)

    query_class = OrderQuery
    id = db.Column(db.Integer, primary_key=True)


class Query2(db.Model):
    id = db.Column(db.Integer, primary_key=True)
`,
    });
    const symbolsOf = (category: string) => result.findings.filter((finding) => finding.category === category).map((finding) => finding.symbol).sort();
    assert.deepEqual(symbolsOf('manager'), ['shop/models.py:ActiveQuery', 'shop/models.py:Order.OrderQuery']);
    assert.deepEqual(symbolsOf('model'), ['shop/models.py:Order', 'shop/models.py:Query2']);
  });
});

describe('Django managers', () => {
  it('finds a manager a query set makes as a base, and one deriving from BaseUserManager as the docs import it', async () => {
    const result = await analyseFiles({
      'people/__init__.py': '',
      'people/models.py': `from django.contrib.auth.models import AbstractBaseUser, BaseUserManager
from django.db import models


class PersonQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class PersonManager(models.Manager.from_queryset(PersonQuerySet)):
    pass


class UserManager(BaseUserManager):
    def create_user(self, email, password=None):
        return self.model(email=email)


class Settings(dict.fromkeys(["a"]).__class__):
    pass


class Person(AbstractBaseUser):
    objects = UserManager()
    people = PersonManager()
`,
    });
    const managers = result.findings.filter((finding) => finding.category === 'manager').map((finding) => finding.symbol).sort();
    assert.deepEqual(managers, ['people/models.py:Person.objects', 'people/models.py:Person.people', 'people/models.py:PersonManager', 'people/models.py:PersonQuerySet', 'people/models.py:UserManager']);
  });
});

describe("Django's MIDDLEWARE setting", () => {
  it('makes middleware of the workspace classes and factories it names, through a package that imports them, whatever their shape', async () => {
    const result = await analyseFiles({
      'shop/__init__.py': '',
      'shop/common/__init__.py': '',
      'shop/common/middleware/__init__.py': 'from .domains import CsrfViewMiddleware\nfrom .timing import timing_middleware\n',
      'shop/common/middleware/domains.py': 'from django.middleware.csrf import CsrfViewMiddleware as BaseCsrfMiddleware\n\n\nclass CsrfViewMiddleware(BaseCsrfMiddleware):\n    def _reject(self, request, reason):\n        return None\n',
      'shop/common/middleware/timing.py': 'def timing_middleware(get_response):\n    def middleware(request):\n        return get_response(request)\n    return middleware\n\n\nNOT_LISTED = 1\n',
      'shop/settings.py': 'MIDDLEWARE = [\n    "django.middleware.security.SecurityMiddleware",\n    "shop.common.middleware.CsrfViewMiddleware",\n    "shop.common.middleware.timing_middleware",\n    "shop.common.middleware.timing.NOT_LISTED",\n]\n',
    });
    const listed = result.findings.filter((finding) => finding.category === 'middleware' && finding.details.kind !== 'order').map((finding) => `${finding.symbol} ${JSON.stringify(finding.details.registeredAt ?? [])}`);
    assert.deepEqual(listed.sort(), ['shop/common/middleware/domains.py:CsrfViewMiddleware ["shop/settings.py:1"]', 'shop/common/middleware/timing.py:timing_middleware []']);
  });
});
