// Writes a large tree of IaC files with the shapes real repositories have: Deployments, StatefulSets and
// CronJobs (some hardened, some not), Helm-style multi-document files, GitHub workflows of every trigger,
// composite actions, Dockerfiles (multi-stage, apt, curl), Terraform for AWS, GCP and Azure, GitLab CI files.
// A seeded generator, so every run scans the same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const IMAGES = ['nginx:1.27', 'nginx', 'redis:7.2-alpine', 'postgres:16.3', 'ghcr.io/acme/api:latest', 'ghcr.io/acme/web:2.14.0', 'busybox:1.36@sha256:' + 'a'.repeat(64)];

function container(r, name) {
  const hardened = r() < 0.4;
  const lines = [`        - name: ${name}`, `          image: ${IMAGES[Math.floor(r() * IMAGES.length)]}`, '          ports:', '            - containerPort: 8080'];
  if (r() < 0.7) lines.push('          resources:', '            requests: {cpu: 100m, memory: 128Mi}', '            limits:', '              cpu: 500m', '              memory: 256Mi');
  lines.push('          env:', '            - name: LOG_LEVEL', '              value: info');
  if (hardened) {
    lines.push('          securityContext:', '            allowPrivilegeEscalation: false', '            readOnlyRootFilesystem: true', '            runAsNonRoot: true', '            capabilities:', '              drop: [ALL]');
  } else if (r() < 0.3) {
    lines.push('          securityContext:', `            privileged: ${r() < 0.5}`, '            capabilities:', '              add: [NET_ADMIN]');
  }
  lines.push('          livenessProbe:', '            httpGet: {path: /healthz, port: 8080}');
  return lines;
}

function podSpec(r, indent) {
  const pad = ' '.repeat(indent);
  const lines = [];
  if (r() < 0.5) lines.push('      serviceAccountName: app');
  if (r() < 0.1) lines.push('      hostNetwork: true');
  if (r() < 0.1) lines.push('      volumes:', '        - name: host', '          hostPath:', '            path: /var/log');
  lines.push('      containers:', ...container(r, 'app'));
  if (r() < 0.3) lines.push(...container(r, 'sidecar'));
  return lines.map((l) => pad + l);
}

function manifest(r, i) {
  const kinds = ['Deployment', 'StatefulSet', 'DaemonSet', 'Job'];
  const docs = [];
  const kind = kinds[i % kinds.length];
  docs.push([`apiVersion: ${kind === 'Job' ? 'batch/v1' : 'apps/v1'}`, `kind: ${kind}`, 'metadata:', `  name: svc-${i}`, '  labels: {app: svc}', 'spec:', '  template:', '    metadata:', '      labels: {app: svc}', '    spec:', ...podSpec(r, 0).map((l) => l.slice(0))].join('\n'));
  docs.push(['apiVersion: v1', 'kind: Service', 'metadata:', `  name: svc-${i}`, 'spec:', '  selector: {app: svc}', '  ports:', '    - port: 80', '      targetPort: 8080'].join('\n'));
  if (r() < 0.3) {
    docs.push(['apiVersion: batch/v1', 'kind: CronJob', 'metadata:', `  name: cron-${i}`, 'spec:', '  schedule: "*/5 * * * *"', '  jobTemplate:', '    spec:', '      template:', '        spec:', ...podSpec(r, 4)].join('\n'));
  }
  return `# Source: chart/templates/svc-${i}.yaml\n---\n${docs.join('\n---\n')}\n`;
}

function workflow(r, i) {
  const trigger = ['push', 'pull_request', 'pull_request_target', 'issues', 'workflow_dispatch'][i % 5];
  const lines = [`name: wf-${i}`, 'on:', `  ${trigger}:`];
  if (r() < 0.7) lines.push('permissions:', '  contents: read');
  lines.push('jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:');
  lines.push(r() < 0.5 ? '      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0' : '      - uses: actions/checkout@v4');
  if (trigger === 'pull_request_target' && r() < 0.5) lines.push('        with:', '          ref: ${{ github.event.pull_request.head.sha }}');
  lines.push('      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020 # v4.4.0', '        with:', '          node-version: 20');
  lines.push('      - run: npm ci', '      - run: npm test', '        env:', '          CI: "true"');
  if (trigger === 'issues') lines.push('      - run: echo "${{ github.event.issue.title }}"');
  if (r() < 0.3) lines.push('      - uses: docker/build-push-action@v6', '        with:', '          push: false');
  if (r() < 0.3) lines.push('      - uses: actions/upload-artifact@ea165f8d65b6e75b540449e92b4886f43607fa02 # v4.6.2', '        with:', '          path: dist/');
  return `${lines.join('\n')}\n`;
}

function dockerfile(r, i) {
  const lines = ['# syntax=docker/dockerfile:1', `FROM node:20-bookworm-slim AS build`, 'WORKDIR /src', 'COPY package*.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build'];
  lines.push('', r() < 0.3 ? 'FROM debian:latest' : 'FROM debian:12-slim');
  lines.push(r() < 0.5 ? 'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/*' : 'RUN apt-get update && apt-get install -y curl');
  if (r() < 0.2) lines.push('RUN curl -fsSL https://example.com/install.sh | bash');
  if (r() < 0.2) lines.push(`ENV API_TOKEN=tok-${i}`);
  lines.push('COPY --from=build /src/dist /app');
  if (r() < 0.6) lines.push('USER 10001');
  if (r() < 0.5) lines.push('HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1');
  lines.push('CMD ["/app/server"]');
  return `${lines.join('\n')}\n`;
}

function terraform(r, i) {
  const open = r() < 0.3 ? '"0.0.0.0/0"' : '"10.0.0.0/8"';
  return `resource "aws_security_group" "sg_${i}" {
  name = "sg-${i}"
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [${open}]
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = { Name = "sg-${i}", Team = var.team }
}

resource "aws_s3_bucket" "b_${i}" {
  bucket = "bucket-${i}-\${var.env}"
}

resource "aws_s3_bucket_public_access_block" "b_${i}" {
  bucket                  = aws_s3_bucket.b_${i}.id
  block_public_acls       = ${r() < 0.8}
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_ebs_volume" "v_${i}" {
  availability_zone = "eu-west-1a"
  size              = ${10 + i % 90}
  encrypted         = ${r() < 0.7}
}

resource "aws_iam_policy" "p_${i}" {
  name = "p-${i}"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ${r() < 0.1 ? '"*"' : '["s3:GetObject", "s3:ListBucket"]'}, Resource = "*" }]
  })
}

resource "google_storage_bucket" "g_${i}" {
  name                        = "g-${i}"
  location                    = "EU"
  uniform_bucket_level_access = ${r() < 0.8}
}

resource "azurerm_storage_account" "a${i}" {
  name                     = "acct${i}"
  resource_group_name      = var.rg
  location                 = var.location
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = "${r() < 0.9 ? 'TLS1_2' : 'TLS1_0'}"
}
`;
}

function gitlab(r, i) {
  return `include:
  - project: group/templates
    ref: ${r() < 0.7 ? 'v1.4.0' : 'main'}
    file: /build.yml
stages: [build, test]
variables:
  NODE_ENV: test
build-${i}:
  stage: build
  image: node:20
  script:
    - npm ci
    - npm run build
    - echo "$DOCKER_PASSWORD" | docker login -u ci --password-stdin registry.example.com
sast-${i}:
  stage: test
  image: semgrep/semgrep:1.80.0
  script:
    - semgrep ci
`;
}

/** Writes `scale` x (50 manifests, 20 workflows, 10 Dockerfiles, 10 Terraform files, 5 GitLab CI files). */
export function generate(root, scale) {
  const r = rng(42);
  const write = (rel, text) => {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  };
  for (let s = 0; s < scale; s++) {
    const base = `repo-${s}`;
    for (let i = 0; i < 50; i++) write(`${base}/deploy/svc-${i}.yaml`, manifest(r, s * 50 + i));
    for (let i = 0; i < 20; i++) write(`${base}/.github/workflows/wf-${i}.yml`, workflow(r, s * 20 + i));
    for (let i = 0; i < 10; i++) write(`${base}/services/s${i}/Dockerfile`, dockerfile(r, s * 10 + i));
    for (let i = 0; i < 10; i++) write(`${base}/infra/m${i}.tf`, terraform(r, s * 10 + i));
    for (let i = 0; i < 5; i++) write(`${base}/ci/p${i}/.gitlab-ci.yml`, gitlab(r, s * 5 + i));
  }
}
