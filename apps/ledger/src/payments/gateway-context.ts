/** The command context of a gateway's report: the bank says it, within the request that carried it. */
import type { CommandContext } from '@meals/command-runner';
import type { PaymentGatewayName } from '@meals/domain';

export const gatewayContext = (
  gateway: PaymentGatewayName,
  cause: { correlationId: string; causationId: string },
  now: Date,
): CommandContext => ({
  actor: { kind: 'bank', id: `gateway:${gateway}` },
  source: 'bank',
  correlationId: cause.correlationId,
  causationId: cause.causationId,
  now,
});
