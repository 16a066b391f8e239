import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readPrismaSchema } from '../../src/core/parse/prisma';
import { readSqlSchema } from '../../src/core/parse/sql';
import type { AnalysisResult } from '../../src/core/result';
import { analyzeFolder, updateFolder } from '../../src/node/analyzeFolder';
import { ROOT, SAMPLE, tempWorkspace } from '../helpers';

const GUIDE_ORDERS = `
CREATE TABLE orders (
    id SERIAL PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    status VARCHAR(16) NOT NULL DEFAULT 'pending',
    total INTEGER NOT NULL CHECK (total >= 0),
    created_at TIMESTAMP NOT NULL DEFAULT now()
);
CREATE INDEX idx_orders_user_created ON orders (user_id, created_at);
ALTER TABLE orders ADD COLUMN note TEXT;
ALTER TABLE orders ADD CONSTRAINT orders_note_unique UNIQUE (user_id, note);
DROP TABLE carts;
`;

/** The four kinds of insight the guide reads from a schema, for one entity. */
function insights(result: AnalysisResult, entityName: string) {
  const entity = result.dataModel.entities.find((candidate) => candidate.name === entityName);
  assert.ok(entity, `no entity ${entityName} in ${result.dataModel.entities.map((candidate) => candidate.name).join(', ')}`);
  return {
    entity,
    relationships: result.dataModel.relationships.filter((relation) => relation.from === entityName).map((relation) => `${relation.field} -> ${relation.to}`),
    rules: entity.rules.map((rule) => rule.text),
    hints: entity.hints.map((hint) => hint.text),
  };
}

describe('SQL schema files', () => {
  it('reads tables, columns, constraints, indexes and later changes, each at its line', () => {
    const { operations, unparsed } = readSqlSchema(GUIDE_ORDERS);
    assert.equal(unparsed, 0);
    assert.deepEqual(operations.map((operation) => `${operation.op}@${operation.line + 1}`), ['create-table@2', 'create-index@9', 'add-column@10', 'add-constraint@11', 'drop-table@12']);
    const table = operations[0];
    assert.ok(table?.op === 'create-table');
    const userId = table.columns.find((column) => column.name === 'user_id');
    assert.deepEqual(userId, { name: 'user_id', type: 'INTEGER', line: 3, notNull: true, references: { table: 'users', column: 'id', onDelete: 'CASCADE' } });
    assert.equal(table.columns.find((column) => column.name === 'status')?.default, "'pending'");
    assert.equal(table.columns.find((column) => column.name === 'total')?.check, 'total >= 0');
    assert.deepEqual(operations[1], { op: 'create-index', table: 'orders', line: 8, columns: ['user_id', 'created_at'], unique: false, name: 'idx_orders_user_created' });
  });

  it('keeps the statements it understands when others are in no grammar it knows', () => {
    const { operations, unparsed } = readSqlSchema(`${GUIDE_ORDERS}\nCOPY orders (id) FROM stdin;\n\\connect shop;\nCREATE TABLE users (id INTEGER PRIMARY KEY);\n`);
    assert.equal(unparsed, 2);
    assert.deepEqual(operations.filter((operation) => operation.op === 'create-table').map((operation) => `${operation.op === 'create-table' ? operation.table : ''}@${operation.line + 1}`), ['orders@2', 'users@16']);
  });

  it("reads a MySQL dump's tables, whose table options no grammar takes", () => {
    const dump = [
      'DROP TABLE IF EXISTS `article`;',
      '/*!40101 SET character_set_client = utf8 */;',
      'CREATE TABLE `article` (',
      '  `id` int(11) NOT NULL AUTO_INCREMENT,',
      '  `title` varchar(45) COLLATE utf8_unicode_ci NOT NULL,',
      '  PRIMARY KEY (`id`)',
      ') ENGINE=InnoDB AUTO_INCREMENT=7 DEFAULT CHARSET=utf8 COLLATE=utf8_unicode_ci;',
      'LOCK TABLES `article` WRITE;',
      '',
    ].join('\n');
    const { operations } = readSqlSchema(dump);
    const created = operations.find((operation) => operation.op === 'create-table');
    assert.equal(created?.op === 'create-table' ? `${created.table}@${created.line + 1}: ${created.columns.map((column) => column.name).join(', ')}` : '', 'article@3: id, title');
  });

  it("reads a MySQL table whose column and index options sql-parser-cst's grammar lacks (unsigned, a column's character set, USING BTREE, index names)", () => {
    const dump = [
      'CREATE TABLE `pms_brand`  (',
      '  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,',
      "  `name` varchar(64) CHARACTER SET utf8 COLLATE utf8_general_ci NULL DEFAULT NULL COMMENT 'name',",
      '  `sort` int(11) NULL DEFAULT NULL,',
      '  PRIMARY KEY (`id`) USING BTREE,',
      '  UNIQUE KEY `uk_name` (`name`),',
      '  KEY `idx_sort` (`sort`) USING BTREE',
      ") ENGINE = InnoDB AUTO_INCREMENT = 60 CHARACTER SET = utf8 COLLATE = utf8_general_ci COMMENT = 'brands' ROW_FORMAT = DYNAMIC;",
      '',
    ].join('\n');
    const { operations, unparsed } = readSqlSchema(dump);
    assert.equal(unparsed, 0);
    const created = operations.find((operation) => operation.op === 'create-table');
    assert.ok(created?.op === 'create-table');
    assert.deepEqual(created.columns.map((column) => column.name), ['id', 'name', 'sort']);
    assert.deepEqual(created.constraints.map((constraint) => `${constraint.kind}(${constraint.columns.join(',')})`).sort(), ['primary-key(id)', 'unique(name)']);
  });

  it('reads a SQLite table whose names are written in single quotes, which SQLite takes as identifiers', () => {
    const schema = [
      'DROP TABLE IF EXISTS note;',
      "CREATE TABLE IF NOT EXISTS 'note' (",
      '  id INTEGER PRIMARY KEY AUTOINCREMENT,',
      "  'text' TEXT NOT NULL,",
      "  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'sent'))",
      ');',
      '',
    ].join('\n');
    const { operations, unparsed } = readSqlSchema(schema);
    assert.equal(unparsed, 0);
    const created = operations.find((operation) => operation.op === 'create-table');
    assert.ok(created?.op === 'create-table');
    assert.equal(`${created.table}@${created.line + 1}`, 'note@2');
    assert.deepEqual(created.columns.map((column) => `${column.name}${column.notNull ? '!' : ''}`), ['id!', 'text!', 'state!']);
    assert.equal(created.columns.find((column) => column.name === 'state')?.default, "'draft'");
  });

  it("reads a dump's schema and leaves its rows unread, counting only schema statements", () => {
    const rows = Array.from({ length: 50 }, (_, row) => `INSERT INTO \`article\` VALUES (${row}, 'title ${row}; more');`);
    const dump = ['CREATE TABLE `article` (', '  `id` int(11) NOT NULL,', '  PRIMARY KEY (`id`)', ') ENGINE=InnoDB;', '/* rows */ REPLACE INTO `article` VALUES (0, \'x\');', ...rows, 'CREATE INDEX idx_title ON article (title);', ''].join('\n');
    const { operations, statements } = readSqlSchema(dump);
    assert.deepEqual(operations.map((operation) => `${operation.op}@${operation.line + 1}`), ['create-table@1', 'create-index@56']);
    assert.equal(statements, 2);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('', GUIDE_ORDERS), (noise, base) => {
        const cut = Math.floor(base.length / 2);
        const { operations, unparsed, statements } = readSqlSchema(base.slice(0, cut) + noise + base.slice(cut));
        assert.ok(unparsed <= statements && Array.isArray(operations));
      }),
      { numRuns: 60 },
    );
  });
});

describe('Prisma schemas', () => {
  it('reads models as tables: scalar fields, enums, the foreign key of a relation, @@index, @@map', () => {
    const operations = readPrismaSchema(`enum Role {
  ADMIN
  USER
}
model User {
  id    Int    @id
  role  Role   @default(USER)
  posts Post[]
  @@map("users")
}
model Post {
  id       Int    @id
  author   User   @relation(fields: [authorId], references: [id], onDelete: Cascade)
  authorId Int
  title    String?
  @@index([authorId, title])
}
`);
    assert.deepEqual(operations.map((operation) => `${operation.op} ${'table' in operation ? operation.table : ''}@${operation.line + 1}`), ['create-table users@5', 'create-table Post@11', 'create-index Post@16']);
    const post = operations[1];
    assert.ok(post?.op === 'create-table');
    assert.equal(post.entity, 'Post');
    assert.deepEqual(post.columns.map((column) => column.name), ['id', 'authorId', 'title']);
    assert.deepEqual(post.columns.find((column) => column.name === 'authorId')?.references, { table: 'users', column: 'id', onDelete: 'Cascade' });
    const users = operations[0];
    assert.ok(users?.op === 'create-table');
    assert.equal(users.columns.find((column) => column.name === 'role')?.choices, 'ADMIN, USER');
  });

  it('skips a file the Prisma parser refuses, with the reason', async () => {
    const workspace = tempWorkspace({ 'prisma/schema.prisma': 'model User {\n  id Int @id\n' });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      assert.ok(result.skipped.some((skip) => skip.path === 'prisma/schema.prisma' && /Prisma schema/.test(skip.reason)), JSON.stringify(result.skipped));
    } finally {
      workspace.cleanup();
    }
  });
});

describe('the data model', () => {
  it("reads the guide's orders table into its four kinds of insight", async () => {
    const { result } = await analyzeFolder(join(ROOT, 'test', 'fixtures', 'orders-schema'), { threads: 1 });
    const { entity, relationships, rules, hints } = insights(result, 'orders');
    assert.equal(entity.source, 'sql');
    assert.deepEqual(entity.columns.map((column) => column.name), ['id', 'user_id', 'status', 'total', 'created_at']);
    assert.deepEqual(relationships, ['user_id -> users']);
    assert.ok(rules.includes('an order must have a user_id'));
    assert.ok(rules.includes("an order's total must satisfy total >= 0"));
    assert.ok(rules.includes('a user cannot be deleted while orders refer to it'));
    assert.deepEqual(hints, ['frequent lookup by (user_id, created_at)']);
    assert.deepEqual(insights(result, 'order_items').rules.filter((rule) => rule.startsWith('no two')), ['no two order items have the same (order_id, product_id)']);
    assert.ok(result.skipped.some((skip) => skip.path === 'db/notes.sql' && /no SQL dialect/.test(skip.reason)));
    assert.ok(result.skipped.some((skip) => skip.path === 'db/schema.sql' && /not understood/.test(skip.reason)));
  });

  it('gives the sample service its orders entity with what its model and its migration state', async () => {
    const { result } = await analyzeFolder(SAMPLE, { threads: 1 });
    const { entity, relationships, rules, hints } = insights(result, 'OrderRecord');
    assert.equal(entity.table, 'orders');
    assert.deepEqual(relationships, ['user_id -> users']);
    assert.ok(rules.includes('an order record must have a user_id'));
    assert.ok(rules.includes("an order record's total must satisfy total >= 0"));
    assert.ok(hints.includes('frequent lookup by (user_id, created_at)'));
    // Told where the schema says it, not at the model's attribute.
    assert.equal(entity.rules.find((rule) => rule.kind === 'check')?.location.path, 'migrations/001_create_orders.sql');
  });

  it('reads Mongoose schemas and Sequelize models (define, Model.init, sequelize-cli factories) into entities, rules and relations', async () => {
    const workspace = tempWorkspace({
      'package.json': '{ "private": true, "dependencies": { "express": "^4", "mongoose": "^8", "sequelize": "^6" } }',
      // A class of the same name as a model: \`ref: 'Org'\` still names the model Mongoose registered.
      'src/domain/org.js': 'class Org {}\nmodule.exports = { Org };\n',
      'src/models/user.model.js': `const mongoose = require('mongoose');
const { Org } = require('../domain/org');
const userSchema = new mongoose.Schema(
  {
    email: { type: String, required: true, unique: true },
    role: { type: String, enum: ['user', 'admin'], default: 'user' },
    address: { city: String, zip: String },
    org: { type: mongoose.Schema.Types.ObjectId, ref: 'Org', required: [true, 'an org'] },
    tags: [{ type: mongoose.Schema.Types.ObjectId, ref: 'Tag' }],
    age: { type: Number, min: 0 },
  },
  { timestamps: true }
);
userSchema.index({ org: 1, createdAt: -1 });
const User = mongoose.model('User', userSchema);
module.exports = User;
`,
      'src/models/org.model.js': `const { Schema, model } = require('mongoose');
module.exports = model('Org', new Schema({ name: String }), 'organisations');
`,
      'src/db/invoice.ts': `import { DataTypes, Model } from 'sequelize';
export class Customer extends Model {}
Customer.init({ email: { type: DataTypes.STRING, allowNull: false, unique: true } }, { sequelize, tableName: 'customers' });
export class Invoice extends Model {}
Invoice.init(
  {
    total: { type: DataTypes.DECIMAL(10, 2), allowNull: false, validate: { min: 0 } },
    status: { type: DataTypes.ENUM('draft', 'paid'), defaultValue: 'draft' },
  },
  { sequelize, timestamps: false },
);
Invoice.belongsTo(Customer, { foreignKey: 'customerId', onDelete: 'CASCADE' });
Customer.hasMany(Invoice, { foreignKey: 'customerId' });
`,
      'src/db/models/author.js': `const { Model } = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class Author extends Model {
    static associate(models) {
      Author.hasMany(models.Post, { foreignKey: 'authorId', onDelete: 'CASCADE' });
    }
  }
  Author.init({ name: DataTypes.STRING }, { sequelize, modelName: 'Author' });
  return Author;
};
`,
      'src/db/models/instrument.model.js': `module.exports = (sequelize) => {
  sequelize.define('instrument', { purchaseDate: { allowNull: false, type: DataTypes.DATE } });
};
`,
      'src/db/models/post.js': `module.exports = (sequelize, DataTypes) => {
  const Post = sequelize.define('Post', { title: { type: DataTypes.STRING(120), allowNull: false } }, { freezeTableName: true });
  return Post;
};
`,
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      const user = insights(result, 'User');
      assert.equal(user.entity.table, 'users');
      assert.equal(user.entity.source, 'mongoose');
      assert.deepEqual(user.entity.columns.map((column) => column.name), ['_id', 'email', 'role', 'address.city', 'address.zip', 'org', 'tags', 'age', 'createdAt', 'updatedAt']);
      assert.deepEqual(user.relationships, ['org -> Org', 'tags -> Tag']);
      assert.ok(user.rules.includes('no two users have the same email'));
      assert.ok(user.rules.includes('a user must have an org'));
      assert.ok(user.rules.includes('a new user\'s role defaults to "user"'));
      assert.ok(user.rules.includes("a user's age must satisfy age >= 0"));
      assert.ok(user.hints.includes('frequent lookup by (org, createdAt)'));
      assert.equal(insights(result, 'Org').entity.table, 'organisations');
      const invoice = insights(result, 'Invoice');
      assert.equal(invoice.entity.table, 'Invoices');
      assert.deepEqual(invoice.entity.columns.map((column) => column.name), ['id', 'total', 'status', 'customerId']);
      assert.deepEqual(invoice.relationships, ['customerId -> Customer']);
      assert.ok(invoice.rules.includes("an invoice's total must satisfy total >= 0"));
      assert.ok(invoice.rules.includes('deleting a customer deletes its invoices'), invoice.rules.join(' | '));
      assert.equal(insights(result, 'Customer').entity.table, 'customers');
      const post = insights(result, 'Post');
      assert.equal(post.entity.table, 'Post');
      // sequelize-cli's `static associate(models)`: the key is on the post, the rule told in plain words.
      assert.deepEqual(post.relationships, ['authorId -> Author']);
      assert.ok(post.rules.includes('deleting an author deletes its posts'), post.rules.join(' | '));
      assert.deepEqual(insights(result, 'instrument').entity.table, 'instruments');
      assert.ok(insights(result, 'instrument').rules.includes('an instrument must have a purchaseDate'));
    } finally {
      workspace.cleanup();
    }
  });

  it('reads a Sequelize model whose Model.init a setup function of its module makes, called once the connection exists', async () => {
    const workspace = tempWorkspace({
      'package.json': '{ "private": true, "dependencies": { "sequelize": "^6" } }',
      'src/models/account.ts': `import { DataTypes, Model, type Sequelize } from 'sequelize';
class Account extends Model {
  declare email: string;
}
const initAccount = (sequelize: Sequelize) => {
  Account.init({ email: { type: DataTypes.STRING, allowNull: false, unique: true } }, { sequelize, tableName: 'accounts' });
};
export { Account as AccountModel, initAccount };
`,
      'src/models/ledger.ts': `import { DataTypes, Model, type Sequelize } from 'sequelize';
export class Ledger extends Model {}
export function initLedger(sequelize: Sequelize) {
  Ledger.init({ balance: { type: DataTypes.INTEGER, validate: { min: 0 } } }, { sequelize });
}
`,
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      const account = insights(result, 'Account');
      assert.equal(account.entity.table, 'accounts');
      assert.ok(account.rules.includes('no two accounts have the same email'), account.rules.join(' | '));
      const ledger = insights(result, 'Ledger');
      assert.equal(ledger.entity.table, 'Ledgers');
      assert.ok(ledger.entity.columns.some((column) => column.name === 'balance'));
    } finally {
      workspace.cleanup();
    }
  });

  it('reads peewee models into entities (fields, relations, Meta.table_name), a base that only sets the database being none', async () => {
    const workspace = tempWorkspace({
      'pyproject.toml': '[project]\nname = "blog"\ndependencies = ["peewee"]\n',
      'blog/models.py': `import peewee
from peewee import CharField, ForeignKeyField, Model

db = peewee.SqliteDatabase("blog.db")


class BaseModel(Model):
    class Meta:
        database = db


class Author(BaseModel):
    username = CharField(unique=True)

    class Meta:
        table_name = "authors"


class Entry(BaseModel):
    author = ForeignKeyField(Author, backref="entries")
    title = peewee.CharField()
    body = peewee.TextField(null=True)
`,
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      assert.deepEqual(result.findings.filter((finding) => finding.category === 'model').map((finding) => finding.symbol).sort(), ['blog/models.py:Author', 'blog/models.py:Entry']);
      const author = insights(result, 'Author');
      assert.equal(author.entity.table, 'authors');
      assert.deepEqual(author.entity.columns.map((column) => column.name), ['id', 'username']);
      const entry = insights(result, 'Entry');
      assert.equal(entry.entity.table, 'entry');
      assert.deepEqual(entry.entity.columns.map((column) => column.name), ['id', 'author', 'title', 'body']);
      assert.deepEqual(entry.relationships, ['author -> Author']);
    } finally {
      workspace.cleanup();
    }
  });

  it('reads Wagtail pages, inline children, settings and taggit through models as Django models, an abstract page base being none', async () => {
    const workspace = tempWorkspace({
      'pyproject.toml': '[project]\nname = "site"\ndependencies = ["wagtail"]\n',
      'pages/models.py': `from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page


class BasePage(Page):
    class Meta:
        abstract = True


class ArticlePage(BasePage):
    body = RichTextField(blank=True)


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(ArticlePage, related_name="tagged_items", on_delete=models.CASCADE)


class ArticleLink(Orderable):
    page = ParentalKey(ArticlePage, related_name="links", on_delete=models.CASCADE)
    url = models.URLField()


class Author(ClusterableModel):
    name = models.CharField(max_length=100)


@register_setting
class SocialSettings(BaseSiteSetting):
    handle = models.CharField(max_length=40)
`,
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      assert.deepEqual(result.findings.filter((finding) => finding.category === 'model').map((finding) => finding.symbol).sort(), [
        'pages/models.py:ArticleLink',
        'pages/models.py:ArticlePage',
        'pages/models.py:ArticleTag',
        'pages/models.py:Author',
        'pages/models.py:SocialSettings',
      ]);
      assert.deepEqual(insights(result, 'ArticleLink').relationships, ['page -> ArticlePage']);
      assert.deepEqual(insights(result, 'Author').entity.columns.map((column) => column.name).includes('name'), true);
    } finally {
      workspace.cleanup();
    }
  });

  it('reads Tortoise ORM models into entities (fields, relations, Meta.table, abstract bases), their managers and their signal receivers', async () => {
    const workspace = tempWorkspace({
      'pyproject.toml': '[project]\nname = "shop"\ndependencies = ["tortoise-orm"]\n',
      'shop/models.py': `from tortoise import fields
from tortoise.manager import Manager
from tortoise.models import Model
from tortoise.queryset import QuerySet


class ActiveQuerySet(QuerySet):
    def active(self):
        return self.filter(active=True)


class ActiveManager(Manager):
    def get_queryset(self):
        return ActiveQuerySet(self._model).filter(active=True)


class Timestamped(Model):
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Customer(Timestamped):
    email = fields.CharField(max_length=255, unique=True)
    active = fields.BooleanField(default=True)

    class Meta:
        table = "customers"
        manager = ActiveManager()


class Order(Timestamped):
    id = fields.IntField(primary_key=True)
    customer = fields.ForeignKeyField("models.Customer", related_name="orders", on_delete=fields.CASCADE)
    total = fields.DecimalField(max_digits=10, decimal_places=2)
`,
      'shop/signals.py': `from tortoise.signals import post_save

from shop.models import Order


@post_save(Order)
async def order_saved(sender, instance, created, using_db, update_fields):
    print(instance.id)
`,
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      const symbolsOf = (category: string) => result.findings.filter((finding) => finding.category === category).map((finding) => finding.symbol).sort();
      assert.deepEqual(symbolsOf('model'), ['shop/models.py:Customer', 'shop/models.py:Order']);
      assert.deepEqual(symbolsOf('manager'), ['shop/models.py:ActiveManager', 'shop/models.py:ActiveQuerySet']);
      assert.deepEqual(symbolsOf('receiver'), ['shop/signals.py:order_saved']);
      const customer = insights(result, 'Customer');
      assert.equal(customer.entity.table, 'customers');
      assert.deepEqual(customer.entity.columns.map((column) => column.name), ['id', 'created_at', 'email', 'active']);
      const order = insights(result, 'Order');
      assert.equal(order.entity.table, 'order');
      assert.deepEqual(order.relationships, ['customer -> Customer']);
      assert.ok(order.rules.includes('deleting a customer deletes its orders'), order.rules.join(' | '));
    } finally {
      workspace.cleanup();
    }
  });

  it('replays Django migrations into the tables they end on, for models no class defines any more', async () => {
    const workspace = tempWorkspace({
      'shop/__init__.py': '',
      'shop/migrations/__init__.py': '',
      'shop/migrations/0001_initial.py': `from django.db import migrations, models

class Migration(migrations.Migration):
    operations = [
        migrations.CreateModel(name="Cart", fields=[("id", models.AutoField(primary_key=True)), ("token", models.CharField(max_length=36, unique=True))]),
        migrations.CreateModel(name="Coupon", fields=[("id", models.AutoField(primary_key=True)), ("code", models.CharField(max_length=8))]),
    ]
`,
      'shop/migrations/0002_changes.py': `from django.db import migrations, models

class Migration(migrations.Migration):
    state_operations = [migrations.DeleteModel(name="Coupon")]
    operations = [
        migrations.RenameModel(old_name="Cart", new_name="Checkout"),
        migrations.AddField(model_name="checkout", name="email", field=models.EmailField(db_index=True)),
        migrations.RemoveField(model_name="checkout", name="token"),
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
    ]
`,
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      assert.deepEqual(result.dataModel.entities.map((entity) => `${entity.name} ${entity.table}: ${entity.columns.map((column) => column.name).join(', ')}`), ['Checkout shop_checkout: id, email']);
      assert.deepEqual(result.dataModel.entities[0]?.hints.map((hint) => hint.text), ['frequent lookup by email']);
    } finally {
      workspace.cleanup();
    }
  });

  it('does not warn about N+1 queries where the relation is loaded, not read, or only its id is read', async () => {
    const analysis = await analyzeFolder(join(ROOT, 'test', 'fixtures', 'django-shop'), { threads: 1 });
    const functions = analysis.definitionsIn('catalog/reports.py').filter((definition) => definition.kind === 'function');
    const warnedIn = new Set(
      analysis.result.queryWarnings.map((warning) => [...functions].reverse().find((definition) => definition.line <= warning.loop.line)?.name),
    );
    assert.deepEqual([...warnedIn].sort(), ['category_names', 'order_totals', 'tag_counts']);
    for (const name of ['category_names_selected', 'tag_counts_prefetched', 'category_ids', 'names_only', 'tag_totals', 'lines_prefetched_later', 'restock']) {
      assert.ok(functions.some((definition) => definition.name === name), name);
    }
    const fix = analysis.result.queryWarnings.find((warning) => warning.relation === 'Product.category');
    assert.equal(fix?.fix, 'select_related("category")');
    assert.deepEqual(fix?.insertAt, { line: 8, character: 84 });
  });

  it('keeps the entities through an edit of code with query loops, and the warnings through an edit of a migration', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'archtrace-test-'));
    cpSync(join(ROOT, 'test', 'fixtures', 'django-shop'), copy, { recursive: true });
    try {
      const before = await analyzeFolder(copy, { threads: 1 });
      const append = (path: string) => {
        writeFileSync(join(copy, path), `${readFileSync(join(copy, path), 'utf8')}\n\ndef appended():\n    return 1\n`);
        return join(copy, path);
      };
      const afterReports = await updateFolder(before, [append('catalog/reports.py')]);
      assert.equal(afterReports.result.dataModel, before.result.dataModel, 'entities kept as they were');
      assert.deepEqual(afterReports.result.queryWarnings, before.result.queryWarnings);
      const afterMigration = await updateFolder(afterReports, [append('catalog/migrations/0001_initial.py')]);
      assert.equal(afterMigration.result.queryWarnings, afterReports.result.queryWarnings, 'warnings kept as they were');
      assert.deepEqual(afterMigration.result.dataModel, afterReports.result.dataModel);
      // A reverse relation renamed (`related_name`): the warning of a loop that reads the old name
      // goes, though neither the loop's file nor any name it looks up changed.
      const reports = join(copy, 'catalog', 'reports.py');
      writeFileSync(reports, `${readFileSync(reports, 'utf8')}\n\nfrom .models import Category\n\n\ndef product_counts():\n    return [category.products.count() for category in Category.objects.all()]\n`);
      const withLoop = await updateFolder(afterMigration, [reports]);
      assert.ok(withLoop.result.queryWarnings.some((warning) => warning.relation === 'Category.products'));
      const models = join(copy, 'catalog', 'models.py');
      writeFileSync(models, readFileSync(models, 'utf8').replace('related_name="products"', 'related_name="goods"'));
      const afterModels = await updateFolder(withLoop, [models]);
      assert.deepEqual(afterModels.result.queryWarnings, (await analyzeFolder(copy, { threads: 1 })).result.queryWarnings);
      assert.ok(!afterModels.result.queryWarnings.some((warning) => warning.relation === 'Category.products'));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it("names a Knex migration's table by the constant it is given, declared in another package of the workspace", async () => {
    const workspace = tempWorkspace({
      'package.json': JSON.stringify({ name: 'notes', private: true, workspaces: ['database', 'backend'] }),
      'database/package.json': JSON.stringify({ name: '@notes/database', main: 'src/index.ts' }),
      'database/src/index.ts': "export const TableUser = 'user';\nexport const TableNote = 'note';\n",
      'backend/package.json': JSON.stringify({ name: '@notes/backend', dependencies: { knex: '^3.0.0', '@notes/database': '*' } }),
      'backend/src/migrations/20250101_initial.js': `const { TableUser, TableNote } = require('@notes/database');
exports.up = async function (knex) {
  await knex.schema.createTable(TableUser, (table) => { table.increments('id'); });
  await knex.schema.createTable(TableNote, (table) => { table.increments('id'); });
};
`,
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      assert.deepEqual(result.dataModel.entities.map((entity) => entity.table).sort(), ['note', 'user']);
    } finally {
      workspace.cleanup();
    }
  });

  it("reads the tables Sequelize migrations create through the query interface, with their columns", async () => {
    const workspace = tempWorkspace({
      'package.json': JSON.stringify({ name: 'shop', private: true, dependencies: { sequelize: '^6.0.0' } }),
      // sequelize-cli's migration: the query interface is `up`'s first parameter.
      'migrations/20240101-create-user.js': `'use strict';
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable('Users', {
      id: { type: Sequelize.INTEGER, primaryKey: true, autoIncrement: true, allowNull: false },
      email: { type: Sequelize.STRING, unique: true, allowNull: false },
      name: Sequelize.STRING,
    });
  },
  async down(queryInterface) {
    await queryInterface.dropTable('Users');
  },
};
`,
      // Umzug's: the instance asked for it.
      'migrations/20240102-roles.ts': `import type { Migration } from '../umzug';
export const up: Migration = async ({ context: sequelize }) => {
  await sequelize.getQueryInterface().createTable('roles', { id: { type: DataTypes.INTEGER, primaryKey: true } });
};
`,
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      const tables = result.dataModel.entities.map((entity) => `${entity.table}: ${entity.columns.map((column) => `${column.name}${column.primaryKey ? ' (key)' : ''}${column.unique ? ' (unique)' : ''}`).join(', ')}`).sort();
      assert.deepEqual(tables, ['Users: id (key), email (unique), name', 'roles: id (key)']);
    } finally {
      workspace.cleanup();
    }
  });

  it('gives what a fresh analysis gives as schema histories are edited, replayed in the order of their names', async () => {
    const migration = (operations: string) => `from django.db import migrations, models\n\nclass Migration(migrations.Migration):\n    operations = [\n${operations}    ]\n`;
    const kysely = (statement: string) => `import { Kysely } from 'kysely';\n\nexport async function up(db: Kysely<unknown>): Promise<void> {\n  await ${statement}.execute();\n}\n`;
    const workspace = tempWorkspace({
      'shop/__init__.py': '',
      'shop/migrations/__init__.py': '',
      // Named after the one it follows: 0002 must be replayed after 0001 whatever order the files are found in.
      'shop/migrations/0002_email.py': migration('        migrations.AddField(model_name="cart", name="email", field=models.EmailField(db_index=True)),\n'),
      'shop/migrations/0001_initial.py': migration('        migrations.CreateModel(name="Cart", fields=[("id", models.AutoField(primary_key=True)), ("token", models.CharField(max_length=36))]),\n'),
      'shop/views.py': 'def home():\n    return 1\n',
      'db/migrations/2024_02_ledger.ts': kysely("db.schema.createTable('ledger').addColumn('id', 'serial', (col) => col.primaryKey())"),
      'db/migrations/2024_01_person.ts': kysely("db.schema.createTable('person').addColumn('id', 'serial', (col) => col.primaryKey()).addColumn('email', 'text')"),
    });
    try {
      let analysis = await analyzeFolder(workspace.root, { threads: 1 });
      const tables = (result: AnalysisResult) => result.dataModel.entities.map((entity) => `${entity.table}: ${entity.columns.map((column) => column.name).join(', ')}`).sort();
      assert.deepEqual(tables(analysis.result), ['ledger: id', 'person: id, email', 'shop_cart: id, token, email']);
      const edits: [string, string][] = [
        // Neither a migration nor a model: the data model is the one kept.
        ['shop/views.py', 'def home():\n    return 2\n'],
        ['shop/migrations/0002_email.py', migration('        migrations.AddField(model_name="cart", name="phone", field=models.CharField(max_length=20)),\n')],
        ['shop/migrations/0001_initial.py', `# moved\n${migration('        migrations.CreateModel(name="Cart", fields=[("id", models.AutoField(primary_key=True))]),\n')}`],
        // No migration any more, then one again.
        ['shop/migrations/0002_email.py', 'VALUE = 1\n'],
        ['shop/migrations/0002_email.py', migration('        migrations.AddField(model_name="cart", name="email", field=models.EmailField()),\n')],
        ['db/migrations/2024_01_person.ts', kysely("db.schema.createTable('person').addColumn('id', 'serial', (col) => col.primaryKey())")],
        ['db/migrations/2024_02_ledger.ts', 'export const unused = 1;\n'],
      ];
      for (const [path, text] of edits) {
        const before = analysis.result.dataModel;
        writeFileSync(join(workspace.root, path), text);
        analysis = await updateFolder(analysis, [join(workspace.root, path)], { threads: 1 });
        assert.deepEqual(analysis.result.dataModel, (await analyzeFolder(workspace.root, { threads: 1 })).result.dataModel, `after editing ${path}`);
        if (path === 'shop/views.py') assert.equal(analysis.result.dataModel, before, 'kept as it was');
      }
      assert.deepEqual(tables(analysis.result), ['person: id', 'shop_cart: id, email']);
    } finally {
      workspace.cleanup();
    }
  });

  it('reads JPA entities (mapped superclass, columns, relations, indexes, Bean Validation), Spring Data documents and the query methods of its repositories, and GORM and xorm structs by their tags', async () => {
    const workspace = tempWorkspace({
      'pom.xml': '<project><artifactId>shop</artifactId></project>',
      'src/main/java/com/acme/model/BaseEntity.java': `package com.acme.model;
import jakarta.persistence.*;
@MappedSuperclass
public class BaseEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    protected Integer id;
}
`,
      'src/main/java/com/acme/model/Owner.java': `package com.acme.model;
import jakarta.persistence.*;
import jakarta.validation.constraints.NotBlank;
import java.util.Set;
@Entity
@Table(name = "owners", indexes = { @Index(name = "idx_owner_last", columnList = "last_name") })
public class Owner extends BaseEntity {
    private static final long serialVersionUID = 1L;
    @Column(name = "last_name", length = 30, nullable = false)
    @NotBlank
    private String lastName;
    @Column(unique = true)
    private String email;
    @OneToMany(mappedBy = "owner", cascade = CascadeType.ALL, orphanRemoval = true)
    private Set<Pet> pets;
    @Transient
    private String display;
}
`,
      'src/main/java/com/acme/model/Pet.java': `package com.acme.model;
import jakarta.persistence.*;
@Entity
@Table(name = "pets")
public class Pet extends BaseEntity {
    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id")
    private Owner owner;
}
`,
      'src/main/java/com/acme/portal/ReadHistory.java': `package com.acme.portal;
import org.springframework.data.mongodb.core.mapping.Document;
@Document(collection = "read_history")
public class ReadHistory {
    private String id;
    private Long memberId;
}
`,
      'src/main/java/com/acme/repository/OwnerRepository.java': `package com.acme.repository;
import com.acme.model.Owner;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
public interface OwnerRepository extends JpaRepository<Owner, Integer> {
    List<Owner> findByLastNameStartingWith(String lastName);
    long countByEmail(String email);
    @Query("select o from Owner o where o.email like %?1")
    List<Owner> byDomain(String domain);
    List<Owner> findAll();
    default Owner firstOrNull() { return null; }
}
`,
      'go.mod': 'module example.com/shop\n\ngo 1.22\n',
      'internal/model/order.go': `package model

import "gorm.io/gorm"

type Customer struct {
	gorm.Model
	Email string \`gorm:"uniqueIndex;not null"\`
}

type OrderLine struct {
	ID         uint     \`gorm:"primaryKey"\`
	CustomerID uint
	Customer   Customer
	Note       string   \`gorm:"-"\`
}
`,
      'internal/entity/answer.go': `package entity

type Answer struct {
	ID         string \`xorm:"not null pk autoincr BIGINT(20) id"\`
	QuestionID string \`xorm:"not null default 0 BIGINT(20) INDEX question_id"\`
	Content    string \`xorm:"not null MEDIUMTEXT original_text"\`
}
`,
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      const entity = (name: string) => result.dataModel.entities.find((candidate) => candidate.name === name);
      const columns = (name: string) => entity(name)?.columns.map((column) => `${column.name}${column.primaryKey ? ' pk' : ''}${column.nullable ? '' : ' required'}${column.unique ? ' unique' : ''}`);
      assert.equal(entity('Owner')?.table, 'owners');
      assert.deepEqual(columns('Owner')?.sort(), ['email unique', 'id pk required', 'last_name required']);
      assert.equal(entity('Owner')?.columns.find((column) => column.name === 'last_name')?.type, 'String(30)');
      assert.ok(entity('Owner')?.hints.some((hint) => JSON.stringify(hint).includes('last_name')), JSON.stringify(entity('Owner')?.hints));
      assert.ok(result.dataModel.relationships.some((relation) => relation.from === 'Pet' && relation.to === 'Owner' && relation.field === 'owner_id' && relation.required && relation.cardinality === 'many-to-one'));
      assert.equal(entity('BaseEntity'), undefined);
      assert.equal(entity('ReadHistory')?.table, 'read_history');
      assert.equal(entity('Customer')?.table, 'customers');
      assert.deepEqual(columns('Customer')?.sort(), ['created_at required', 'deleted_at', 'email required unique', 'id pk required', 'updated_at required']);
      assert.equal(entity('OrderLine')?.table, 'order_lines');
      assert.ok(result.dataModel.relationships.some((relation) => relation.from === 'OrderLine' && relation.to === 'Customer' && relation.field === 'customer_id'));
      assert.ok(!entity('OrderLine')?.columns.some((column) => column.name === 'note'));
      const repository = result.findings.find((finding) => finding.category === 'repository' && finding.symbol.endsWith(':OwnerRepository'));
      assert.equal(repository?.details['implementedBy'], 'spring');
      assert.deepEqual(repository?.details['derivedQueries'], ['findByLastNameStartingWith', 'countByEmail']);
      assert.deepEqual(repository?.details['declaredQueries'], ['byDomain']);
      assert.equal(entity('Answer')?.table, 'answer');
      assert.deepEqual(entity('Answer')?.columns.map((column) => `${column.name} ${column.type}${column.primaryKey ? ' pk' : ''}`), ['id BIGINT(20) pk', 'question_id BIGINT(20)', 'original_text MEDIUMTEXT']);
    } finally {
      workspace.cleanup();
    }
  });

  it('finds Java and Go repositories by the database handles their methods go through (fields of fields included), not by their names alone', async () => {
    const workspace = tempWorkspace({
      'pom.xml': '<project><artifactId>shop</artifactId></project>',
      'src/main/java/com/acme/repository/jdbc/JdbcOwnerRepositoryImpl.java': `package com.acme.repository.jdbc;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
public class JdbcOwnerRepositoryImpl {
    private NamedParameterJdbcTemplate namedParameterJdbcTemplate;
    public Object findById(int id) { return namedParameterJdbcTemplate.queryForObject("select * from owners where id = :id", id); }
    public void save(Object owner) { this.namedParameterJdbcTemplate.update("insert into owners ...", owner); }
}
`,
      'src/main/java/com/acme/repository/springdatajpa/SpringDataPetRepositoryImpl.java': `package com.acme.repository.springdatajpa;
import jakarta.persistence.EntityManager;
public class SpringDataPetRepositoryImpl implements PetRepositoryOverride {
    private EntityManager em;
    public void delete(Object pet) { this.em.remove(pet); }
}
`,
      'src/main/java/com/acme/service/OwnerCache.java': `package com.acme.service;
public class OwnerCache {
    private java.util.Map<Integer, Object> cache;
    public Object find(int id) { return cache.get(id); }
    public void update(Object owner) { cache.put(1, owner); }
}
`,
      'go.mod': 'module example.com/answer\n\ngo 1.22\n',
      'internal/base/data/data.go': `package data

import "xorm.io/xorm"

type Data struct {
	DB *xorm.Engine
}
`,
      'internal/repo/answer/answer_repo.go': `package answer

import (
	"context"
	"example.com/answer/internal/base/data"
)

type answerRepo struct {
	data *data.Data
}

func (ar *answerRepo) AddAnswer(ctx context.Context, answer *Answer) error {
	_, err := ar.data.DB.Context(ctx).Insert(answer)
	return err
}

func (ar *answerRepo) GetAnswer(ctx context.Context, id string) (*Answer, error) {
	answer := &Answer{}
	_, err := ar.data.DB.Context(ctx).Where("id = ?", id).Get(answer)
	return answer, err
}
`,
      'internal/repository/mysql/article.go': `package mysql

import (
	"context"
	"database/sql"
)

type ArticleRepository struct {
	Conn *sql.DB
}

func (m *ArticleRepository) fetch(ctx context.Context, query string) error {
	rows, err := m.Conn.QueryContext(ctx, query)
	_ = rows
	return err
}

func (m *ArticleRepository) Store(ctx context.Context, title string) error {
	stmt, err := m.Conn.PrepareContext(ctx, "INSERT article SET title=?")
	_ = stmt
	return err
}
`,
      // A connection holder embedded: its fields are promoted (r.Pool), and the holder itself calls nothing.
      'pkg/postgres/postgres.go': `package postgres

import "github.com/jackc/pgx/v5/pgxpool"

type Postgres struct {
	Pool *pgxpool.Pool
}
`,
      'internal/repo/persistent/task.go': `package persistent

import (
	"context"

	"example.com/answer/pkg/postgres"
)

type Repo struct {
	*postgres.Postgres
}

func (r *Repo) Store(ctx context.Context, title string) error {
	_, err := r.Pool.Exec(ctx, "INSERT INTO tasks (title) VALUES ($1)", title)
	return err
}

func (r *Repo) Count(ctx context.Context) (n int, err error) {
	err = r.Pool.QueryRow(ctx, "SELECT count(*) FROM tasks").Scan(&n)
	return n, err
}
`,
      // Embeds something that holds no database handle.
      'internal/cache/tasks.go': `package cache

import (
	"context"
	"sync"
)

type Tasks struct {
	sync.Mutex
	Pool map[string]string
}

func (t *Tasks) Store(ctx context.Context, title string) { t.Pool[title] = title }
func (t *Tasks) Exec(ctx context.Context) { t.Lock() }
`,
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      const repositories = result.findings.filter((finding) => finding.category === 'repository').map((finding) => finding.symbol).sort();
      assert.deepEqual(repositories, [
        'internal/repo/answer/answer_repo.go:answerRepo',
        'internal/repo/persistent/task.go:Repo',
        'internal/repository/mysql/article.go:ArticleRepository',
        'src/main/java/com/acme/repository/jdbc/JdbcOwnerRepositoryImpl.java:JdbcOwnerRepositoryImpl',
        'src/main/java/com/acme/repository/springdatajpa/SpringDataPetRepositoryImpl.java:SpringDataPetRepositoryImpl',
      ]);
    } finally {
      workspace.cleanup();
    }
  });

  it("takes the struct a Go repository both takes and returns for its table's rows, named in the singular of the table", async () => {
    const workspace = tempWorkspace({
      'go.mod': 'module example.com/library\n\ngo 1.22\n',
      'migrations/0001_create_books.up.sql': 'CREATE TABLE books (\n    id UUID PRIMARY KEY,\n    title VARCHAR(255) NOT NULL\n);\n',
      'internal/entity/book.go': 'package entity\n\ntype Book struct {\n\tID    string `json:"id"`\n\tTitle string `json:"title"`\n}\n\n// Page is what a listing answers, never stored.\ntype Page struct {\n\tItems []Book\n}\n',
      'internal/repo/book.go': `package repo

import (
	"context"
	"database/sql"
	"example.com/library/internal/entity"
)

type BookRepo struct {
	db *sql.DB
}

func (r *BookRepo) Store(ctx context.Context, book *entity.Book) error {
	_, err := r.db.ExecContext(ctx, "INSERT INTO books (id, title) VALUES ($1, $2)", book.ID, book.Title)
	return err
}

func (r *BookRepo) GetByID(ctx context.Context, id string) (entity.Book, error) {
	var book entity.Book
	err := r.db.QueryRowContext(ctx, "SELECT id, title FROM books WHERE id = $1", id).Scan(&book.ID, &book.Title)
	return book, err
}

func (r *BookRepo) List(ctx context.Context, page entity.Page) ([]entity.Book, error) {
	_, err := r.db.QueryContext(ctx, "SELECT id, title FROM books")
	return nil, err
}
`,
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      assert.deepEqual(result.dataModel.entities.map((entity) => `${entity.name} ${entity.table}: ${entity.columns.map((column) => column.name).join(', ')}`), ['Book books: ID, Title']);
    } finally {
      workspace.cleanup();
    }
  });

  it('reads the schema a Go program holds in strings and runs itself, each statement at its line, and not its tests\' fixture tables', async () => {
    const workspace = tempWorkspace({
      'go.mod': 'module example.com/reader\n\ngo 1.22\n',
      'internal/database/fixture_test.go': 'package database\n\nfunc setup(tx *sql.Tx) { tx.Exec(`CREATE TABLE ghosts (id int)`) }\n',
      'internal/database/migrations.go': `package database

import "database/sql"

var migrations = [...]func(tx *sql.Tx) error{
	func(tx *sql.Tx) (err error) {
		sql := \`
			CREATE TABLE users (
				id SERIAL,
				username text not null unique,
				PRIMARY KEY (id)
			);
		\`
		_, err = tx.Exec(sql)
		return err
	},
	func(tx *sql.Tx) (err error) {
		_, err = tx.Exec("ALTER TABLE users ADD COLUMN theme text default 'light'")
		return err
	},
	func(tx *sql.Tx) (err error) {
		_, err = tx.Exec(\`SELECT 1; -- CREATE TABLE ghosts (id int)\`)
		return err
	},
}
`,
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      assert.deepEqual(result.dataModel.entities.map((entity) => `${entity.table}: ${entity.columns.map((column) => column.name).join(', ')}`), ['users: id, username, theme']);
      const users = result.dataModel.entities[0];
      // CREATE TABLE's line in the file (0-based, as every location), not in the string.
      assert.deepEqual(users?.location, { path: 'internal/database/migrations.go', line: 7 });
    } finally {
      workspace.cleanup();
    }
  });

  it("finds a Go repository written over the workspace's own adapter of a driver's handle, and takes the adapter for the handle, not a repository", async () => {
    const workspace = tempWorkspace({
      'go.mod': 'module example.com/notes\n\ngo 1.22\n',
      'mongo/mongo.go': `package mongo

import (
	"context"
	"go.mongodb.org/mongo-driver/mongo"
)

type Database interface {
	Collection(name string) Collection
	Drop(ctx context.Context) error
}

type Collection interface {
	InsertOne(ctx context.Context, document interface{}) (interface{}, error)
	Find(ctx context.Context, filter interface{}) (*mongo.Cursor, error)
}

type mongoDatabase struct{ db *mongo.Database }

type mongoCollection struct{ coll *mongo.Collection }

func (d *mongoDatabase) Collection(name string) Collection { return &mongoCollection{coll: d.db.Collection(name)} }

func (d *mongoDatabase) Drop(ctx context.Context) error { return d.db.Drop(ctx) }

func (c *mongoCollection) InsertOne(ctx context.Context, document interface{}) (interface{}, error) {
	return c.coll.InsertOne(ctx, document)
}

func (c *mongoCollection) Find(ctx context.Context, filter interface{}) (*mongo.Cursor, error) {
	return c.coll.Find(ctx, filter)
}
`,
      'domain/note.go': 'package domain\n\ntype Note struct {\n\tID    string `bson:"_id"`\n\tTitle string `bson:"title"`\n}\n',
      'store/note.go': `package store

import (
	"context"
	"example.com/notes/domain"
	"example.com/notes/mongo"
)

type noteStore struct {
	database   mongo.Database
	collection string
}

func (s *noteStore) Add(ctx context.Context, note *domain.Note) error {
	collection := s.database.Collection(s.collection)
	_, err := collection.InsertOne(ctx, note)
	return err
}

func (s *noteStore) All(ctx context.Context) ([]domain.Note, error) {
	collection := s.database.Collection(s.collection)
	_, err := collection.Find(ctx, nil)
	return nil, err
}
`,
    });
    try {
      const { result } = await analyzeFolder(workspace.root, { threads: 1 });
      assert.deepEqual(result.findings.filter((finding) => finding.category === 'repository').map((finding) => finding.symbol), ['store/note.go:noteStore']);
      assert.deepEqual(result.dataModel.entities.map((entity) => entity.name), ['Note']);
    } finally {
      workspace.cleanup();
    }
  });
});
