import type { SecretRule } from '../types.js';
import { CREDENTIAL } from './shared.js';

const SLACK_REVOKE = 'https://api.slack.com/methods/auth.revoke';

export const chatRules: SecretRule[] = [
  {
    id: 'secrets.slack-bot-token',
    title: 'Slack bot token',
    provider: 'Slack',
    regex: /(?<![A-Za-z0-9_-])(xoxb-[0-9]{8,14}-[0-9]{8,14}-[A-Za-z0-9]{20,40})(?![A-Za-z0-9_-])/,
    keywords: ['xoxb-'],
    severity: 'high',
    cwe: CREDENTIAL,
    revokeUrl: SLACK_REVOKE,
  },
  {
    id: 'secrets.slack-user-token',
    title: 'Slack user token',
    provider: 'Slack',
    // User (xoxp), workspace app (xoxa) and refresh-style (xoxe, xoxr) tokens: numeric ids, then a key.
    regex: /(?<![A-Za-z0-9_-])(xox[pare]-[0-9]{8,14}-[0-9]{8,14}-[0-9]{8,14}-[A-Za-z0-9]{28,40})(?![A-Za-z0-9_-])/,
    keywords: ['xoxp-', 'xoxa-', 'xoxr-', 'xoxe-'],
    severity: 'high',
    cwe: CREDENTIAL,
    revokeUrl: SLACK_REVOKE,
  },
  {
    id: 'secrets.slack-app-token',
    title: 'Slack app-level token',
    provider: 'Slack',
    regex: /(?<![A-Za-z0-9_-])(xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-f0-9]{64})(?![A-Za-z0-9_-])/,
    keywords: ['xapp-'],
    severity: 'high',
    cwe: CREDENTIAL,
    revokeUrl: SLACK_REVOKE,
  },
  {
    id: 'secrets.slack-config-token',
    title: 'Slack configuration token',
    provider: 'Slack',
    regex: /(?<![A-Za-z0-9_-])(xoxe(?:\.xox[bp])?-[0-9]-[A-Za-z0-9]{140,260})(?![A-Za-z0-9_-])/,
    keywords: ['xoxe.', 'xoxe-'],
    severity: 'high',
    cwe: CREDENTIAL,
    priority: 1,
  },
  {
    id: 'secrets.slack-webhook-url',
    title: 'Slack incoming webhook URL',
    provider: 'Slack',
    regex: /(https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{8,12}\/[A-Z0-9]{8,14}\/[A-Za-z0-9]{20,40})(?![A-Za-z0-9])/,
    keywords: ['hooks.slack.com'],
    severity: 'high',
    cwe: CREDENTIAL,
  },
  {
    id: 'secrets.discord-webhook-url',
    title: 'Discord webhook URL',
    provider: 'Discord',
    regex: /(https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,70})(?![A-Za-z0-9_-])/,
    keywords: ['discord'],
    severity: 'high',
    cwe: CREDENTIAL,
  },
  {
    id: 'secrets.telegram-bot-token',
    title: 'Telegram bot token',
    provider: 'Telegram',
    regex: /(?<![A-Za-z0-9_:])([0-9]{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/,
    keywords: [':aa'],
    severity: 'high',
    cwe: CREDENTIAL,
  },
  {
    id: 'secrets.teams-webhook-url',
    title: 'Microsoft Teams incoming webhook URL',
    provider: 'Microsoft Teams',
    regex:
      /(https:\/\/[a-z0-9-]{1,63}\.webhook\.office\.com\/webhookb2\/[a-f0-9-]{36}@[a-f0-9-]{36}\/IncomingWebhook\/[a-f0-9]{32}\/[a-f0-9-]{36})/,
    keywords: ['webhook.office.com'],
    severity: 'high',
    cwe: CREDENTIAL,
  },
];
