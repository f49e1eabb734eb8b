import type { WebSession } from '#lib/server/sessions.ts';

declare global {
  namespace App {
    interface Locals {
      sessionId: string | undefined;
      session: WebSession | undefined;
    }
  }
}

export {};
