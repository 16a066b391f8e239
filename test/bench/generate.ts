/**
 * Writes a synthetic workspace for scale runs that need no download: `npm run bench:generate --
 * <dir> [--files N] [--kind service|framework|library] [--language python|typescript]`. The files
 * have the shapes of the kind (routes calling services calling repositories; middleware and a
 * router; one interface with many implementations), so every stage of the analysis has work.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

type Kind = 'service' | 'framework' | 'library';

const PYTHON: Record<Kind, (index: number) => Record<string, string>> = {
  service: (i) => ({
    [`app/api/routes/orders_${i}.py`]: `from fastapi import APIRouter\nfrom app.application.services.service_${i} import Service${i}\n\nrouter = APIRouter(prefix="/orders-${i}")\n\n\n@router.post("/")\ndef create(payload: dict):\n    return Service${i}().create(payload)\n\n\n@router.get("/{order_id}")\ndef read(order_id: int):\n    return Service${i}().read(order_id)\n`,
    [`app/application/services/service_${i}.py`]: `from app.domain.models.order_${i} import Order${i}\nfrom app.infrastructure.repositories.repository_${i} import Repository${i}\n\n\nclass Service${i}:\n    def __init__(self):\n        self.repository = Repository${i}()\n\n    def create(self, payload):\n        order = Order${i}.create(payload)\n        self.repository.save(order)\n        return order\n\n    def read(self, order_id):\n        return self.repository.get(order_id)\n`,
    [`app/domain/models/order_${i}.py`]: `class Order${i}:\n    def __init__(self, total):\n        if total < 0:\n            raise ValueError("negative total")\n        self.total = total\n\n    @classmethod\n    def create(cls, payload):\n        return cls(payload.get("total", 0))\n`,
    [`app/infrastructure/repositories/repository_${i}.py`]: `from sqlalchemy.orm import Session\n\n\nclass Repository${i}:\n    def __init__(self, session: Session | None = None):\n        self.session = session\n\n    def save(self, order):\n        self.session.add(order)\n        self.session.commit()\n\n    def get(self, order_id):\n        return self.session.get(object, order_id)\n`,
  }),
  framework: (i) => ({
    [`web/middleware/middleware_${i}.py`]: `class Middleware${i}:\n    def __init__(self, get_response):\n        self.get_response = get_response\n\n    def __call__(self, request):\n        return self.get_response(request)\n\n    def process_view(self, request, view_func, view_args, view_kwargs):\n        return None\n`,
    [`web/routing/router_${i}.py`]: `import re\n\n\nclass Router${i}:\n    def __init__(self):\n        self.routes = []\n\n    def add(self, pattern, view):\n        self.routes.append((re.compile(pattern), view))\n\n    def resolve(self, path):\n        for pattern, view in self.routes:\n            if pattern.match(path):\n                return view\n        return None\n`,
    [`web/signals/signal_${i}.py`]: `class Signal${i}:\n    def __init__(self):\n        self.receivers = []\n\n    def connect(self, receiver):\n        self.receivers.append(receiver)\n\n    def send(self, sender, **kwargs):\n        return [receiver(sender, **kwargs) for receiver in self.receivers]\n`,
    [`web/http/response_${i}.py`]: `class Response${i}:\n    def __init__(self, body, status=200):\n        self.body = body\n        self.status = status\n`,
  }),
  library: (i) => ({
    [`cachelib/backends/backend_${i}.py`]: `from cachelib.base import BaseCache\n\n\nclass Backend${i}(BaseCache):\n    def __init__(self):\n        self._data = {}\n\n    def get(self, key):\n        return self._data.get(key)\n\n    def set(self, key, value):\n        self._data[key] = value\n`,
    [`cachelib/serializers/serializer_${i}.py`]: `import json\n\n\nclass Serializer${i}:\n    def dumps(self, value):\n        return json.dumps(value)\n\n    def loads(self, text):\n        return json.loads(text)\n`,
    [`tests/test_backend_${i}.py`]: `from cachelib.backends.backend_${i} import Backend${i}\n\n\ndef test_roundtrip():\n    cache = Backend${i}()\n    cache.set("a", 1)\n    assert cache.get("a") == 1\n`,
    [`docs/example_${i}.py`]: `from cachelib.backends.backend_${i} import Backend${i}\n\ncache = Backend${i}()\n`,
  }),
};

const TYPESCRIPT = (i: number): Record<string, string> => ({
  [`src/orders${i}/orders${i}.controller.ts`]: `import { Body, Controller, Get, Param, Post } from '@nestjs/common';\nimport { Orders${i}Service } from './orders${i}.service';\n\n@Controller('orders-${i}')\nexport class Orders${i}Controller {\n  constructor(private readonly service: Orders${i}Service) {}\n\n  @Get(':id')\n  findOne(@Param('id') id: string) {\n    return this.service.findOne(id);\n  }\n\n  @Post()\n  create(@Body() body: { total: number }) {\n    return this.service.create(body.total);\n  }\n}\n`,
  [`src/orders${i}/orders${i}.service.ts`]: `import { Injectable } from '@nestjs/common';\nimport { Order${i} } from './order${i}.entity';\n\n@Injectable()\nexport class Orders${i}Service {\n  private readonly rows = new Map<string, Order${i}>();\n\n  findOne(id: string) {\n    return this.rows.get(id);\n  }\n\n  create(total: number) {\n    const order = new Order${i}();\n    order.total = total;\n    this.rows.set(String(this.rows.size), order);\n    return order;\n  }\n}\n`,
  [`src/orders${i}/order${i}.entity.ts`]: `import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';\n\n@Entity()\nexport class Order${i} {\n  @PrimaryGeneratedColumn()\n  id!: number;\n\n  @Column({ default: 0 })\n  total!: number;\n}\n`,
  [`src/orders${i}/orders${i}.module.ts`]: `import { Module } from '@nestjs/common';\nimport { Orders${i}Controller } from './orders${i}.controller';\nimport { Orders${i}Service } from './orders${i}.service';\n\n@Module({ controllers: [Orders${i}Controller], providers: [Orders${i}Service] })\nexport class Orders${i}Module {}\n`,
});

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { files: { type: 'string' }, kind: { type: 'string' }, language: { type: 'string' } } });
  const root = positionals[0];
  const kind = (values.kind ?? 'service') as Kind;
  const language = values.language ?? 'python';
  const files = Number(values.files ?? 10_000);
  if (!root || !PYTHON[kind] || !['python', 'typescript'].includes(language) || !Number.isInteger(files) || files < 4) {
    process.stderr.write('usage: npm run bench:generate -- <dir> [--files N (>= 4)] [--kind service|framework|library] [--language python|typescript]\n');
    process.exit(2);
  }
  const write = (path: string, text: string) => {
    const file = join(resolve(root), path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  };
  if (language === 'python' && kind === 'library') write('cachelib/base.py', 'from abc import ABC, abstractmethod\n\n\nclass BaseCache(ABC):\n    @abstractmethod\n    def get(self, key): ...\n\n    @abstractmethod\n    def set(self, key, value): ...\n');
  if (language === 'typescript') write('src/main.ts', "import { NestFactory } from '@nestjs/core';\n\nasync function bootstrap() {\n  const app = await NestFactory.create(Object);\n  app.setGlobalPrefix('api');\n}\nvoid bootstrap();\n");
  const make = language === 'typescript' ? TYPESCRIPT : PYTHON[kind];
  let written = 0;
  for (let index = 0; written < files; index++) {
    for (const [path, text] of Object.entries(make(index))) {
      if (written++ >= files) break;
      write(path, text);
    }
  }
  process.stdout.write(`${written} files written under ${resolve(root)} (${kind}, ${language})\n`);
}

main();
