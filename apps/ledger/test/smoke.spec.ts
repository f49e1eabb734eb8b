import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';

@Module({ imports: [CqrsModule.forRoot()] })
class SmokeModule {}

it('boots a Nest context', async () => {
  const app = await NestFactory.createApplicationContext(SmokeModule, { logger: false });
  await app.close();
});
