/** The cabinet's family view (accounts of one confirmed email), for LedgerModule. */
import type { Provider } from '@nestjs/common';
import { FamilyController } from './family.controller.js';
import { ParentFamily } from './parent-family.js';

export const FAMILY_CONTROLLERS = [FamilyController];

export const familyProviders = (): Provider[] => [ParentFamily];
