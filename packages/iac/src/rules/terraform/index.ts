import type { IacRule } from '../../types.js';
import { cloudtrailLoggingOff, s3AccessLoggingOff } from './aws-cloudtrail.js';
import { ebsUnencrypted, rdsUnencrypted } from './aws-encryption.js';
import { iamWildcard } from './aws-iam-wildcard.js';
import { awsOpenIngress } from './aws-open-ingress.js';
import { s3PublicAccessBlock, s3PublicAcl } from './aws-s3-public.js';
import { azureOpenNsg } from './azure-open-nsg.js';
import { azureStorageHttp, azureStorageTls } from './azure-storage.js';
import { gcpOpenFirewall } from './gcp-open-firewall.js';
import { gcpPublicBucket, gcpUniformAccess } from './gcp-storage.js';

export const TERRAFORM_RULES: readonly IacRule[] = [
  s3PublicAcl,
  s3PublicAccessBlock,
  awsOpenIngress,
  gcpOpenFirewall,
  azureOpenNsg,
  ebsUnencrypted,
  rdsUnencrypted,
  azureStorageHttp,
  azureStorageTls,
  gcpUniformAccess,
  gcpPublicBucket,
  iamWildcard,
  cloudtrailLoggingOff,
  s3AccessLoggingOff,
];
