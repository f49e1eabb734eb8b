/** Hostile values for each cabinet form: every one must be refused with a Russian message. */
export const HOSTILE_LOGIN = [
  { accountNumber: '', password: 'x', acceptTerms: true },
  { accountNumber: 'abcdefghij', password: 'x', acceptTerms: true },
  { accountNumber: '<script>alert(1)</script>', password: 'x', acceptTerms: true },
  { accountNumber: '9'.repeat(5000), password: 'x', acceptTerms: true },
  { accountNumber: '0242013138', password: '', acceptTerms: true },
  { accountNumber: '0242013138', password: 'a\u0000b', acceptTerms: true },
  { accountNumber: '0242013138', password: 'x'.repeat(10_000), acceptTerms: true },
  { accountNumber: '0242013138', password: 'wrong-password1', acceptTerms: true },
  { accountNumber: '0242013138', password: 'x', acceptTerms: false },
];

export const HOSTILE_NEW_PASSWORD = [
  { newPassword: 'short1', repeatPassword: 'short1' },
  { newPassword: 'onlyletters', repeatPassword: 'onlyletters' },
  { newPassword: '12345678901', repeatPassword: '12345678901' },
  { newPassword: 'abc0242013138', repeatPassword: 'abc0242013138' },
  { newPassword: 'Goodpass123', repeatPassword: 'Goodpass124' },
  { newPassword: 'Good\u0007pass123', repeatPassword: 'Good\u0007pass123' },
  { newPassword: '', repeatPassword: '' },
];

export const HOSTILE_EMAIL = [
  '',
  'not-an-email',
  '<img src=x onerror=alert(1)>@x.ru',
  `${'a'.repeat(300)}@x.ru`,
  'a\r\nBcc: x@y.ru',
];

export const HOSTILE_AMOUNT = ['', '0', '-5', 'abc', '0,5', '15000,01', '1e9', '99999999999', '<b>100</b>', '1\u0000'];

export const HOSTILE_PERIOD = [
  'from=2026-02-30&to=2026-03-01',
  'from=<x>&to=2026-01-01',
  'from=2026-03-01&to=2026-01-01',
];

/** the low-balance threshold in roubles (empty and 0 are allowed: they turn the alert off) */
export const HOSTILE_THRESHOLD = ['-5', 'abc', '10000,01', '1e9', '99999999999', '<b>100</b>', '1\u0000', '300,555'];

/** the family switch's account number (the ledger refuses unrelated accounts itself) */
export const HOSTILE_FAMILY_ACCOUNT = ['', '12345', '<script>alert(1)</script>', '9'.repeat(5000), '02420131\u000038'];

/**
 * The family switch's page to return to: each leads to a cabinet page of this origin (the
 * profile when the page is not one of them), with no query value that is not plain.
 */
export const HOSTILE_RETURN_TO = [
  'https://evil.example/report',
  '//evil.example/report',
  '/\\evil.example',
  '\\\\evil.example',
  '/%2F%2Fevil.example',
  '/report%2F..%2F..%2Flogout',
  '/report/../logout',
  '/%72eport',
  ' /report',
  'javascript:alert(1)//report',
  '/report?from=//evil.example&to=https://evil.example',
  '/report?from=%2F%2Fevil.example&to=%0d%0aSet-Cookie:x=1',
  '/report?from=2026-11-01%0D%0ALocation:%20https://evil.example',
  '/report?from=<script>alert(1)</script>',
  '/report?next=https://evil.example&redirect=//evil.example',
  `/report?from=${'1'.repeat(5000)}`,
  `/report?${'x=1&'.repeat(2000)}`,
  '/report#https://evil.example',
  '/profile?password=changed',
  '/report?from=2026-11-01\u0000',
  '/__proto__',
  '/constructor?from=2026-11-01',
];
