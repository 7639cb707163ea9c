/** The subset of the GitLab security report schema 15.0.7 that Rampart writes. */
export type GitlabReportType = 'sast' | 'dast' | 'dependency_scanning' | 'container_scanning' | 'secret_detection';

export interface GitlabIdentifier {
  type: string;
  name: string;
  value: string;
  url?: string;
}

export interface GitlabVendorRef {
  id: string;
  name: string;
  version: string;
  vendor: { name: string };
  url?: string;
}

export interface GitlabScan {
  analyzer: GitlabVendorRef;
  scanner: GitlabVendorRef;
  type: GitlabReportType;
  status: 'success' | 'failure';
  start_time: string;
  end_time: string;
  messages?: { level: 'info' | 'warn' | 'fatal'; value: string }[];
  scanned_resources?: { method: string; url: string; type: 'url' }[];
}

export interface GitlabVulnerability {
  id: string;
  name?: string;
  description?: string;
  severity: string;
  solution?: string;
  identifiers: GitlabIdentifier[];
  links?: { name?: string; url: string }[];
  details?: Record<string, unknown>;
  tracking?: Record<string, unknown>;
  location: Record<string, unknown>;
  evidence?: { summary: string };
}

export interface GitlabDependencyFile {
  path: string;
  package_manager: string;
  dependencies: { package: { name: string }; version: string }[];
}

export interface GitlabReport {
  version: string;
  schema: string;
  scan: GitlabScan;
  vulnerabilities: GitlabVulnerability[];
  dependency_files?: GitlabDependencyFile[];
}
