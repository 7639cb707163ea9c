import type { SecretRule } from '../types.js';
import { CREDENTIAL, mixedAlnum } from './shared.js';

const STRIPE_REVOKE = 'https://docs.stripe.com/keys#rolling-keys';

export const paymentRules: SecretRule[] = [
  {
    id: 'secrets.stripe-secret-key',
    title: 'Stripe live secret key',
    provider: 'Stripe',
    // Test-mode keys (sk_test_) move no money and are deliberately not reported.
    regex: /(?<![A-Za-z0-9_])(sk_live_[0-9a-zA-Z]{24,99})(?![A-Za-z0-9_])/,
    keywords: ['sk_live_'],
    validate: (s) => mixedAlnum(s.slice(8)),
    severity: 'critical',
    cwe: CREDENTIAL,
    revokeUrl: STRIPE_REVOKE,
  },
  {
    id: 'secrets.stripe-restricted-key',
    title: 'Stripe live restricted key',
    provider: 'Stripe',
    regex: /(?<![A-Za-z0-9_])(rk_live_[0-9a-zA-Z]{24,99})(?![A-Za-z0-9_])/,
    keywords: ['rk_live_'],
    validate: (s) => mixedAlnum(s.slice(8)),
    severity: 'critical',
    cwe: CREDENTIAL,
    revokeUrl: STRIPE_REVOKE,
  },
  {
    id: 'secrets.stripe-webhook-secret',
    title: 'Stripe webhook signing secret',
    provider: 'Stripe',
    regex: /(?<![A-Za-z0-9_])(whsec_[A-Za-z0-9+/]{32,64})(?![A-Za-z0-9_+/])/,
    keywords: ['whsec_'],
    validate: (s) => mixedAlnum(s.slice(6)),
    severity: 'high',
    cwe: CREDENTIAL,
  },
  {
    id: 'secrets.square-access-token',
    title: 'Square access token or OAuth secret',
    provider: 'Square',
    regex: /(?<![A-Za-z0-9_-])(sq0atp-[0-9A-Za-z_-]{22}|sq0csp-[0-9A-Za-z_-]{43})(?![A-Za-z0-9_-])/,
    keywords: ['sq0atp-', 'sq0csp-'],
    severity: 'critical',
    cwe: CREDENTIAL,
  },
  {
    id: 'secrets.braintree-access-token',
    title: 'Braintree / PayPal production access token',
    provider: 'PayPal Braintree',
    regex: /(access_token\$production\$[a-z0-9]{16}\$[a-f0-9]{32})(?![a-f0-9])/,
    keywords: ['access_token$production$'],
    severity: 'critical',
    cwe: CREDENTIAL,
  },
  {
    id: 'secrets.shopify-token',
    title: 'Shopify access token or shared secret',
    provider: 'Shopify',
    regex: /(?<![A-Za-z0-9_])(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})(?![A-Za-z0-9_])/,
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    severity: 'high',
    cwe: CREDENTIAL,
  },
];
