/**
 * The parent and payment endpoints of the issue 8 contract, typed here while the ledger gains
 * them; at integration these become imports from `@meals/contracts` (parent-access.ts, payments.ts).
 */
export interface ParentSession {
  token: string;
  expiresAt: string;
  accountNumber: string;
  mustChangePassword: boolean;
}

export interface ParentLoginRequest {
  accountNumber: string;
  password: string;
  acceptTerms: boolean;
}

export interface ParentProfile {
  accountNumber: string;
  fullName: string;
  schoolId: string;
  schoolName: string;
  className: string;
  balance: number;
  balanceText: string;
  status: 'open' | 'closed';
  email: string | null;
  emailConfirmed: boolean;
}

export interface EmailState {
  email: string;
  emailConfirmed: boolean;
}

export type OrderStatus = 'registered' | 'paid' | 'declined' | 'expired';

export interface PaymentRegistered {
  status: 'recorded';
  position: number;
  orderId: string;
  accountNumber: string;
  amount: number;
  orderStatus: 'registered';
  formUrl: string;
}

export interface PaymentOrder {
  orderId: string;
  accountNumber: string;
  amount: number;
  orderStatus: OrderStatus;
  paidAt: string | null;
  balance: number;
}
