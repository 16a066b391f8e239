import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseFiles, testScanner } from '../helpers';

async function repositoriesOf(files: Record<string, string>): Promise<Record<string, string>> {
  const result = await analyseFiles(files);
  return Object.fromEntries(result.findings.filter((finding) => finding.category === 'repository').map((finding) => [finding.symbol, String(finding.details.reason ?? finding.details.rule)]));
}

describe('data-access classes in TypeScript and JavaScript', () => {
  it('finds a class by the database client it holds and reads and writes through, not by its name', async () => {
    const found = await repositoriesOf({
      'src/prisma/prisma.service.ts': [
        "import { Injectable, OnModuleInit } from '@nestjs/common';",
        "import { PrismaClient } from '@prisma/client';",
        '@Injectable()',
        'export class PrismaService extends PrismaClient implements OnModuleInit {',
        '  async onModuleInit() { await this.$connect(); }',
        '}',
      ].join('\n'),
      'src/tags/tag.service.ts': [
        "import { PrismaService } from '../prisma/prisma.service';",
        'export class TagService {',
        '  constructor(private readonly prismaService: PrismaService) {}',
        '  tags() { return this.prismaService.tag.findMany(); }',
        '  createTag(data: { name: string }) { return this.prismaService.tag.create({ data }); }',
        '}',
      ].join('\n'),
      // Reaches data too, but coordinates another service of the workspace: an application service.
      'src/mail/mailer.service.ts': 'export class MailerService {\n  send(to: string) { return to; }\n}\n',
      'src/users/user.service.ts': [
        "import { PrismaService } from '../prisma/prisma.service';",
        "import { MailerService } from '../mail/mailer.service';",
        'export class UserService {',
        '  constructor(private readonly prismaService: PrismaService, private readonly mailer: MailerService) {}',
        '  async signUp(email: string) { const user = await this.prismaService.user.create({ data: { email } }); this.mailer.send(email); return user; }',
        '  user(id: string) { return this.prismaService.user.findUnique({ where: { id } }); }',
        '}',
      ].join('\n'),
      // A cache holds a client too, of no database.
      'src/cache/cache.service.ts': [
        "import Redis from 'ioredis';",
        'export class CacheService {',
        '  constructor(private readonly redis: Redis) {}',
        '  get(key: string) { return this.redis.get(key); }',
        '  set(key: string, value: string) { return this.redis.set(key, value); }',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(Object.keys(found).sort(), ['src/tags/tag.service.ts:TagService']);
    assert.match(found['src/tags/tag.service.ts:TagService'] ?? '', /2 methods reach the database/);
  });

  it('reads a client through a typed local and an injected ORM repository', async () => {
    const found = await repositoriesOf({
      'src/audit.ts': [
        "import { EntityManager } from '@mikro-orm/core';",
        'export class AuditTrail {',
        '  constructor(private readonly container: { manager: unknown }) {}',
        '  protected activeManager<T>(): T { return this.container.manager as T; }',
        '  entries() { const manager = this.activeManager<EntityManager>(); return manager.find(\'AuditEntry\', {}); }',
        '  record(entry: object) { const manager = this.activeManager<EntityManager>(); return manager.persistAndFlush(entry); }',
        '}',
      ].join('\n'),
      'src/orders.ts': [
        "import { Repository } from 'typeorm';",
        "import { InjectRepository } from '@nestjs/typeorm';",
        'class Order { id!: number; }',
        'export class OrderStore {',
        '  constructor(@InjectRepository(Order) private readonly orders: Repository<Order>) {}',
        '  byId(id: number) { return this.orders.findOneBy({ id }); }',
        '  save(order: Order) { return this.orders.save(order); }',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(Object.keys(found).sort(), ['src/audit.ts:AuditTrail', 'src/orders.ts:OrderStore']);
  });

  it('reads a client through a type alias of its type, written in another file (`type KyselyDB = Kysely<DB>`)', async () => {
    const found = await repositoriesOf({
      'src/database/types/kysely.types.ts': ["import { Kysely } from 'kysely';", "import { DB } from './db';", 'export type KyselyDB = Kysely<DB>;', "export type Label = 'a' | 'b';"].join('\n'),
      'src/database/repos/comment.repo.ts': [
        "import { KyselyDB, Label } from '../types/kysely.types';",
        'export class CommentRepo {',
        '  constructor(private readonly db: KyselyDB) {}',
        "  findById(id: string) { return this.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst(); }",
        "  remove(id: string) { return this.db.deleteFrom('comments').where('id', '=', id).execute(); }",
        '}',
        'export class Labels {',
        '  constructor(private readonly label: Label) {}',
        '  first() { return this.label.at(0); }',
        '  last() { return this.label.at(-1); }',
        '}',
      ].join('\n'),
    });
    assert.deepEqual(Object.keys(found), ['src/database/repos/comment.repo.ts:CommentRepo']);
  });

  it('keeps the value of a name a file also gives a type alias (`const User = z.object(...)`, `type User = z.infer<typeof User>`)', async () => {
    const facts = await testScanner().scan({ path: 'src/user.ts', language: 'typescript' }, "import { z } from 'zod';\nexport const User = z.object({ id: z.string() });\nexport type User = z.infer<typeof User>;\nexport type Db = Kysely<Tables>;\n");
    assert.deepEqual(facts.symbols.map((symbol) => `${symbol.name} ${symbol.kind} ${symbol.alias ?? symbol.value?.callee ?? ''}`), ['User variable z.object', 'Db variable Kysely']);
  });

  it('finds the classes a repository factory makes, through a namespace re-export', async () => {
    const found = await repositoriesOf({
      'packages/utils/package.json': JSON.stringify({ name: '@shop/utils', main: 'src/index.ts' }),
      'packages/utils/src/index.ts': "export * as DAL from './dal';\n",
      'packages/utils/src/dal/index.ts': "export * from './base-repository';\n",
      'packages/utils/src/dal/base-repository.ts': [
        "import { EntityManager } from '@mikro-orm/core';",
        'export class BaseRepository<T extends object> {',
        '  constructor(private readonly manager: EntityManager) {}',
        '  find(where: object) { return this.manager.find(this.constructor.name, where); }',
        '  create(data: T) { return this.manager.persist(data); }',
        '}',
        'export function repositoryFactory<T extends object>(entity: unknown): { new (manager: EntityManager): BaseRepository<T> } {',
        '  class Repository_ extends BaseRepository<T> {',
        '    entity = entity;',
        '  }',
        '  return Repository_ as unknown as { new (manager: EntityManager): BaseRepository<T> };',
        '}',
      ].join('\n'),
      'packages/orders/package.json': JSON.stringify({ name: '@shop/orders', main: 'src/index.ts' }),
      'packages/orders/src/order-store.ts': [
        "import { DAL } from '@shop/utils';",
        'class Order { id!: string; }',
        'export class OrderStore extends DAL.repositoryFactory<Order>(Order) {}',
      ].join('\n'),
    });
    assert.deepEqual(Object.keys(found).sort(), ['packages/orders/src/order-store.ts:OrderStore', 'packages/utils/src/dal/base-repository.ts:BaseRepository']);
    assert.match(found['packages/orders/src/order-store.ts:OrderStore'] ?? '', /derives from packages\/utils\/src\/dal\/base-repository.ts:BaseRepository/);
  });
});

describe('data-access types in Go', () => {
  it('finds a type that reads and writes Firestore documents through the references its own methods hand out', async () => {
    const found = await repositoriesOf({
      'go.mod': 'module example.com/users\n\ngo 1.22\n',
      'store.go': [
        'package users',
        '',
        'import (',
        '\t"context"',
        '',
        '\t"cloud.google.com/go/firestore"',
        ')',
        '',
        'type store struct {',
        '\tclient *firestore.Client',
        '}',
        '',
        'func (s store) users() *firestore.CollectionRef { return s.client.Collection("users") }',
        '',
        'func (s store) Get(ctx context.Context, id string) (*firestore.DocumentSnapshot, error) {',
        '\treturn s.users().Doc(id).Get(ctx)',
        '}',
        '',
        'func (s store) Rename(ctx context.Context, id, name string) error {',
        '\t_, err := s.users().Doc(id).Set(ctx, map[string]string{"name": name})',
        '\treturn err',
        '}',
      ].join('\n'),
      // Holds the client's configuration only: it reads no document.
      'settings.go': ['package users', '', 'import "cloud.google.com/go/firestore"', '', 'type settings struct{ client *firestore.Client }', '', 'func (s settings) Project() string { return "p" }', ''].join('\n'),
    });
    assert.deepEqual(Object.keys(found), ['store.go:store']);
  });
});

describe('MyBatis mapper interfaces in Java', () => {
  it('reads the packages @MapperScan names as Spring scans them: several in one string, and Ant-style patterns', async () => {
    const scanning = (value: string) => [
      'package com.shop.config;',
      'import org.mybatis.spring.annotation.MapperScan;',
      'import org.springframework.context.annotation.Configuration;',
      '@Configuration',
      `@MapperScan(${value})`,
      'public class PersistenceConfig {}',
    ].join('\n');
    const mappers = {
      'billing/src/main/java/com/shop/billing/mapper/InvoiceMapper.java': 'package com.shop.billing.mapper;\npublic interface InvoiceMapper {\n  Invoice selectById(Long id);\n}\n',
      'catalog/src/main/java/com/shop/catalog/mapper/product/ProductMapper.java': 'package com.shop.catalog.mapper.product;\npublic interface ProductMapper {\n  int insert(Product product);\n}\n',
      // Outside every pattern: not a mapper.
      'catalog/src/main/java/com/shop/catalog/service/PriceCalculator.java': 'package com.shop.catalog.service;\npublic interface PriceCalculator {\n  long price(long cents);\n}\n',
    };
    const expected = ['billing/src/main/java/com/shop/billing/mapper/InvoiceMapper.java:InvoiceMapper', 'catalog/src/main/java/com/shop/catalog/mapper/product/ProductMapper.java:ProductMapper'];
    const byPattern = await repositoriesOf({ ...mappers, 'app/src/main/java/com/shop/config/PersistenceConfig.java': scanning('"com.shop.**.mapper"') });
    assert.deepEqual(Object.keys(byPattern).sort(), expected);
    const listed = await repositoriesOf({ ...mappers, 'app/src/main/java/com/shop/config/PersistenceConfig.java': scanning('"com.shop.billing.mapper, com.shop.catalog.mapper"') });
    assert.deepEqual(Object.keys(listed).sort(), expected);
    const oneName = await repositoriesOf({ ...mappers, 'app/src/main/java/com/shop/config/PersistenceConfig.java': scanning('basePackages = {"com.shop.*.mapper"}') });
    assert.deepEqual(Object.keys(oneName).sort(), expected);
  });
});
