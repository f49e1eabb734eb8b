/** The low-balance alert (the parent's threshold and the reactor that mails), for LedgerModule. */
import type { Provider } from '@nestjs/common';
import { LowBalanceAlertController } from './low-balance-alert.controller.js';
import { LowBalanceReactor } from './low-balance-reactor.js';
import { LowBalanceSettings } from './low-balance-settings.js';

export const LOW_BALANCE_CONTROLLERS = [LowBalanceAlertController];

export const lowBalanceProviders = (): Provider[] => [LowBalanceSettings, LowBalanceReactor];
