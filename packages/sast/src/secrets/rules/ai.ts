import type { SecretRule } from '../types.js';
import { CREDENTIAL } from './shared.js';

export const aiRules: SecretRule[] = [
  {
    id: 'secrets.openai-api-key',
    title: 'OpenAI API key',
    provider: 'OpenAI',
    // Every key format embeds `T3BlbkFJ`, base64 of "OpenAI".
    regex: /(?<![A-Za-z0-9_-])(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,200}T3BlbkFJ[A-Za-z0-9_-]{16,200})(?![A-Za-z0-9_-])/,
    keywords: ['t3blbkfj'],
    severity: 'high',
    cwe: CREDENTIAL,
  },
  {
    id: 'secrets.anthropic-api-key',
    title: 'Anthropic API key',
    provider: 'Anthropic',
    regex: /(?<![A-Za-z0-9_-])(sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,100}AA)(?![A-Za-z0-9_-])/,
    keywords: ['sk-ant-'],
    severity: 'high',
    cwe: CREDENTIAL,
  },
  {
    id: 'secrets.huggingface-token',
    title: 'Hugging Face access token',
    provider: 'Hugging Face',
    regex: /(?<![A-Za-z0-9_])(hf_[A-Za-z]{34})(?![A-Za-z0-9_])/,
    keywords: ['hf_'],
    validate: (s) => /[a-z]/.test(s.slice(3)) && /[A-Z]/.test(s.slice(3)),
    severity: 'high',
    cwe: CREDENTIAL,
  },
];
