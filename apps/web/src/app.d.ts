import type { WebSession } from '#lib/server/sessions.ts';
import type { StaffSession } from '#lib/server/staff-sessions.ts';

declare global {
  namespace App {
    interface Locals {
      sessionId: string | undefined;
      session: WebSession | undefined;
      /** the staff side's session (only under /staff) */
      staffSessionId?: string | undefined;
      staff?: StaffSession | undefined;
    }
  }
}

export {};
