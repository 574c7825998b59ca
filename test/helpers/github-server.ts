/**
 * A local stand-in for GitHub, on 127.0.0.1, for running the bundled action the way a runner
 * does. It STANDS IN FOR GitHub's REST API (the endpoints the action calls), the Actions
 * artifact service (@actions/artifact v2+: Twirp JSON `ArtifactService`) and the blob storage
 * that service hands out signed URLs for (Azure block blobs: Put Block / Put Block List / Get).
 *
 * Faithful where it matters for the action:
 * - REST request bodies are validated against GitHub's OpenAPI description (@octokit/openapi,
 *   api.github.com.json); an unknown path/method is a 404 like GitHub's, and a test sees every
 *   request made (`requests`).
 * - Twirp bodies are decoded with the artifact service's own protobuf-ts message types (unknown
 *   or mistyped fields are errors), and the runtime token's `Actions.Results` scope must match.
 * - Authorization: `token <github-token>` for REST, `Bearer <runtime token>` for Twirp; the
 *   workflow token is an installation token, so `GET /user` answers 403 as GitHub does.
 * - Query parameters are checked against the same description (an unknown name, a value outside
 *   its enum or of the wrong type is a violation).
 * - Workflow runs carry what GitHub reports and filters on: `head_branch` (the `branch` filter
 *   matches it whatever repository the head lives in: a fork's PR from its own `main` matches
 *   `branch=main`, as on GitHub), `head_repository`, `event`, `conclusion`, `workflow_id`, `path`.
 * - Artifacts are zips as @actions/artifact uploads them; their listed size is the blob's size;
 *   a seeded artifact may be any bytes (a zip whose directory lies, a deflated bomb, a huge blob).
 * - GitHub Enterprise Server: @actions/artifact v2+ decides by GITHUB_SERVER_URL's host name
 *   alone (not github.com, *.ghe.com or *.localhost → GHESNotSupportedError before any
 *   request). A test makes a GHES run by giving a non-GitHub server URL; the REST API (comments,
 *   checks, runs) keeps working through GITHUB_API_URL, as on GHES.
 * - Faults (5xx, 403) can be injected per route for a number of requests.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { crc32, deflateRawSync } from 'node:zlib';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);

// ------------------------------------------------------------------ OpenAPI request validation

type Json = unknown;
interface OpenApiParameter {
  name: string;
  in: string;
  schema?: { type?: string; enum?: string[] };
}
interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: Json }> };
  parameters?: Json[];
}
interface OpenApi {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: Record<string, Record<string, Json>>;
}

let spec: OpenApi | undefined;
function openApi(): OpenApi {
  spec ??= JSON.parse(
    readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8'),
  ) as OpenApi;
  return spec;
}

/** Inline local `$ref`s (`#/components/...`); recursive refs are cut (left as `{}`) at depth. */
function deref(node: Json, seen: string[] = []): Json {
  if (Array.isArray(node)) return node.map((n) => deref(n, seen));
  if (!node || typeof node !== 'object') return node;
  const obj = node as Record<string, Json>;
  if (typeof obj.$ref === 'string') {
    const ref = obj.$ref;
    if (seen.includes(ref)) return {};
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<Json>(
        (acc, k) => (acc as Record<string, Json>)[k.replace(/~1/g, '/').replace(/~0/g, '~')],
        openApi(),
      );
    return deref(target, [...seen, ref]);
  }
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(obj)) {
    // OpenAPI 3.0 annotations ajv does not know.
    if (k === 'example' || k === 'examples' || k.startsWith('x-')) continue;
    out[k] = deref(v, seen);
  }
  // OpenAPI 3.0 `nullable`: allow null alongside the declared type.
  if (out.nullable === true && typeof out.type === 'string') out.type = [out.type, 'null'];
  delete out.nullable;
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
(addFormatsModule as unknown as (a: Ajv) => void)(ajv);
const validators = new Map<string, ValidateFunction | null>();

/** The OpenAPI path template a concrete path matches, e.g. /repos/{owner}/{repo}/check-runs. */
function matchTemplate(method: string, path: string): string | undefined {
  const parts = path.split('/');
  for (const [template, ops] of Object.entries(openApi().paths)) {
    if (!ops[method.toLowerCase()]) continue;
    const t = template.split('/');
    if (t.length !== parts.length) continue;
    if (
      t.every((seg, i) => (seg.startsWith('{') && seg.endsWith('}') ? parts[i] !== '' : seg === parts[i]))
    ) {
      return template;
    }
  }
  return undefined;
}

function bodyValidator(method: string, template: string): ValidateFunction | null {
  const key = `${method} ${template}`;
  if (!validators.has(key)) {
    const schema =
      openApi().paths[template]?.[method.toLowerCase()]?.requestBody?.content?.['application/json']?.schema;
    validators.set(key, schema ? ajv.compile(deref(schema) as object) : null);
  }
  return validators.get(key)!;
}

/** Problems with a request's query string against the operation's declared query parameters. */
function queryProblems(method: string, template: string, query: URLSearchParams): string[] {
  const op = openApi().paths[template]?.[method.toLowerCase()];
  const params = ((op?.parameters ?? []).map((p) => deref(p)) as OpenApiParameter[]).filter(
    (p) => p.in === 'query',
  );
  const problems: string[] = [];
  for (const [name, value] of query) {
    const p = params.find((x) => x.name === name);
    if (!p) {
      problems.push(`query parameter '${name}' is not one of ${template}'s`);
      continue;
    }
    const schema = p.schema ?? {};
    if (schema.enum && !schema.enum.includes(value))
      problems.push(`query ${name}=${value}: not one of ${schema.enum.join(', ')}`);
    if (schema.type === 'integer' && !/^-?\d+$/.test(value))
      problems.push(`query ${name}=${value}: not an integer`);
    if (schema.type === 'boolean' && value !== 'true' && value !== 'false')
      problems.push(`query ${name}=${value}: not a boolean`);
  }
  return problems;
}

// ------------------------------------------------------------------ artifact service messages

// The artifact service's own generated message types (not exported by the package: loaded by path).
interface ProtoMessage {
  fromJson(json: Json, options?: { ignoreUnknownFields?: boolean }): Record<string, unknown>;
}
const proto = (await import(
  new URL('../../node_modules/@actions/artifact/lib/generated/index.js', import.meta.url).href
)) as Record<string, ProtoMessage>;

// ------------------------------------------------------------------ state

export interface StoredArtifact {
  id: number;
  name: string;
  runId: number;
  runBackendId: string;
  jobBackendId: string;
  blob: Buffer | undefined;
  size: number;
  digest: string | undefined;
  finalized: boolean;
  expired: boolean;
  createdAt: string;
  expiresAt: string | undefined;
  blocks: Map<string, Buffer>;
}

export interface WorkflowRun {
  id: number;
  workflowFile: string;
  workflowId: number;
  /** head_branch: for a pull request, the PR's head branch (in the fork, for a fork's PR). */
  branch: string;
  headSha: string;
  event: string;
  conclusion: 'success' | 'failure' | 'cancelled' | null;
  runBackendId: string;
  /** head_repository.full_name: where the head commit lives (a fork for a fork's PR). */
  headRepository: string;
  createdAt: string;
}

export interface IssueComment {
  id: number;
  issue: number;
  login: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface CheckRunRecord {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  title: string;
  summary: string;
  annotations: unknown[];
  /** Number of requests that carried annotations, with their sizes. */
  annotationBatches: number[];
}

export interface PullRecord {
  number: number;
  headSha: string;
  headRepo: string;
  headRef: string;
  baseRef: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

interface Fault {
  method: string;
  path: RegExp;
  status: number;
  times: number;
  body: unknown;
}

export interface GitHubServerOptions {
  owner: string;
  repo: string;
  defaultBranch?: string;
  /** The workflow token (an installation token: writes as github-actions[bot]). */
  token: string;
}

const BOT = 'github-actions[bot]';

/** A runtime token as the runner hands it out: a JWT whose `scp` names the run/job backend ids. */
export function runtimeToken(runBackendId: string, jobBackendId: string): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({
    scp: `Actions.ExampleScope Actions.Results:${runBackendId}:${jobBackendId}`,
  })}.c2lnbmF0dXJl`;
}

/** The run/job backend ids a `Bearer <runtime token>` is scoped to (the JWT's `Actions.Results` scope). */
function runtimeScope(
  authorization: string | undefined,
): { runBackendId: string; jobBackendId: string } | undefined {
  const m = /^Bearer ([^.]+)\.([^.]+)\.([^.]+)$/.exec(authorization ?? '');
  if (!m) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(m[2]!, 'base64url').toString('utf8')) as { scp?: string };
    const results = (claims.scp ?? '').split(' ').find((s) => s.startsWith('Actions.Results:'));
    const [, runBackendId, jobBackendId] = results?.split(':') ?? [];
    return runBackendId && jobBackendId ? { runBackendId, jobBackendId } : undefined;
  } catch {
    return undefined;
  }
}

export class GitHubServer {
  readonly owner: string;
  readonly repo: string;
  readonly defaultBranch: string;
  readonly token: string;
  url = '';
  readonly requests: LoggedRequest[] = [];
  readonly artifacts: StoredArtifact[] = [];
  readonly runs: WorkflowRun[] = [];
  readonly comments: IssueComment[] = [];
  readonly checkRuns: CheckRunRecord[] = [];
  readonly pulls: PullRecord[] = [];
  /** Problems the stand-in found in what a client sent (schema violations, bad auth). */
  readonly violations: string[] = [];
  private faults: Fault[] = [];
  private nextId = 1000;
  private server: Server | undefined;

  constructor(opts: GitHubServerOptions) {
    this.owner = opts.owner;
    this.repo = opts.repo;
    this.defaultBranch = opts.defaultBranch ?? 'main';
    this.token = opts.token;
  }

  async start(): Promise<string> {
    openApi();
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        this.violations.push(`server error: ${(err as Error).stack ?? String(err)}`);
        if (!res.headersSent) send(res, 500, { message: 'stand-in error' });
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server!.close(() => r()));
  }

  /** Answer the next `times` requests matching method+path with `status` (then behave normally). */
  fail(method: string, path: RegExp, status: number, times = 1, body?: unknown): void {
    this.faults.push({ method, path, status, times, body: body ?? { message: `injected ${status}` } });
  }

  /** Workflow ids by file, as GitHub numbers each workflow of a repository. */
  private workflowIds = new Map<string, number>();

  addRun(
    run: Omit<WorkflowRun, 'workflowId' | 'runBackendId' | 'headRepository' | 'createdAt'> &
      Partial<Pick<WorkflowRun, 'workflowId' | 'runBackendId' | 'headRepository' | 'createdAt'>>,
  ): WorkflowRun {
    if (!this.workflowIds.has(run.workflowFile))
      this.workflowIds.set(run.workflowFile, 4242 + this.workflowIds.size);
    const full: WorkflowRun = {
      workflowId: this.workflowIds.get(run.workflowFile)!,
      runBackendId: `run-backend-${run.id}`,
      headRepository: `${this.owner}/${this.repo}`,
      // Runs are created in id order unless a test says otherwise.
      createdAt: new Date(Date.UTC(2026, 0, 1) + run.id * 60_000).toISOString(),
      ...run,
    };
    this.runs.push(full);
    return full;
  }

  addPull(pull: PullRecord): void {
    this.pulls.push(pull);
  }

  /** Store an artifact directly (a past run's results), as a zip of `files`. */
  seedArtifact(
    runId: number,
    name: string,
    files: Record<string, string | Buffer>,
    opts: { expired?: boolean; deflate?: boolean; blob?: Buffer } = {},
  ): StoredArtifact {
    const blob = opts.blob ?? makeZip(files, { deflate: opts.deflate });
    const a: StoredArtifact = {
      id: this.nextId++,
      name,
      runId,
      runBackendId: this.runs.find((r) => r.id === runId)?.runBackendId ?? `run-backend-${runId}`,
      jobBackendId: 'seed',
      blob,
      size: blob.length,
      digest: `sha256:${createHash('sha256').update(blob).digest('hex')}`,
      finalized: true,
      expired: opts.expired ?? false,
      createdAt: new Date().toISOString(),
      expiresAt: undefined,
      blocks: new Map(),
    };
    this.artifacts.push(a);
    return a;
  }

  requestsTo(method: string, path: RegExp): LoggedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  // ---------------------------------------------------------------- dispatch

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    const isJson = (req.headers['content-type'] ?? '').includes('json');
    let body: unknown = raw.length > 0 && isJson ? JSON.parse(raw.toString('utf8')) : undefined;
    const log: LoggedRequest = { method, path: url.pathname, status: 0, body };
    this.requests.push(log);
    const reply = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      log.status = status;
      send(res, status, payload, headers);
    };

    const fault = this.faults.find((f) => f.times > 0 && f.method === method && f.path.test(url.pathname));
    if (fault) {
      fault.times--;
      return reply(fault.status, fault.body);
    }

    if (url.pathname.startsWith('/blob/')) return this.blob(method, url, raw, reply, res, log);
    if (url.pathname.startsWith('/twirp/')) {
      const scope = runtimeScope(req.headers.authorization);
      const runBackend = (body as Record<string, unknown> | undefined)?.workflow_run_backend_id;
      if (!scope || scope.runBackendId !== runBackend) {
        this.violations.push(
          `twirp ${url.pathname}: runtime token missing or not scoped to run ${String(runBackend)}`,
        );
        return reply(401, { code: 'unauthenticated', msg: 'bad token' });
      }
      return this.twirp(url.pathname.split('/').pop() ?? '', body, reply);
    }

    // REST
    if (req.headers.authorization !== `token ${this.token}`) {
      this.violations.push(`${method} ${url.pathname}: authorization '${req.headers.authorization ?? ''}'`);
      return reply(401, { message: 'Bad credentials' });
    }
    const template = matchTemplate(method, url.pathname);
    if (!template) {
      this.violations.push(`${method} ${url.pathname}: not a GitHub REST endpoint`);
      return reply(404, { message: 'Not Found' });
    }
    for (const problem of queryProblems(method, template, url.searchParams)) {
      this.violations.push(`${method} ${template}: ${problem}`);
    }
    const validate = bodyValidator(method, template);
    if (validate) {
      body ??= {};
      if (!validate(body)) {
        this.violations.push(`${method} ${template}: ${ajv.errorsText(validate.errors)}`);
        return reply(422, { message: 'Invalid request.', errors: validate.errors });
      }
    }
    return this.rest(method, template, url, body as Record<string, unknown>, reply);
  }

  // ---------------------------------------------------------------- REST

  private rest(
    method: string,
    template: string,
    url: URL,
    body: Record<string, unknown>,
    reply: (status: number, payload?: unknown, headers?: Record<string, string>) => void,
  ): void {
    const seg = url.pathname.split('/');
    const [, , owner, repo] = seg;
    if (template.startsWith('/repos/') && (owner !== this.owner || repo !== this.repo)) {
      return reply(404, { message: 'Not Found' });
    }
    const html = (p: string) => `http://avb.localhost/${this.owner}/${this.repo}${p}`;
    const commentJson = (c: IssueComment) => ({
      id: c.id,
      node_id: `IC_${c.id}`,
      url: `${this.url}/repos/${this.owner}/${this.repo}/issues/comments/${c.id}`,
      html_url: html(`/pull/${c.issue}#issuecomment-${c.id}`),
      body: c.body,
      user: { login: c.login, id: c.login === BOT ? 41898282 : 1, type: c.login === BOT ? 'Bot' : 'User' },
      created_at: c.created_at,
      updated_at: c.updated_at,
      author_association: 'NONE',
    });
    const checkJson = (c: CheckRunRecord) => ({
      id: c.id,
      name: c.name,
      head_sha: c.head_sha,
      status: c.status,
      conclusion: c.conclusion,
      html_url: html(`/runs/${c.id}`),
      output: { title: c.title, summary: c.summary, annotations_count: c.annotations.length },
    });
    const now = new Date().toISOString();

    switch (`${method} ${template}`) {
      case 'GET /user':
        // The workflow token is an installation token: GitHub answers 403 here.
        return reply(403, { message: 'Resource not accessible by integration' });

      case 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const issue = Number(seg[5]);
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const all = this.comments.filter((c) => c.issue === issue);
        const slice = all.slice((page - 1) * perPage, page * perPage);
        const headers: Record<string, string> = {};
        if (page * perPage < all.length) {
          const next = new URL(url);
          next.searchParams.set('page', String(page + 1));
          headers.link = `<${next.href}>; rel="next"`;
        }
        return reply(200, slice.map(commentJson), headers);
      }
      case 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments': {
        const c: IssueComment = {
          id: this.nextId++,
          issue: Number(seg[5]),
          login: BOT,
          body: String(body.body),
          created_at: now,
          updated_at: now,
        };
        this.comments.push(c);
        return reply(201, commentJson(c));
      }
      case 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}': {
        const c = this.comments.find((x) => x.id === Number(seg[6]));
        if (!c) return reply(404, { message: 'Not Found' });
        if (c.login !== BOT) return reply(403, { message: 'Resource not accessible by integration' });
        c.body = String(body.body);
        c.updated_at = now;
        return reply(200, commentJson(c));
      }
      case 'POST /repos/{owner}/{repo}/check-runs': {
        const output = (body.output ?? {}) as { title?: string; summary?: string; annotations?: unknown[] };
        const annotations = output.annotations ?? [];
        if (annotations.length > 50)
          return reply(422, { message: 'Only 50 annotations are allowed per request' });
        const c: CheckRunRecord = {
          id: this.nextId++,
          name: String(body.name),
          head_sha: String(body.head_sha),
          status: String(body.status ?? 'queued'),
          conclusion: (body.conclusion as string | undefined) ?? null,
          title: output.title ?? '',
          summary: output.summary ?? '',
          annotations: [...annotations],
          annotationBatches: annotations.length > 0 ? [annotations.length] : [],
        };
        this.checkRuns.push(c);
        return reply(201, checkJson(c));
      }
      case 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}': {
        const c = this.checkRuns.find((x) => x.id === Number(seg[5]));
        if (!c) return reply(404, { message: 'Not Found' });
        const output = (body.output ?? {}) as { annotations?: unknown[] };
        const annotations = output.annotations ?? [];
        if (annotations.length > 50)
          return reply(422, { message: 'Only 50 annotations are allowed per request' });
        c.annotations.push(...annotations);
        if (annotations.length > 0) c.annotationBatches.push(annotations.length);
        if (typeof body.conclusion === 'string') c.conclusion = body.conclusion;
        return reply(200, checkJson(c));
      }
      case 'GET /repos/{owner}/{repo}/pulls/{pull_number}': {
        const p = this.pulls.find((x) => x.number === Number(seg[5]));
        if (!p) return reply(404, { message: 'Not Found' });
        return reply(200, {
          number: p.number,
          state: 'open',
          html_url: html(`/pull/${p.number}`),
          head: { sha: p.headSha, ref: p.headRef, repo: { full_name: p.headRepo } },
          base: { sha: '0'.repeat(40), ref: p.baseRef, repo: { full_name: `${this.owner}/${this.repo}` } },
        });
      }
      case 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs': {
        const wf = decodeURIComponent(seg[6] ?? '');
        const q = (k: string) => url.searchParams.get(k);
        const branch = q('branch');
        const event = q('event');
        const status = q('status');
        const headSha = q('head_sha');
        const perPage = Math.min(Number(q('per_page') ?? 30), 100);
        const page = Number(q('page') ?? 1);
        // GitHub's `status` filter takes a status or a conclusion.
        const RUN_STATUSES = ['completed', 'in_progress', 'queued', 'requested', 'waiting', 'pending'];
        const statusOf = (r: WorkflowRun) => (r.conclusion === null ? 'in_progress' : 'completed');
        const runs = this.runs
          .filter((r) => r.workflowFile === wf || String(r.workflowId) === wf)
          // head_branch only: GitHub does not look at which repository the branch is in.
          .filter((r) => !branch || r.branch === branch)
          .filter((r) => !event || r.event === event)
          .filter((r) => !headSha || r.headSha === headSha)
          .filter(
            (r) =>
              !status || (RUN_STATUSES.includes(status) ? statusOf(r) === status : r.conclusion === status),
          )
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
        const repoJson = (fullName: string) => {
          const [login = '', name = ''] = fullName.split('/');
          return {
            id: fullName === `${this.owner}/${this.repo}` ? 1 : 2,
            node_id: `R_${fullName}`,
            name,
            full_name: fullName,
            owner: { login, id: login === this.owner ? 10 : 20, type: 'Organization' },
            private: false,
            fork: fullName !== `${this.owner}/${this.repo}`,
            html_url: `http://avb.localhost/${fullName}`,
            url: `${this.url}/repos/${fullName}`,
          };
        };
        return reply(200, {
          total_count: runs.length,
          workflow_runs: runs.slice((page - 1) * perPage, page * perPage).map((r, i) => ({
            id: r.id,
            node_id: `WFR_${r.id}`,
            name: r.workflowFile,
            display_title: `${r.event} ${r.headSha.slice(0, 7)}`,
            run_number: i + 1,
            head_branch: r.branch,
            head_sha: r.headSha,
            path: `.github/workflows/${r.workflowFile}`,
            event: r.event,
            status: statusOf(r),
            conclusion: r.conclusion,
            workflow_id: r.workflowId,
            html_url: html(`/actions/runs/${r.id}`),
            created_at: r.createdAt,
            updated_at: r.createdAt,
            pull_requests: [],
            head_repository: repoJson(r.headRepository),
            repository: repoJson(`${this.owner}/${this.repo}`),
          })),
        });
      }
      case 'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts': {
        const runId = Number(seg[6]);
        const name = url.searchParams.get('name');
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        const list = this.artifacts.filter(
          (a) => a.runId === runId && a.finalized && (!name || a.name === name),
        );
        return reply(200, {
          total_count: list.length,
          artifacts: list.slice((page - 1) * perPage, page * perPage).map((a) => ({
            id: a.id,
            node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
            name: a.name,
            size_in_bytes: a.size,
            url: `${this.url}/repos/${this.owner}/${this.repo}/actions/artifacts/${a.id}`,
            archive_download_url: `${this.url}/repos/${this.owner}/${this.repo}/actions/artifacts/${a.id}/zip`,
            expired: a.expired,
            created_at: a.createdAt,
            updated_at: a.createdAt,
            expires_at: a.expiresAt ?? null,
            digest: a.digest ?? null,
            workflow_run: { id: a.runId },
          })),
        });
      }
      case 'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}': {
        const a = this.artifacts.find((x) => x.id === Number(seg[6]));
        if (!a || !a.finalized) return reply(404, { message: 'Not Found' });
        if (a.expired) return reply(410, { message: 'Artifact has expired' });
        return reply(302, undefined, { location: `${this.url}/blob/download/${a.id}?sig=${sig(a.id)}` });
      }
      default:
        this.violations.push(`${method} ${template}: a real GitHub endpoint the stand-in does not serve`);
        return reply(404, { message: 'Not Found' });
    }
  }

  // ---------------------------------------------------------------- Twirp artifact service

  private twirp(method: string, body: unknown, reply: (status: number, payload?: unknown) => void): void {
    const decode = (type: string): Record<string, unknown> | undefined => {
      try {
        return proto[type]!.fromJson(body as Json); // strict: unknown fields throw
      } catch (err) {
        this.violations.push(`twirp ${method}: ${(err as Error).message}`);
        reply(400, { code: 'malformed', msg: (err as Error).message });
        return undefined;
      }
    };
    const runIdOf = (backend: string) => this.runs.find((r) => r.runBackendId === backend)?.id;
    switch (method) {
      case 'CreateArtifact': {
        const m = decode('CreateArtifactRequest');
        if (!m) return;
        const runId = runIdOf(String(m.workflowRunBackendId));
        if (runId === undefined) return reply(404, { code: 'not_found', msg: 'unknown workflow run' });
        if (this.artifacts.some((a) => a.runId === runId && a.name === m.name && a.finalized)) {
          return reply(409, {
            code: 'already_exists',
            msg: 'an artifact with this name already exists on the workflow run',
          });
        }
        const a: StoredArtifact = {
          id: this.nextId++,
          name: String(m.name),
          runId,
          runBackendId: String(m.workflowRunBackendId),
          jobBackendId: String(m.workflowJobRunBackendId),
          blob: undefined,
          size: 0,
          digest: undefined,
          finalized: false,
          expired: false,
          createdAt: new Date().toISOString(),
          expiresAt: m.expiresAt ? JSON.stringify(m.expiresAt) : undefined,
          blocks: new Map(),
        };
        this.artifacts.push(a);
        return reply(200, {
          ok: true,
          signed_upload_url: `${this.url}/blob/upload/${a.id}?sig=${sig(a.id)}`,
        });
      }
      case 'FinalizeArtifact': {
        const m = decode('FinalizeArtifactRequest');
        if (!m) return;
        const a = this.artifacts.find(
          (x) => x.runBackendId === m.workflowRunBackendId && x.name === m.name && !x.finalized,
        );
        if (!a || !a.blob) return reply(404, { code: 'not_found', msg: 'no uploaded artifact by that name' });
        const hash = m.hash as { value?: string } | string | undefined;
        const claimed = typeof hash === 'string' ? hash : hash?.value;
        const actual = `sha256:${createHash('sha256').update(a.blob).digest('hex')}`;
        if (claimed && claimed !== actual)
          this.violations.push(`FinalizeArtifact: hash ${claimed} but blob is ${actual}`);
        if (Number(m.size) !== a.blob.length)
          this.violations.push(`FinalizeArtifact: size ${String(m.size)} but blob has ${a.blob.length}`);
        a.finalized = true;
        a.digest = actual;
        a.size = a.blob.length;
        return reply(200, { ok: true, artifact_id: String(a.id) });
      }
      case 'ListArtifacts': {
        const m = decode('ListArtifactsRequest');
        if (!m) return;
        const nameFilter = (m.nameFilter as { value?: string } | string | undefined) ?? undefined;
        const idFilter = (m.idFilter as { value?: string } | string | undefined) ?? undefined;
        const name = typeof nameFilter === 'string' ? nameFilter : nameFilter?.value;
        const id = typeof idFilter === 'string' ? idFilter : idFilter?.value;
        const list = this.artifacts.filter(
          (a) =>
            a.finalized &&
            a.runBackendId === m.workflowRunBackendId &&
            (!name || a.name === name) &&
            (!id || String(a.id) === String(id)),
        );
        return reply(200, {
          artifacts: list.map((a) => ({
            workflow_run_backend_id: a.runBackendId,
            workflow_job_run_backend_id: a.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt,
            ...(a.digest ? { digest: a.digest } : {}),
          })),
        });
      }
      case 'GetSignedArtifactURL': {
        const m = decode('GetSignedArtifactURLRequest');
        if (!m) return;
        const a = this.artifacts.find(
          (x) => x.finalized && x.runBackendId === m.workflowRunBackendId && x.name === m.name,
        );
        if (!a) return reply(404, { code: 'not_found', msg: 'artifact not found' });
        return reply(200, { signed_url: `${this.url}/blob/download/${a.id}?sig=${sig(a.id)}` });
      }
      default:
        this.violations.push(`twirp: unknown method ${method}`);
        return reply(404, { code: 'bad_route', msg: `no handler for ${method}` });
    }
  }

  // ---------------------------------------------------------------- blob storage (Azure block blobs)

  private blob(
    method: string,
    url: URL,
    raw: Buffer,
    reply: (status: number, payload?: unknown, headers?: Record<string, string>) => void,
    res: ServerResponse,
    log: LoggedRequest,
  ): void {
    const [, , kind, idText] = url.pathname.split('/');
    const a = this.artifacts.find((x) => x.id === Number(idText));
    if (!a || url.searchParams.get('sig') !== sig(a.id))
      return reply(403, { message: 'AuthenticationFailed' });
    const azure = { 'x-ms-request-id': String(this.nextId++), 'x-ms-version': '2024-11-04' };
    if (kind === 'upload' && method === 'PUT') {
      const comp = url.searchParams.get('comp');
      if (comp === 'block') {
        a.blocks.set(url.searchParams.get('blockid') ?? '', raw);
        return reply(201, undefined, { ...azure, 'x-ms-request-server-encrypted': 'true' });
      }
      if (comp === 'blocklist') {
        const ids = [...raw.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map(
          (m) => m[1]!,
        );
        const parts = ids.map((id) => a.blocks.get(id));
        if (parts.some((p) => p === undefined)) return reply(400, { message: 'InvalidBlockList' });
        a.blob = Buffer.concat(parts as Buffer[]);
        a.blocks.clear();
        return reply(201, undefined, {
          ...azure,
          etag: `"0x${a.id}"`,
          'last-modified': new Date().toUTCString(),
        });
      }
      // Put Blob (single shot)
      a.blob = raw;
      return reply(201, undefined, {
        ...azure,
        etag: `"0x${a.id}"`,
        'last-modified': new Date().toUTCString(),
      });
    }
    if (kind === 'download' && method === 'GET') {
      if (!a.blob) return reply(404, { message: 'BlobNotFound' });
      log.status = 200;
      res.writeHead(200, {
        'content-type': 'application/zip',
        'content-length': String(a.blob.length),
        'content-disposition': `attachment; filename="${a.name}.zip"`,
      });
      res.end(a.blob);
      return;
    }
    return reply(405, { message: 'UnsupportedHttpVerb' });
  }
}

function sig(id: number): string {
  return createHash('sha256').update(`avb-blob-${id}`).digest('base64url').slice(0, 24);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
): void {
  const text = payload === undefined ? '' : JSON.stringify(payload);
  res.writeHead(status, {
    ...(payload === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
    'content-length': String(Buffer.byteLength(text)),
    'x-github-request-id': 'AVB:STANDIN',
    ...headers,
  });
  res.end(text);
}

/**
 * A minimal zip of the given files (stored, or deflated as @actions/artifact's uploads are),
 * with its central directory. `declaredSizes` makes the directory lie about an entry's
 * uncompressed size (a hostile artifact).
 */
export function makeZip(
  files: Record<string, string | Buffer>,
  opts: { deflate?: boolean | undefined; declaredSizes?: Record<string, number> } = {},
): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const raw = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const data = opts.deflate ? deflateRawSync(raw) : raw;
    const method = opts.deflate ? 8 : 0;
    const size = opts.declaredSizes?.[name] ?? raw.length;
    const nameBuf = Buffer.from(name, 'utf8');
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8); // 0 stored, 8 deflated
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBuf, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
