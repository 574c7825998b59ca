import { mkdir, mkdtemp, stat, rm, readdir, readFile, writeFile, appendFile } from 'node:fs/promises';
import { join, dirname, resolve, normalize } from 'node:path';
import { s as setSecret, d as debug, B as BottleneckLight, g as getOctokit, r as retry, w as warning, a as getDefaultExportFromCjs, i as info, b as setFailed, c as setOutput, e as group, f as core } from './chunks/index-DXlRnO-b.js';
import { T as TOOL_VERSION, g as escapeMarkdown, L as LocalTransport, r as runBench, w as withBoard, f as writeReports, b as analyze, h as groupedReporter, c as renderMarkdown } from './chunks/controller-3tT23vIW.js';
import { b as string, c as array, o as object, _ as _enum, n as number$1, u as union, P as PRESET_NAMES, d as literal, N as NEVER, R as Results, l as loadConfigFile, a as SshTransport, s as sshHostFromConfig } from './chunks/load-BZsTr58T.js';
import { readFileSync, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import fs__default from 'fs';
import require$$0$1 from 'zlib';
import require$$0 from 'util';
import require$$0__default from 'stream';
import require$$1__default from 'events';
import 'node:crypto';
import 'node:net';
import 'node:os';
import 'node:child_process';
import 'node:string_decoder';
import 'node:timers/promises';
import 'node:dgram';
import 'os';
import 'crypto';
import 'path';
import 'http';
import 'https';
import 'string_decoder';
import 'child_process';
import 'assert';
import 'timers';
import 'net';
import 'tls';
import 'node:assert';
import 'node:http';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import 'node:tls';
import 'node:zlib';
import 'node:perf_hooks';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'process';
import 'buffer';

/**
 * The action's inputs (action.yml), read from the runner's INPUT_* variables and checked with
 * zod: a wrong value stops the action with the input's name and the accepted values.
 */
const bool = (name) => string()
    .trim()
    .transform((v, ctx) => {
    // The YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts them.
    if (['true', 'True', 'TRUE'].includes(v))
        return true;
    if (['false', 'False', 'FALSE'].includes(v))
        return false;
    ctx.addIssue({ code: 'custom', message: `${name} must be true or false, got '${v}'` });
    return NEVER;
});
const number = (name, min, max) => string()
    .trim()
    .transform((v, ctx) => {
    const n = Number(v);
    if (v === '' || !Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a number in [${min}, ${max}], got '${v}'` });
        return NEVER;
    }
    return n;
});
/** `auto` | `none` | a path to a results.json (or a folder of them). */
const BaselineInput = string()
    .trim()
    .transform((v) => v === '' || v === 'auto' ? { kind: 'auto' } : v === 'none' ? { kind: 'none' } : { kind: 'path', path: v });
/** A comma/space/newline separated list; empty means "all the config declares". */
const list = string()
    .transform((v) => v.split(/[\s,]+/).filter((s) => s.length > 0))
    .pipe(array(string().regex(/^[A-Za-z0-9._-]+$/, 'environment ids are letters, digits, . _ -')));
/** Artifact names end up in URLs and file names: keep them plain. */
const artifactName = string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,100}$/, 'artifact-name must be 1-100 of letters, digits, . _ -');
const Inputs = object({
    config: string().trim().min(1, 'config must name the board/suite config file'),
    environments: list,
    /** Empty: the config's own preset. */
    preset: union([_enum(PRESET_NAMES), literal('')]),
    phase: _enum(['all', 'run', 'report']),
    baseline: BaselineInput,
    failOn: _enum(['regression', 'overhead-regression', 'never']),
    comment: bool('comment'),
    check: bool('check'),
    summary: bool('summary'),
    githubToken: string(),
    artifactName,
    retentionDays: number('retention-days', 0, 400).pipe(number$1().int('retention-days must be whole days')),
    allowFork: bool('allow-fork'),
    minEffect: number('min-effect', 0, 10),
    alpha: number('alpha', 0, 0.5).refine((n) => n > 0, 'alpha must be above 0'),
    correction: _enum(['holm', 'bh']),
    outDir: string().trim().min(1),
    checkName: string().trim().min(1).max(100),
});
/** input name in action.yml → key in Inputs */
const INPUT_NAMES = {
    config: 'config',
    environments: 'environments',
    preset: 'preset',
    phase: 'phase',
    baseline: 'baseline',
    failOn: 'fail-on',
    comment: 'comment',
    check: 'check',
    summary: 'summary',
    githubToken: 'github-token',
    artifactName: 'artifact-name',
    retentionDays: 'retention-days',
    allowFork: 'allow-fork',
    minEffect: 'min-effect',
    alpha: 'alpha',
    correction: 'correction',
    outDir: 'out-dir',
    checkName: 'check-name',
};
/**
 * Defaults used when a variable is missing altogether (a step without `with:` still gets
 * action.yml's defaults from the runner; these matter for local runs and tests).
 * test/unit/github/action-yml.test.ts checks they equal action.yml's.
 */
const INPUT_DEFAULTS = {
    config: '.github/arm-virt-bench.yml',
    environments: '',
    preset: '',
    phase: 'all',
    baseline: 'auto',
    failOn: 'regression',
    comment: 'true',
    check: 'true',
    summary: 'true',
    githubToken: '',
    artifactName: 'arm-virt-bench',
    retentionDays: '30',
    allowFork: 'false',
    minEffect: '0.05',
    alpha: '0.05',
    correction: 'holm',
    outDir: 'arm-virt-bench-results',
    checkName: 'arm-virt-bench',
};
class InputError extends Error {
    name = 'InputError';
}
/** The runner's variable for an input: INPUT_ + name upper-cased, spaces to `_` (hyphens kept). */
function inputVariable(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
function readInputs(env = process.env) {
    const raw = {};
    for (const [key, name] of Object.entries(INPUT_NAMES)) {
        const value = env[inputVariable(name)];
        raw[key] = value === undefined || value.trim() === '' ? INPUT_DEFAULTS[key] : value;
    }
    const parsed = Inputs.safeParse(raw);
    if (!parsed.success) {
        const lines = parsed.error.issues.map((issue) => {
            const key = issue.path[0];
            const name = key ? INPUT_NAMES[key] : '(inputs)';
            return `input '${name}': ${issue.message}`;
        });
        throw new InputError(lines.join('\n'));
    }
    return parsed.data;
}

/**
 * What the action needs to know about the workflow run, read from the runner's variables and
 * the event payload (GITHUB_EVENT_PATH), checked with zod. The payload of a `workflow_run` or a
 * fork's `pull_request` carries text an outsider wrote (branch names, titles): nothing here
 * trusts it beyond its type.
 */
const Repo = object({
    full_name: string(),
    default_branch: string().optional(),
});
const PullRequest = object({
    number: number$1().int().positive(),
    head: object({
        sha: string(),
        ref: string().optional(),
        // null when the fork was deleted: treated as a fork.
        repo: object({ full_name: string() }).nullable().optional(),
    }),
    base: object({ ref: string().optional(), repo: object({ full_name: string() }).optional() }),
});
const WorkflowRun = object({
    id: number$1().int(),
    workflow_id: number$1().int().optional(),
    head_sha: string(),
    head_branch: string().nullable().optional(),
    event: string().optional(),
    conclusion: string().nullable().optional(),
    head_repository: object({ full_name: string() }).nullable().optional(),
    pull_requests: array(object({ number: number$1().int().positive() })).optional(),
});
const Payload = object({
    repository: Repo.optional(),
    pull_request: PullRequest.optional(),
    workflow_run: WorkflowRun.optional(),
})
    .passthrough();
class ContextError extends Error {
    name = 'ContextError';
}
function need(env, name) {
    const v = env[name];
    if (!v)
        throw new ContextError(`${name} is not set: is this running inside GitHub Actions?`);
    return v;
}
function readPayload(path) {
    if (!path)
        return {};
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (err) {
        throw new ContextError(`GITHUB_EVENT_PATH ${path}: ${err.message}`);
    }
    const parsed = Payload.safeParse(JSON.parse(text));
    if (!parsed.success) {
        throw new ContextError(`GITHUB_EVENT_PATH ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    return parsed.data;
}
function readContext(env = process.env) {
    const repository = need(env, 'GITHUB_REPOSITORY');
    const [owner, repo] = repository.split('/');
    if (!owner || !repo)
        throw new ContextError(`GITHUB_REPOSITORY '${repository}' is not owner/repo`);
    const eventName = need(env, 'GITHUB_EVENT_NAME');
    const payload = readPayload(env.GITHUB_EVENT_PATH);
    const runId = Number(need(env, 'GITHUB_RUN_ID'));
    if (!Number.isSafeInteger(runId))
        throw new ContextError(`GITHUB_RUN_ID '${env.GITHUB_RUN_ID}' is not a number`);
    const serverUrl = (env.GITHUB_SERVER_URL ?? '').replace(/\/+$/, '');
    const apiUrl = (env.GITHUB_API_URL ?? '').replace(/\/+$/, '');
    // GITHUB_WORKFLOW_REF: owner/repo/.github/workflows/bench.yml@refs/heads/main
    const workflowFile = /\/\.github\/workflows\/([^@/]+)@/.exec(env.GITHUB_WORKFLOW_REF ?? '')?.[1];
    const pr = payload.pull_request;
    const wr = eventName === 'workflow_run' ? payload.workflow_run : undefined;
    const isPrEvent = eventName === 'pull_request' || eventName === 'pull_request_target';
    const fromFork = isPrEvent && pr !== undefined && pr.head.repo?.full_name !== repository;
    let headSha = env.GITHUB_SHA ?? '';
    let pullNumber;
    if (pr) {
        headSha = pr.head.sha;
        pullNumber = pr.number;
    }
    else if (wr) {
        headSha = wr.head_sha;
        pullNumber = wr.pull_requests?.[0]?.number;
    }
    return {
        eventName,
        owner,
        repo,
        repository,
        runId,
        runAttempt: Number(env.GITHUB_RUN_ATTEMPT ?? '1') || 1,
        workflowFile,
        serverUrl,
        apiUrl,
        defaultBranch: payload.repository?.default_branch,
        headSha,
        pullNumber,
        fromFork,
        triggeringRun: wr,
        sourceRunId: wr ? wr.id : runId,
    };
}
/** The page of a workflow run: where its artifacts are listed (stable across re-run attempts). */
function runUrl(ctx, runId = ctx.sourceRunId) {
    return ctx.serverUrl ? `${ctx.serverUrl}/${ctx.repository}/actions/runs/${runId}` : undefined;
}

/**
 * Secrets: masked in the log (core.setSecret) and removed from this process's environment
 * before any benchmark starts. The transports already give benchmark processes an environment
 * built only from what the engine passes (src/transport/process.ts minimalEnv); removing the
 * tokens here as well means no later code path (a transport that forgets, a helper that spawns
 * with process.env) can hand them on.
 */
/** Variables that hold credentials on a runner. */
const SECRET_VARIABLES = [
    'INPUT_GITHUB-TOKEN',
    'GITHUB_TOKEN',
    'GH_TOKEN',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
];
/** A private key or token in a variable (e.g. the SSH key a config names with identityEnv). */
const KEY_PATTERN = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
/** Mask a value; a multi-line one (an SSH key) also line by line, since the log masks per line. */
function maskValue(value, setSecret$1 = setSecret) {
    if (!value)
        return;
    setSecret$1(value);
    if (value.includes('\n')) {
        for (const line of value.split(/\r?\n/))
            if (line.trim().length >= 8)
                setSecret$1(line.trim());
    }
}
/**
 * Mask every secret in sight, take the credentials the action itself needs out of
 * process.env and return them. Call once, before anything is spawned.
 */
function captureSecrets(token, env = process.env, setSecret$1 = setSecret) {
    maskValue(token, setSecret$1);
    const captured = {
        token,
        runtimeToken: env.ACTIONS_RUNTIME_TOKEN,
        resultsUrl: env.ACTIONS_RESULTS_URL,
    };
    for (const name of SECRET_VARIABLES) {
        maskValue(env[name], setSecret$1);
        delete env[name];
    }
    // Keys handed over in variables (SSH identities): masked, and kept for the SSH transport,
    // which writes them to a 0600 file for ssh -i; benchmark processes never see variables.
    for (const [name, value] of Object.entries(env)) {
        if (value && KEY_PATTERN.test(value)) {
            maskValue(value, setSecret$1);
            debug(`masked the key in ${name}`);
        }
    }
    return captured;
}
/**
 * @actions/artifact reads ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL from process.env at the
 * moment of each call: put them back only around artifact calls, never while benchmarks run.
 */
async function withArtifactCredentials(secrets, fn, env = process.env) {
    if (secrets.runtimeToken)
        env.ACTIONS_RUNTIME_TOKEN = secrets.runtimeToken;
    if (secrets.resultsUrl)
        env.ACTIONS_RESULTS_URL = secrets.resultsUrl;
    try {
        return await fn();
    }
    finally {
        delete env.ACTIONS_RUNTIME_TOKEN;
    }
}

// pkg/dist-src/index.js

// pkg/dist-src/version.js
var VERSION = "0.0.0-development";

// pkg/dist-src/wrap-request.js
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}

// pkg/dist-src/generated/triggers-notification-paths.js
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];

// pkg/dist-src/route-matcher.js
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}

// pkg/dist-src/index.js
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck, common) {
  groups.global = new Bottleneck.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck = BottleneckLight,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck();
    const events = {};
    const emitter = new Bottleneck.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;

/**
 * The one Octokit the action uses: @actions/github's getOctokit (which honours GITHUB_API_URL,
 * so GitHub Enterprise Server works unchanged) plus retry (5xx, network errors: 3 retries
 * backing off 1 s, 4 s, 9 s) and throttling (primary and secondary rate limits: wait as told,
 * twice at most).
 */
const MAX_RATE_LIMIT_RETRIES = 2;
/** The throttling plugin's handler for one kind of limit: warn, then retry a few times. */
function retryOnLimit(kind) {
    return (retryAfter, options, _o, retryCount) => {
        warning(`GitHub API ${kind} on ${options.method} ${options.url}; retrying in ${retryAfter} s`);
        return retryCount < MAX_RATE_LIMIT_RETRIES;
    };
}
function createOctokit(token) {
    return getOctokit(token, {
        userAgent: `arm-virt-bench/${TOOL_VERSION}`,
        retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
        throttle: {
            onRateLimit: retryOnLimit('rate limit'),
            onSecondaryRateLimit: retryOnLimit('secondary rate limit'),
        },
    }, retry, throttling);
}
/** A short, log-safe description of an Octokit error (status and message, never headers). */
function describeApiError(err) {
    if (err && typeof err === 'object' && 'status' in err) {
        const status = err.status;
        const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
        return `HTTP ${String(status)}: ${message}`;
    }
    return err instanceof Error ? err.message : String(err);
}
function httpStatus(err) {
    if (err && typeof err === 'object' && 'status' in err) {
        const s = err.status;
        return typeof s === 'number' ? s : undefined;
    }
    return undefined;
}

const FORK_PATTERN_DOC = 'workflows-examples/fork-safe-report.yml';
function forkGuard(ctx, allowFork) {
    if (!ctx.fromFork)
        return { allowed: true };
    if (allowFork)
        return { allowed: true };
    return {
        allowed: false,
        reason: [
            `arm-virt-bench ran no benchmark: pull request #${ctx.pullNumber ?? '?'} comes from a fork, and a fork's code`,
            'must not run on a self-hosted lab board (it could read the board, its keys and the network behind it).',
            '',
            `To benchmark contributions safely, run the benchmark only on trusted refs and report on pull requests from a`,
            `separate workflow triggered by \`workflow_run\` (see \`${FORK_PATTERN_DOC}\` in the arm-virt-bench repository).`,
            'Set `allow-fork: true` only if every runner this job can land on is disposable.',
        ].join('\n'),
    };
}

var yauzl$1 = {};

var fdSlicer = {};

var pend;
var hasRequiredPend;

function requirePend () {
	if (hasRequiredPend) return pend;
	hasRequiredPend = 1;
	pend = Pend;

	function Pend() {
	  this.pending = 0;
	  this.max = Infinity;
	  this.listeners = [];
	  this.waiting = [];
	  this.error = null;
	}

	Pend.prototype.go = function(fn) {
	  if (this.pending < this.max) {
	    pendGo(this, fn);
	  } else {
	    this.waiting.push(fn);
	  }
	};

	Pend.prototype.wait = function(cb) {
	  if (this.pending === 0) {
	    cb(this.error);
	  } else {
	    this.listeners.push(cb);
	  }
	};

	Pend.prototype.hold = function() {
	  return pendHold(this);
	};

	function pendHold(self) {
	  self.pending += 1;
	  var called = false;
	  return onCb;
	  function onCb(err) {
	    if (called) throw new Error("callback called twice");
	    called = true;
	    self.error = self.error || err;
	    self.pending -= 1;
	    if (self.waiting.length > 0 && self.pending < self.max) {
	      pendGo(self, self.waiting.shift());
	    } else if (self.pending === 0) {
	      var listeners = self.listeners;
	      self.listeners = [];
	      listeners.forEach(cbListener);
	    }
	  }
	  function cbListener(listener) {
	    listener(self.error);
	  }
	}

	function pendGo(self, fn) {
	  fn(pendHold(self));
	}
	return pend;
}

var hasRequiredFdSlicer;

function requireFdSlicer () {
	if (hasRequiredFdSlicer) return fdSlicer;
	hasRequiredFdSlicer = 1;
	// This was adapted from https://github.com/andrewrk/node-fd-slicer by Andrew Kelley under the MIT License.
	var fs = fs__default;
	var util = require$$0;
	var stream = require$$0__default;
	var Readable = stream.Readable;
	var PassThrough = stream.PassThrough;
	var Pend = requirePend();
	var EventEmitter = require$$1__default.EventEmitter;

	fdSlicer.BufferSlicer = BufferSlicer;
	fdSlicer.FdSlicer = FdSlicer;

	util.inherits(FdSlicer, EventEmitter);
	function FdSlicer(fd) {
	  EventEmitter.call(this);

	  this.fd = fd;
	  this.pend = new Pend();
	  this.pend.max = 1;
	  this.refCount = 0;
	}

	FdSlicer.prototype.read = function(buffer, offset, length, position, callback) {
	  var self = this;
	  self.pend.go(function(cb) {
	    fs.read(self.fd, buffer, offset, length, position, function(err, bytesRead, buffer) {
	      cb();
	      callback(err, bytesRead, buffer);
	    });
	  });
	};

	FdSlicer.prototype.createReadStream = function(options) {
	  return new ReadStream(this, options);
	};

	FdSlicer.prototype.ref = function() {
	  this.refCount += 1;
	};

	FdSlicer.prototype.unref = function() {
	  var self = this;
	  self.refCount -= 1;
	  if (self.refCount < 0) throw new Error("invalid unref");
	  if (self.refCount > 0) return;

	  fs.close(self.fd, onCloseDone);

	  function onCloseDone(err) {
	    if (err) {
	      self.emit('error', err);
	    } else {
	      self.emit('close');
	    }
	  }
	};

	util.inherits(ReadStream, Readable);
	function ReadStream(context, options) {
	  options = options || {};
	  Readable.call(this, options);

	  this.context = context;
	  this.context.ref();

	  this.start = options.start || 0;
	  this.endOffset = options.end;
	  this.pos = this.start;
	}

	ReadStream.prototype._read = function(n) {
	  var self = this;

	  var toRead = Math.min(self._readableState.highWaterMark, n);
	  if (self.endOffset != null) {
	    toRead = Math.min(toRead, self.endOffset - self.pos);
	  }
	  if (toRead <= 0) {
	    self.push(null);
	    this._cleanup();
	    return;
	  }
	  self.context.pend.go(function(cb) {
	    var buffer = Buffer.allocUnsafe(toRead);
	    fs.read(self.context.fd, buffer, 0, toRead, self.pos, function(err, bytesRead) {
	      if (err) {
	        self.destroy(err);
	      } else if (bytesRead === 0) {
	        self.push(null);
	        self._cleanup();
	      } else {
	        self.pos += bytesRead;
	        self.push(buffer.slice(0, bytesRead));
	      }
	      cb();
	    });
	  });
	};

	ReadStream.prototype._destroy = function(err, cb) {
	  // Node 14+ calls this automatically at EOF.
	  this._cleanup();
	  cb(err);
	};

	ReadStream.prototype._cleanup = function() {
	  if (this.context != null) {
	    this.context.unref();
	    this.context = null;
	  }
	};

	util.inherits(BufferSlicer, EventEmitter);
	function BufferSlicer(buffer) {
	  EventEmitter.call(this);

	  this.refCount = 0;
	  this.buffer = buffer;
	}

	BufferSlicer.prototype.read = function(buffer, offset, length, position, callback) {
	  if (!(0 <= offset && offset <= buffer.length)) throw new RangeError("offset outside buffer: 0 <= " + offset + " <= " + buffer.length);
	  if (position < 0) throw new RangeError("position is negative: " + position);
	  if (offset + length > buffer.length) {
	    // The caller's buffer can't hold all the bytes they're trying to read.
	    // Clamp the length instead of giving an error.
	    // The callback will be informed of fewer than expected bytes written.
	    length = buffer.length - offset;
	  }
	  if (position + length > this.buffer.length) {
	    // Clamp any attempt to read past the end of the source buffer.
	    length = this.buffer.length - position;
	  }
	  if (length <= 0) {
	    // After any clamping, we're fully out of bounds or otherwise have nothing to do.
	    // This isn't an error; it's just zero bytes written.
	    setImmediate(function() {
	      callback(null, 0);
	    });
	    return;
	  }
	  this.buffer.copy(buffer, offset, position, position + length);
	  setImmediate(function() {
	    callback(null, length);
	  });
	};

	BufferSlicer.prototype.createReadStream = function(options) {
	  options = options || {};
	  var readStream = new PassThrough(options);
	  readStream.start = options.start || 0;
	  readStream.endOffset = options.end;
	  // by the time this function returns, we'll be done.
	  readStream.pos = readStream.endOffset || this.buffer.length;

	  var entireSlice = this.buffer.slice(readStream.start, readStream.pos);
	  // Cut the buffer into smaller slices for better memory usage when streaming into a zlib inflate stream.
	  // See https://github.com/thejoshwolfe/yauzl/issues/87
	  var maxChunkSize = 0x10000;
	  var offset = 0;
	  while (true) {
	    var nextOffset = offset + maxChunkSize;
	    if (nextOffset >= entireSlice.length) {
	      // last chunk
	      if (offset < entireSlice.length) {
	        readStream.write(entireSlice.slice(offset, entireSlice.length));
	      }
	      break;
	    }
	    readStream.write(entireSlice.slice(offset, nextOffset));
	    offset = nextOffset;
	  }

	  readStream.end();
	  return readStream;
	};

	BufferSlicer.prototype.ref = function() {
	  this.refCount += 1;
	};

	BufferSlicer.prototype.unref = function() {
	  this.refCount -= 1;

	  if (this.refCount < 0) {
	    throw new Error("invalid unref");
	  }
	};
	return fdSlicer;
}

var crc32_1;
var hasRequiredCrc32;

function requireCrc32 () {
	if (hasRequiredCrc32) return crc32_1;
	hasRequiredCrc32 = 1;
	// Adapted from https://github.com/brianloveswords/buffer-crc32/blob/v0.2.13/index.js
	const CRC_TABLE = new Int32Array([
	  0x00000000, 0x77073096, 0xee0e612c, 0x990951ba, 0x076dc419, 0x706af48f, 0xe963a535, 0x9e6495a3,
	  0x0edb8832, 0x79dcb8a4, 0xe0d5e91e, 0x97d2d988, 0x09b64c2b, 0x7eb17cbd, 0xe7b82d07, 0x90bf1d91,
	  0x1db71064, 0x6ab020f2, 0xf3b97148, 0x84be41de, 0x1adad47d, 0x6ddde4eb, 0xf4d4b551, 0x83d385c7,
	  0x136c9856, 0x646ba8c0, 0xfd62f97a, 0x8a65c9ec, 0x14015c4f, 0x63066cd9, 0xfa0f3d63, 0x8d080df5,
	  0x3b6e20c8, 0x4c69105e, 0xd56041e4, 0xa2677172, 0x3c03e4d1, 0x4b04d447, 0xd20d85fd, 0xa50ab56b,
	  0x35b5a8fa, 0x42b2986c, 0xdbbbc9d6, 0xacbcf940, 0x32d86ce3, 0x45df5c75, 0xdcd60dcf, 0xabd13d59,
	  0x26d930ac, 0x51de003a, 0xc8d75180, 0xbfd06116, 0x21b4f4b5, 0x56b3c423, 0xcfba9599, 0xb8bda50f,
	  0x2802b89e, 0x5f058808, 0xc60cd9b2, 0xb10be924, 0x2f6f7c87, 0x58684c11, 0xc1611dab, 0xb6662d3d,
	  0x76dc4190, 0x01db7106, 0x98d220bc, 0xefd5102a, 0x71b18589, 0x06b6b51f, 0x9fbfe4a5, 0xe8b8d433,
	  0x7807c9a2, 0x0f00f934, 0x9609a88e, 0xe10e9818, 0x7f6a0dbb, 0x086d3d2d, 0x91646c97, 0xe6635c01,
	  0x6b6b51f4, 0x1c6c6162, 0x856530d8, 0xf262004e, 0x6c0695ed, 0x1b01a57b, 0x8208f4c1, 0xf50fc457,
	  0x65b0d9c6, 0x12b7e950, 0x8bbeb8ea, 0xfcb9887c, 0x62dd1ddf, 0x15da2d49, 0x8cd37cf3, 0xfbd44c65,
	  0x4db26158, 0x3ab551ce, 0xa3bc0074, 0xd4bb30e2, 0x4adfa541, 0x3dd895d7, 0xa4d1c46d, 0xd3d6f4fb,
	  0x4369e96a, 0x346ed9fc, 0xad678846, 0xda60b8d0, 0x44042d73, 0x33031de5, 0xaa0a4c5f, 0xdd0d7cc9,
	  0x5005713c, 0x270241aa, 0xbe0b1010, 0xc90c2086, 0x5768b525, 0x206f85b3, 0xb966d409, 0xce61e49f,
	  0x5edef90e, 0x29d9c998, 0xb0d09822, 0xc7d7a8b4, 0x59b33d17, 0x2eb40d81, 0xb7bd5c3b, 0xc0ba6cad,
	  0xedb88320, 0x9abfb3b6, 0x03b6e20c, 0x74b1d29a, 0xead54739, 0x9dd277af, 0x04db2615, 0x73dc1683,
	  0xe3630b12, 0x94643b84, 0x0d6d6a3e, 0x7a6a5aa8, 0xe40ecf0b, 0x9309ff9d, 0x0a00ae27, 0x7d079eb1,
	  0xf00f9344, 0x8708a3d2, 0x1e01f268, 0x6906c2fe, 0xf762575d, 0x806567cb, 0x196c3671, 0x6e6b06e7,
	  0xfed41b76, 0x89d32be0, 0x10da7a5a, 0x67dd4acc, 0xf9b9df6f, 0x8ebeeff9, 0x17b7be43, 0x60b08ed5,
	  0xd6d6a3e8, 0xa1d1937e, 0x38d8c2c4, 0x4fdff252, 0xd1bb67f1, 0xa6bc5767, 0x3fb506dd, 0x48b2364b,
	  0xd80d2bda, 0xaf0a1b4c, 0x36034af6, 0x41047a60, 0xdf60efc3, 0xa867df55, 0x316e8eef, 0x4669be79,
	  0xcb61b38c, 0xbc66831a, 0x256fd2a0, 0x5268e236, 0xcc0c7795, 0xbb0b4703, 0x220216b9, 0x5505262f,
	  0xc5ba3bbe, 0xb2bd0b28, 0x2bb45a92, 0x5cb36a04, 0xc2d7ffa7, 0xb5d0cf31, 0x2cd99e8b, 0x5bdeae1d,
	  0x9b64c2b0, 0xec63f226, 0x756aa39c, 0x026d930a, 0x9c0906a9, 0xeb0e363f, 0x72076785, 0x05005713,
	  0x95bf4a82, 0xe2b87a14, 0x7bb12bae, 0x0cb61b38, 0x92d28e9b, 0xe5d5be0d, 0x7cdcefb7, 0x0bdbdf21,
	  0x86d3d2d4, 0xf1d4e242, 0x68ddb3f8, 0x1fda836e, 0x81be16cd, 0xf6b9265b, 0x6fb077e1, 0x18b74777,
	  0x88085ae6, 0xff0f6a70, 0x66063bca, 0x11010b5c, 0x8f659eff, 0xf862ae69, 0x616bffd3, 0x166ccf45,
	  0xa00ae278, 0xd70dd2ee, 0x4e048354, 0x3903b3c2, 0xa7672661, 0xd06016f7, 0x4969474d, 0x3e6e77db,
	  0xaed16a4a, 0xd9d65adc, 0x40df0b66, 0x37d83bf0, 0xa9bcae53, 0xdebb9ec5, 0x47b2cf7f, 0x30b5ffe9,
	  0xbdbdf21c, 0xcabac28a, 0x53b39330, 0x24b4a3a6, 0xbad03605, 0xcdd70693, 0x54de5729, 0x23d967bf,
	  0xb3667a2e, 0xc4614ab8, 0x5d681b02, 0x2a6f2b94, 0xb40bbe37, 0xc30c8ea1, 0x5a05df1b, 0x2d02ef8d,
	]);

	function crc32(buf) {
	  let crc = -1;
	  for (let x of buf) {
	    crc = CRC_TABLE[(crc ^ x) & 0xff] ^ (crc >>> 8);
	  }
	  return (crc ^ -1) >>> 0;
	}

	crc32_1 = crc32;
	return crc32_1;
}

var hasRequiredYauzl;

function requireYauzl () {
	if (hasRequiredYauzl) return yauzl$1;
	hasRequiredYauzl = 1;
	var fs = fs__default;
	var zlib = require$$0$1;
	var fd_slicer = requireFdSlicer();
	var util = require$$0;
	var EventEmitter = require$$1__default.EventEmitter;
	var Transform = require$$0__default.Transform;
	var PassThrough = require$$0__default.PassThrough;
	var Writable = require$$0__default.Writable;

	// Node 20 added zlib.crc32.
	const crc32 = typeof zlib.crc32 === "function" ? zlib.crc32 : requireCrc32();

	yauzl$1.open = open;
	yauzl$1.fromFd = fromFd;
	yauzl$1.fromBuffer = fromBuffer;
	yauzl$1.fromRandomAccessReader = fromRandomAccessReader;
	yauzl$1.openPromise = openPromise;
	yauzl$1.fromFdPromise = fromFdPromise;
	yauzl$1.fromBufferPromise = fromBufferPromise;
	yauzl$1.fromRandomAccessReaderPromise = fromRandomAccessReaderPromise;

	yauzl$1.dosDateTimeToDate = dosDateTimeToDate;
	yauzl$1.getFileNameLowLevel = getFileNameLowLevel;
	yauzl$1.validateFileName = validateFileName;
	yauzl$1.parseExtraFields = parseExtraFields;
	yauzl$1.ZipFile = ZipFile;
	yauzl$1.Entry = Entry;
	yauzl$1.LocalFileHeader = LocalFileHeader;
	yauzl$1.RandomAccessReader = RandomAccessReader;

	function openPromise(path, options) {
	  return new Promise((resolve, reject) => {
	    open(path, {...options, lazyEntries: true}, function(err, zipfile) {
	      if (err) return reject(err);
	      resolve(zipfile);
	    });
	  });
	}
	function fromFdPromise(fd, options) {
	  return new Promise((resolve, reject) => {
	    fromFd(fd, {...options, lazyEntries: true}, function(err, zipfile) {
	      if (err) return reject(err);
	      resolve(zipfile);
	    });
	  });
	}
	function fromBufferPromise(buffer, options) {
	  return new Promise((resolve, reject) => {
	    fromBuffer(buffer, {...options, lazyEntries: true}, function(err, zipfile) {
	      if (err) return reject(err);
	      resolve(zipfile);
	    });
	  });
	}
	function fromRandomAccessReaderPromise(reader, totalSize, options) {
	  return new Promise((resolve, reject) => {
	    fromRandomAccessReader(reader, totalSize, {...options, lazyEntries: true}, function(err, zipfile) {
	      if (err) return reject(err);
	      resolve(zipfile);
	    });
	  });
	}

	function open(path, options, callback) {
	  if (typeof options === "function") {
	    callback = options;
	    options = null;
	  }
	  if (options == null) options = {};
	  if (options.autoClose == null) options.autoClose = true;
	  if (options.lazyEntries == null) options.lazyEntries = false;
	  if (options.decodeStrings == null) options.decodeStrings = true;
	  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
	  if (options.strictFileNames == null) options.strictFileNames = false;
	  if (callback == null) callback = defaultCallback;
	  fs.open(path, "r", function(err, fd) {
	    if (err) return callback(err);
	    fromFd(fd, options, function(err, zipfile) {
	      if (err) fs.close(fd, defaultCallback);
	      callback(err, zipfile);
	    });
	  });
	}

	function fromFd(fd, options, callback) {
	  if (typeof options === "function") {
	    callback = options;
	    options = null;
	  }
	  if (options == null) options = {};
	  if (options.autoClose == null) options.autoClose = false;
	  if (options.lazyEntries == null) options.lazyEntries = false;
	  if (options.decodeStrings == null) options.decodeStrings = true;
	  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
	  if (options.strictFileNames == null) options.strictFileNames = false;
	  if (callback == null) callback = defaultCallback;
	  fs.fstat(fd, function(err, stats) {
	    if (err) return callback(err);
	    var reader = new fd_slicer.FdSlicer(fd);
	    fromRandomAccessReader(reader, stats.size, options, callback);
	  });
	}

	function fromBuffer(buffer, options, callback) {
	  if (typeof options === "function") {
	    callback = options;
	    options = null;
	  }
	  if (options == null) options = {};
	  options.autoClose = false;
	  if (options.lazyEntries == null) options.lazyEntries = false;
	  if (options.decodeStrings == null) options.decodeStrings = true;
	  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
	  if (options.strictFileNames == null) options.strictFileNames = false;
	  var reader = new fd_slicer.BufferSlicer(buffer);
	  fromRandomAccessReader(reader, buffer.length, options, callback);
	}

	function fromRandomAccessReader(reader, totalSize, options, callback) {
	  if (typeof options === "function") {
	    callback = options;
	    options = null;
	  }
	  if (options == null) options = {};
	  if (options.autoClose == null) options.autoClose = true;
	  if (options.lazyEntries == null) options.lazyEntries = false;
	  if (options.decodeStrings == null) options.decodeStrings = true;
	  var decodeStrings = !!options.decodeStrings;
	  if (options.validateEntrySizes == null) options.validateEntrySizes = true;
	  if (options.strictFileNames == null) options.strictFileNames = false;
	  if (callback == null) callback = defaultCallback;
	  if (typeof totalSize !== "number") throw new Error("expected totalSize parameter to be a number");
	  if (totalSize > Number.MAX_SAFE_INTEGER) {
	    throw new Error("zip file too large. only file sizes up to 2^52 are supported due to JavaScript's Number type being an IEEE 754 double.");
	  }

	  // the matching unref() call is in zipfile.close()
	  reader.ref();

	  // eocdr means End of Central Directory Record.
	  // search backwards for the eocdr signature.
	  // the last field of the eocdr is a variable-length comment.
	  // the comment size is encoded in a 2-byte field in the eocdr, which we can't find without trudging backwards through the comment to find it.
	  // as a consequence of this design decision, it's possible to have ambiguous zip file metadata if a coherent eocdr was in the comment.
	  // we search backwards for a eocdr signature, and hope that whoever made the zip file was smart enough to forbid the eocdr signature in the comment.
	  var eocdrWithoutCommentSize = 22;
	  var zip64EocdlSize = 20; // Zip64 end of central directory locator
	  var maxCommentSize = 0xffff; // 2-byte size
	  var bufferSize = Math.min(zip64EocdlSize + eocdrWithoutCommentSize + maxCommentSize, totalSize);
	  var buffer = newBuffer(bufferSize);
	  var bufferReadStart = totalSize - buffer.length;
	  readAndAssertNoEof(reader, buffer, 0, bufferSize, bufferReadStart, function(err) {
	    if (err) return callback(err);
	    for (var i = bufferSize - eocdrWithoutCommentSize; i >= 0; i -= 1) {
	      if (buffer.readUInt32LE(i) !== 0x06054b50) continue;
	      // found eocdr
	      var eocdrBuffer = buffer.subarray(i);

	      // 0 - End of central directory signature = 0x06054b50
	      // 4 - Number of this disk
	      var diskNumber = eocdrBuffer.readUInt16LE(4);
	      // 6 - Disk where central directory starts
	      // 8 - Number of central directory records on this disk
	      // 10 - Total number of central directory records
	      var entryCount = eocdrBuffer.readUInt16LE(10);
	      // 12 - Size of central directory (bytes)
	      // 16 - Offset of start of central directory, relative to start of archive
	      var centralDirectoryOffset = eocdrBuffer.readUInt32LE(16);
	      // 20 - Comment length
	      var commentLength = eocdrBuffer.readUInt16LE(20);
	      var expectedCommentLength = eocdrBuffer.length - eocdrWithoutCommentSize;
	      if (commentLength !== expectedCommentLength) {
	        return callback(new Error("Invalid comment length. Expected: " + expectedCommentLength + ". Found: " + commentLength + ". Are there extra bytes at the end of the file? Or is the end of central dir signature `PK☺☻` in the comment?"));
	      }
	      // 22 - Comment
	      // the encoding is always cp437.
	      var comment = decodeStrings ? decodeBuffer(eocdrBuffer.subarray(22), false)
	                                  : eocdrBuffer.subarray(22);

	      // Look for a Zip64 end of central directory locator
	      if (i - zip64EocdlSize >= 0 && buffer.readUInt32LE(i - zip64EocdlSize) === 0x07064b50) {
	        // ZIP64 format
	        var zip64EocdlBuffer = buffer.subarray(i - zip64EocdlSize, i - zip64EocdlSize + zip64EocdlSize);
	        // 0 - zip64 end of central dir locator signature = 0x07064b50
	        // 4 - number of the disk with the start of the zip64 end of central directory
	        // 8 - relative offset of the zip64 end of central directory record
	        var zip64EocdrOffset = readUInt64LE(zip64EocdlBuffer, 8);
	        // 16 - total number of disks

	        // ZIP64 end of central directory record
	        var zip64EocdrBuffer = newBuffer(56);
	        return readAndAssertNoEof(reader, zip64EocdrBuffer, 0, zip64EocdrBuffer.length, zip64EocdrOffset, function(err) {
	          if (err) return callback(err);

	          // 0 - zip64 end of central dir signature                           4 bytes  (0x06064b50)
	          if (zip64EocdrBuffer.readUInt32LE(0) !== 0x06064b50) {
	            return callback(new Error("invalid zip64 end of central directory record signature"));
	          }
	          // 4 - size of zip64 end of central directory record                8 bytes
	          // 12 - version made by                                             2 bytes
	          // 14 - version needed to extract                                   2 bytes
	          // 16 - number of this disk                                         4 bytes
	          diskNumber = zip64EocdrBuffer.readUInt32LE(16);
	          if (diskNumber !== 0) {
	            // Check this only after zip64 overrides. See #118.
	            return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
	          }
	          // 20 - number of the disk with the start of the central directory  4 bytes
	          // 24 - total number of entries in the central directory on this disk         8 bytes
	          // 32 - total number of entries in the central directory            8 bytes
	          entryCount = readUInt64LE(zip64EocdrBuffer, 32);
	          // 40 - size of the central directory                               8 bytes
	          // 48 - offset of start of central directory with respect to the starting disk number     8 bytes
	          centralDirectoryOffset = readUInt64LE(zip64EocdrBuffer, 48);
	          // 56 - zip64 extensible data sector                                (variable size)
	          return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options.autoClose, options.lazyEntries, decodeStrings, options.validateEntrySizes, options.strictFileNames));
	        });
	      }

	      // Not ZIP64 format
	      if (diskNumber !== 0) {
	        return callback(new Error("multi-disk zip files are not supported: found disk number: " + diskNumber));
	      }
	      return callback(null, new ZipFile(reader, centralDirectoryOffset, totalSize, entryCount, comment, options.autoClose, options.lazyEntries, decodeStrings, options.validateEntrySizes, options.strictFileNames));

	    }

	    // Not a zip file.
	    callback(new Error("End of central directory record signature not found. Either not a zip file, or file is truncated."));
	  });
	}

	util.inherits(ZipFile, EventEmitter);
	function ZipFile(reader, centralDirectoryOffset, fileSize, entryCount, comment, autoClose, lazyEntries, decodeStrings, validateEntrySizes, strictFileNames) {
	  var self = this;
	  EventEmitter.call(self);
	  self.reader = reader;
	  // forward close events
	  self.reader.on("error", function(err) {
	    // error closing the fd
	    emitError(self, err);
	  });
	  self.reader.once("close", function() {
	    self.emit("close");
	  });
	  self.readEntryCursor = centralDirectoryOffset;
	  self.fileSize = fileSize;
	  self.entryCount = entryCount;
	  self.comment = comment;
	  self.entriesRead = 0;
	  self.autoClose = !!autoClose;
	  self.lazyEntries = !!lazyEntries;
	  self.decodeStrings = !!decodeStrings;
	  self.validateEntrySizes = !!validateEntrySizes;
	  self.strictFileNames = !!strictFileNames;
	  self.isOpen = true;
	  self.emittedError = false;
	  self.hasEachEntryBeenCalled = false;

	  if (!self.lazyEntries) self._readEntry();
	}
	ZipFile.prototype.close = function() {
	  if (!this.isOpen) return;
	  this.isOpen = false;
	  this.reader.unref();
	};

	function emitErrorAndAutoClose(self, err) {
	  if (self.autoClose) self.close();
	  emitError(self, err);
	}
	function emitError(self, err) {
	  if (self.emittedError) return;
	  self.emittedError = true;
	  self.emit("error", err);
	}

	ZipFile.prototype.readEntry = function() {
	  if (!this.lazyEntries) throw new Error("readEntry() called without lazyEntries:true");
	  this._readEntry();
	};
	ZipFile.prototype._readEntry = function() {
	  var self = this;
	  if (self.entryCount === self.entriesRead) {
	    // done with metadata
	    setImmediate(function() {
	      if (self.autoClose) self.close();
	      if (self.emittedError) return;
	      self.emit("end");
	    });
	    return;
	  }
	  if (self.emittedError) return;
	  var buffer = newBuffer(46);
	  readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
	    if (err) return emitErrorAndAutoClose(self, err);
	    if (self.emittedError) return;
	    var entry = new Entry();
	    // 0 - Central directory file header signature
	    var signature = buffer.readUInt32LE(0);
	    if (signature !== 0x02014b50) return emitErrorAndAutoClose(self, new Error("invalid central directory file header signature: 0x" + signature.toString(16)));
	    // 4 - Version made by
	    entry.versionMadeBy = buffer.readUInt16LE(4);
	    // 6 - Version needed to extract (minimum)
	    entry.versionNeededToExtract = buffer.readUInt16LE(6);
	    // 8 - General purpose bit flag
	    entry.generalPurposeBitFlag = buffer.readUInt16LE(8);
	    // 10 - Compression method
	    entry.compressionMethod = buffer.readUInt16LE(10);
	    // 12 - File last modification time
	    entry.lastModFileTime = buffer.readUInt16LE(12);
	    // 14 - File last modification date
	    entry.lastModFileDate = buffer.readUInt16LE(14);
	    // 16 - CRC-32
	    entry.crc32 = buffer.readUInt32LE(16);
	    // 20 - Compressed size
	    entry.compressedSize = buffer.readUInt32LE(20);
	    // 24 - Uncompressed size
	    entry.uncompressedSize = buffer.readUInt32LE(24);
	    // 28 - File name length (n)
	    entry.fileNameLength = buffer.readUInt16LE(28);
	    // 30 - Extra field length (m)
	    entry.extraFieldLength = buffer.readUInt16LE(30);
	    // 32 - File comment length (k)
	    entry.fileCommentLength = buffer.readUInt16LE(32);
	    // 34 - Disk number where file starts
	    // 36 - Internal file attributes
	    entry.internalFileAttributes = buffer.readUInt16LE(36);
	    // 38 - External file attributes
	    entry.externalFileAttributes = buffer.readUInt32LE(38);
	    // 42 - Relative offset of local file header
	    entry.relativeOffsetOfLocalHeader = buffer.readUInt32LE(42);

	    if (entry.generalPurposeBitFlag & 0x40) return emitErrorAndAutoClose(self, new Error("strong encryption is not supported"));

	    self.readEntryCursor += 46;

	    buffer = newBuffer(entry.fileNameLength + entry.extraFieldLength + entry.fileCommentLength);
	    readAndAssertNoEof(self.reader, buffer, 0, buffer.length, self.readEntryCursor, function(err) {
	      if (err) return emitErrorAndAutoClose(self, err);
	      if (self.emittedError) return;
	      // 46 - File name
	      entry.fileNameRaw = buffer.subarray(0, entry.fileNameLength);
	      // 46+n - Extra field
	      var fileCommentStart = entry.fileNameLength + entry.extraFieldLength;
	      entry.extraFieldRaw = buffer.subarray(entry.fileNameLength, fileCommentStart);
	      // 46+n+m - File comment
	      entry.fileCommentRaw = buffer.subarray(fileCommentStart, fileCommentStart + entry.fileCommentLength);

	      // Parse the extra fields, which we need for processing other fields.
	      try {
	        entry.extraFields = parseExtraFields(entry.extraFieldRaw);
	      } catch (err) {
	        return emitErrorAndAutoClose(self, err);
	      }

	      // Interpret strings according to bit flags, extra fields, and options.
	      if (self.decodeStrings) {
	        var isUtf8 = (entry.generalPurposeBitFlag & 0x800) !== 0;
	        entry.fileComment = decodeBuffer(entry.fileCommentRaw, isUtf8);
	        entry.fileName = getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, self.strictFileNames);
	        var errorMessage = validateFileName(entry.fileName);
	        if (errorMessage != null) return emitErrorAndAutoClose(self, new Error(errorMessage));
	      } else {
	        entry.fileComment = entry.fileCommentRaw;
	        entry.fileName = entry.fileNameRaw;
	      }
	      // Maintain API compatibility. See https://github.com/thejoshwolfe/yauzl/issues/47
	      entry.comment = entry.fileComment;

	      self.readEntryCursor += buffer.length;
	      self.entriesRead += 1;

	      // Check for the Zip64 Extended Information Extra Field.
	      for (var i = 0; i < entry.extraFields.length; i++) {
	        var extraField = entry.extraFields[i];
	        if (extraField.id !== 0x0001) continue;
	        // Found it.

	        var zip64EiefBuffer = extraField.data;
	        var index = 0;
	        // 0 - Original Size          8 bytes
	        if (entry.uncompressedSize === 0xffffffff) {
	          if (index + 8 > zip64EiefBuffer.length) {
	            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include uncompressed size"));
	          }
	          entry.uncompressedSize = readUInt64LE(zip64EiefBuffer, index);
	          index += 8;
	        }
	        // 8 - Compressed Size        8 bytes
	        if (entry.compressedSize === 0xffffffff) {
	          if (index + 8 > zip64EiefBuffer.length) {
	            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include compressed size"));
	          }
	          entry.compressedSize = readUInt64LE(zip64EiefBuffer, index);
	          index += 8;
	        }
	        // 16 - Relative Header Offset 8 bytes
	        if (entry.relativeOffsetOfLocalHeader === 0xffffffff) {
	          if (index + 8 > zip64EiefBuffer.length) {
	            return emitErrorAndAutoClose(self, new Error("zip64 extended information extra field does not include relative header offset"));
	          }
	          entry.relativeOffsetOfLocalHeader = readUInt64LE(zip64EiefBuffer, index);
	          index += 8;
	        }
	        // 24 - Disk Start Number      4 bytes

	        break;
	      }

	      // validate file size
	      if (self.validateEntrySizes && entry.compressionMethod === 0) {
	        var expectedCompressedSize = entry.uncompressedSize;
	        if (entry.isEncrypted()) {
	          // traditional encryption prefixes the file data with a header
	          expectedCompressedSize += 12;
	        }
	        if (entry.compressedSize !== expectedCompressedSize) {
	          var msg = "compressed/uncompressed size mismatch for stored file: " + entry.compressedSize + " != " + entry.uncompressedSize;
	          return emitErrorAndAutoClose(self, new Error(msg));
	        }
	      }

	      self.emit("entry", entry);

	      if (!self.lazyEntries) self._readEntry();
	    });
	  });
	};

	ZipFile.prototype.eachEntry = function() {
	  const self = this;
	  if (!self.lazyEntries) throw new Error("eachEntry() requires lazyEntries: true");
	  if (self.hasEachEntryBeenCalled) throw new Error("eachEntry() must only be called once per ZipFile");
	  self.hasEachEntryBeenCalled = true;

	  let pendingResolveReject = null;
	  self.on("entry", onEntry);
	  self.on("end", onEnd);
	  self.on("error", onError);
	  function cleanup() {
	    self.removeListener("entry", onEntry);
	    self.removeListener("end", onEnd);
	    self.removeListener("error", onError);
	    if (self.autoClose) self.close();
	  }

	  function onEntry(entry) {
	    let {resolve} = pendingResolveReject;
	    pendingResolveReject = null;
	    resolve({value: entry});
	  }
	  function onEnd() {
	    let {resolve} = pendingResolveReject;
	    pendingResolveReject = null;
	    cleanup();
	    resolve({done: true});
	  }
	  function onError(err) {
	    let {reject} = pendingResolveReject;
	    pendingResolveReject = null;
	    cleanup();
	    reject(err);
	  }

	  return {
	    [Symbol.asyncIterator]() {
	      // Called once by `for await...of`.
	      return this;
	    },
	    next() {
	      // Called on each iteration in a `for await...of`.
	      const promise = new Promise((resolve, reject) => {
	        if (pendingResolveReject != null) throw new Error("next() called before previous Promise was resolved.");
	        pendingResolveReject = {resolve, reject};
	      });
	      self.readEntry();
	      return promise;
	    },
	    return(value) {
	      // Called when breaking, returning, throwing out of a `for await...of`.
	      cleanup();
	      return Promise.resolve({done: true, value});
	    },
	    throw(value) {
	      // Almost never called. Something about `yield*` maybe?
	      cleanup();
	      return Promise.reject(value);
	    },
	  };
	};

	ZipFile.prototype.openReadStream = function(entry, options, callback) {
	  var self = this;
	  // parameter validation
	  var relativeStart = 0;
	  var relativeEnd = entry.compressedSize;
	  if (callback == null) {
	    callback = options;
	    options = null;
	  }
	  if (options == null) {
	    options = {};
	  } else {
	    if (options.decodeFileData === false) {
	      // new, simple option
	      if (options.decrypt != null) {
	        throw new Error("cannot use options.decrypt when options.decodeFileData === false");
	      }
	      if (options.decompress != null) {
	        throw new Error("cannot use options.decompress when options.decodeFileData === false");
	      }
	      // start and end are allowed
	    } else {
	      // old, complicated options
	      if (options.decrypt != null) {
	        if (!entry.isEncrypted()) {
	          throw new Error("options.decrypt can only be specified for encrypted entries. See also option decodeFileData.");
	        }
	        if (options.decrypt !== false) throw new Error("invalid options.decrypt value: " + options.decrypt);
	        if (entry.isCompressed()) {
	          if (options.decompress !== false) throw new Error("entry is encrypted and compressed, and options.decompress !== false. See also option decodeFileData.");
	        }
	      }
	      if (options.decompress != null) {
	        if (!entry.isCompressed()) {
	          throw new Error("options.decompress can only be specified for compressed entries. See also option decodeFileData.");
	        }
	        if (!(options.decompress === false || options.decompress === true)) {
	          throw new Error("invalid options.decompress value: " + options.decompress);
	        }
	        decompress = options.decompress;
	      }
	    }
	    if (options.start != null) {
	      relativeStart = options.start;
	      if (relativeStart < 0) throw new Error("options.start < 0");
	      if (relativeStart > entry.compressedSize) throw new Error("options.start > entry.compressedSize");
	    }
	    if (options.end != null) {
	      relativeEnd = options.end;
	      if (relativeEnd < 0) throw new Error("options.end < 0");
	      if (relativeEnd > entry.compressedSize) throw new Error("options.end > entry.compressedSize");
	      if (relativeEnd < relativeStart) throw new Error("options.end < options.start");
	    }
	  }
	  var rawMode = (
	    options.decodeFileData === false || // Explicitly requested raw.
	    (
	      (entry.compressionMethod === 0 || // Naturally without compression.
	        (entry.compressionMethod === 8 && options.decompress === false) // Deprecated compression bypass option.
	      ) &&
	      (!entry.isEncrypted() || // Naturally without encryption.
	        options.decrypt === false // Deprecated encryption bypass option.
	      )
	    )
	  );
	  if (options.start != null || options.end != null) {
	    // Ensure slicing deals with raw data.
	    if (!rawMode) throw new Error("start/end range require options.decodeFileData === false for non-trivial encoded entries.");
	  }

	  // any further errors can either be caused by the zipfile,
	  // or were introduced in a minor version of yauzl,
	  // so should be passed to the client rather than thrown.
	  if (!self.isOpen) return callback(new Error("closed"));
	  if (entry.isEncrypted() && !rawMode) {
	    if (options.decrypt !== false) return callback(new Error("entry is encrypted, and options.decodeFileData !== false"));
	  }
	  var decompress;
	  if (rawMode) {
	    decompress = false;
	  } else if (entry.compressionMethod === 8) {
	    // 8 - The file is Deflated
	    decompress = options.decodeFileData !== true;
	  } else {
	    return callback(new Error("unsupported compression method: " + entry.compressionMethod));
	  }

	  self.readLocalFileHeader(entry, {minimal: true}, function(err, localFileHeader) {
	    if (err) return callback(err);
	    self.openReadStreamLowLevel(
	      localFileHeader.fileDataStart, entry.compressedSize,
	      relativeStart, relativeEnd,
	      decompress, entry.uncompressedSize,
	      callback);
	  });
	};

	ZipFile.prototype.openReadStreamLowLevel = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, callback) {
	  var self = this;
	  var readStream = self.reader.createReadStream({
	    start: fileDataStart + relativeStart,
	    end: fileDataStart + relativeEnd,
	  });
	  var endpointStream = readStream;
	  if (decompress) {
	    var destroyed = false;
	    var inflateFilter = zlib.createInflateRaw();
	    readStream.on("error", function(err) {
	      // setImmediate here because errors can be emitted during the first call to pipe()
	      setImmediate(function() {
	        if (!destroyed) inflateFilter.emit("error", err);
	      });
	    });
	    readStream.pipe(inflateFilter);

	    if (self.validateEntrySizes) {
	      endpointStream = new AssertByteCountStream(uncompressedSize);
	      inflateFilter.on("error", function(err) {
	        // forward zlib errors to the client-visible stream
	        setImmediate(function() {
	          if (!destroyed) endpointStream.emit("error", err);
	        });
	      });
	      inflateFilter.pipe(endpointStream);
	    } else {
	      // the zlib filter is the client-visible stream
	      endpointStream = inflateFilter;
	    }
	    // this is part of yauzl's API, so implement this function on the client-visible stream
	    installDestroyFn(endpointStream, function() {
	      destroyed = true;
	      if (inflateFilter !== endpointStream) inflateFilter.unpipe(endpointStream);
	      readStream.unpipe(inflateFilter);
	      // TODO: the inflateFilter may cause a memory leak. see Issue #27.
	      readStream.destroy();
	    });
	  }
	  callback(null, endpointStream);
	};

	ZipFile.prototype.readLocalFileHeader = function(entry, options, callback) {
	  var self = this;
	  if (callback == null) {
	    callback = options;
	    options = null;
	  }
	  if (options == null) options = {};

	  self.reader.ref();
	  var buffer = newBuffer(30);
	  readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader, function(err) {
	    try {
	      if (err) return callback(err);
	      // 0 - Local file header signature = 0x04034b50
	      var signature = buffer.readUInt32LE(0);
	      if (signature !== 0x04034b50) {
	        return callback(new Error("invalid local file header signature: 0x" + signature.toString(16)));
	      }

	      var fileNameLength = buffer.readUInt16LE(26);
	      var extraFieldLength = buffer.readUInt16LE(28);
	      var fileDataStart = entry.relativeOffsetOfLocalHeader + 30 + fileNameLength + extraFieldLength;
	      // We now have enough information to do this bounds check.
	      if (fileDataStart + entry.compressedSize > self.fileSize) {
	        return callback(new Error("file data overflows file bounds: " +
	            fileDataStart + " + " + entry.compressedSize + " > " + self.fileSize));
	      }

	      if (options.minimal) {
	        return callback(null, {fileDataStart: fileDataStart});
	      }

	      var localFileHeader = new LocalFileHeader();
	      localFileHeader.fileDataStart = fileDataStart;

	      // 4 - Version needed to extract (minimum)
	      localFileHeader.versionNeededToExtract = buffer.readUInt16LE(4);
	      // 6 - General purpose bit flag
	      localFileHeader.generalPurposeBitFlag = buffer.readUInt16LE(6);
	      // 8 - Compression method
	      localFileHeader.compressionMethod = buffer.readUInt16LE(8);
	      // 10 - File last modification time
	      localFileHeader.lastModFileTime = buffer.readUInt16LE(10);
	      // 12 - File last modification date
	      localFileHeader.lastModFileDate = buffer.readUInt16LE(12);
	      // 14 - CRC-32
	      localFileHeader.crc32 = buffer.readUInt32LE(14);
	      // 18 - Compressed size
	      localFileHeader.compressedSize = buffer.readUInt32LE(18);
	      // 22 - Uncompressed size
	      localFileHeader.uncompressedSize = buffer.readUInt32LE(22);
	      // 26 - File name length (n)
	      localFileHeader.fileNameLength = fileNameLength;
	      // 28 - Extra field length (m)
	      localFileHeader.extraFieldLength = extraFieldLength;
	      // 30 - File name
	      // 30+n - Extra field

	      buffer = newBuffer(fileNameLength + extraFieldLength);
	      self.reader.ref();
	      readAndAssertNoEof(self.reader, buffer, 0, buffer.length, entry.relativeOffsetOfLocalHeader + 30, function(err) {
	        try {
	          if (err) return callback(err);
	          localFileHeader.fileName = buffer.subarray(0, fileNameLength);
	          localFileHeader.extraField = buffer.subarray(fileNameLength);
	          return callback(null, localFileHeader);
	        } finally {
	          self.reader.unref();
	        }
	      });
	    } finally {
	      self.reader.unref();
	    }
	  });
	};

	ZipFile.prototype.openReadStreamPromise = function(entry, options) {
	  return new Promise((resolve, reject) => {
	    this.openReadStream(entry, options, function(err, readStream) {
	      if (err) return reject(err);
	      resolve(readStream);
	    });
	  });
	};
	ZipFile.prototype.openReadStreamLowLevelPromise = function(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize) {
	  return new Promise((resolve, reject) => {
	    this.openReadStream(fileDataStart, compressedSize, relativeStart, relativeEnd, decompress, uncompressedSize, function(err, readStream) {
	      if (err) return reject(err);
	      resolve(readStream);
	    });
	  });
	};
	ZipFile.prototype.readLocalFileHeaderPromise = function(entry, options) {
	  return new Promise((resolve, reject) => {
	    this.readLocalFileHeader(entry, options, function(err, localFileHeader) {
	      if (err) return reject(err);
	      resolve(localFileHeader);
	    });
	  });
	};

	function Entry() {
	}
	Entry.prototype.getLastModDate = function(options) {
	  if (options == null) options = {};

	  if (!options.forceDosFormat) {
	    // Check extended fields.
	    for (var i = 0; i < this.extraFields.length; i++) {
	      var extraField = this.extraFields[i];
	      if (extraField.id === 0x5455) {
	        // Info-ZIP "universal timestamp" extended field (`0x5455` aka `"UT"`).
	        // See the Info-ZIP source code unix/unix.c:set_extra_field() and zipfile.c:ef_scan_ut_time().
	        var data = extraField.data;
	        if (data.length < 5) continue; // Too short.
	        // The flags define which of the three fields are present: mtime, atime, ctime.
	        // We only care about mtime.
	        // Also, ctime is never included in practice.
	        // And also, atime is only included in the local file header for some reason
	        // despite the flags lying about its inclusion in the central header.
	        var flags = data[0];
	        var HAS_MTIME = 1;
	        if (!(flags & HAS_MTIME)) continue; // This will realistically never happen.
	        // Although the positions of all of the fields shift around depending on the presence of other fields,
	        // mtime is always first if present, and that's the only one we care about.
	        var posixTimestamp = data.readInt32LE(1);
	        return new Date(posixTimestamp * 1000);
	      } else if (extraField.id === 0x000a) {
	        var data = extraField.data;
	        if (data.length !== 32) continue; // The length is always the same.
	        // 4 bytes reserved
	        // 2 bytes Tag
	        if (data.readUInt16LE(4) !== 1) continue; // Tag1 is actually the only defined Tag.
	        // 2 bytes Size
	        if (data.readUInt16LE(6) !== 24) continue; // Size is always 24.
	        // 8 bytes Mtime
	        var hundredNanoSecondsSince1601 = data.readUInt32LE(8) + 4294967296 * data.readInt32LE(12);
	        // Convert from NTFS to POSIX milliseconds.
	        // The big number below is the milliseconds between year 1601 and year 1970
	        // (i.e. the negative POSIX timestamp of 1601-01-01 00:00:00Z)
	        var millisecondsSince1970 = hundredNanoSecondsSince1601 / 10000 - 11644473600000;
	        // Note on numeric precision: JavaScript Number objects lose precision above Number.MAX_SAFE_INTEGER,
	        // and NTFS timestamps are typically much bigger than that limit.
	        // (MAX_SAFE_INTEGER would represent 1629-07-17T23:58:45.475Z.)
	        // However, we're losing precision in the conversion from 100nanosecond units to millisecond units anyway,
	        // and the time at which we also lose 1-millisecond precision is year 275760, the JavaScript Date limit (by design).
	        // Up through the year 2057, this conversion only drops 4 bits of precision,
	        // which is well under the 13-14 bits ratio between the milliseconds and 100nanoseconds.
	        return new Date(millisecondsSince1970);
	      }
	    }
	  }

	  // Fallback to non-extended encoding.
	  return dosDateTimeToDate(this.lastModFileDate, this.lastModFileTime, options.timezone);
	};

	Entry.prototype.canDecodeFileData = function() {
	  return (
	    !this.isEncrypted() &&
	    (this.compressionMethod === 0 || this.compressionMethod === 8)
	  );
	};
	Entry.prototype.isEncrypted = function() {
	  return (this.generalPurposeBitFlag & 0x1) !== 0;
	};
	Entry.prototype.isCompressed = function() {
	  return this.compressionMethod === 8;
	};

	function LocalFileHeader() {
	}

	function dosDateTimeToDate(date, time, timezone) {
	  var day = date & 0x1f; // 1-31
	  var month = (date >> 5 & 0xf) - 1; // 1-12, 0-11
	  var year = (date >> 9 & 0x7f) + 1980; // 0-128, 1980-2108

	  var millisecond = 0;
	  var second = (time & 0x1f) * 2; // 0-29, 0-58 (even numbers)
	  var minute = time >> 5 & 0x3f; // 0-59
	  var hour = time >> 11 & 0x1f; // 0-23

	  if (timezone == null || timezone === "local") {
	    return new Date(year, month, day, hour, minute, second, millisecond);
	  } else if (timezone === "UTC") {
	    return new Date(Date.UTC(year, month, day, hour, minute, second, millisecond));
	  } else {
	    throw new Error("unrecognized options.timezone: " + options.timezone);
	  }
	}

	function getFileNameLowLevel(generalPurposeBitFlag, fileNameBuffer, extraFields, strictFileNames) {
	  var fileName = null;

	  // check for Info-ZIP Unicode Path Extra Field (0x7075)
	  // see https://github.com/thejoshwolfe/yauzl/issues/33
	  for (var i = 0; i < extraFields.length; i++) {
	    var extraField = extraFields[i];
	    if (extraField.id === 0x7075) {
	      if (extraField.data.length < 6) {
	        // too short to be meaningful
	        continue;
	      }
	      // Version       1 byte      version of this extra field, currently 1
	      if (extraField.data.readUInt8(0) !== 1) {
	        // > Changes may not be backward compatible so this extra
	        // > field should not be used if the version is not recognized.
	        continue;
	      }
	      // NameCRC32     4 bytes     File Name Field CRC32 Checksum
	      var oldNameCrc32 = extraField.data.readUInt32LE(1);
	      if (crc32(fileNameBuffer) !== oldNameCrc32) {
	        // > If the CRC check fails, this UTF-8 Path Extra Field should be
	        // > ignored and the File Name field in the header should be used instead.
	        continue;
	      }
	      // UnicodeName   Variable    UTF-8 version of the entry File Name
	      fileName = decodeBuffer(extraField.data.subarray(5), true);
	      break;
	    }
	  }

	  if (fileName == null) {
	    // The typical case.
	    var isUtf8 = (generalPurposeBitFlag & 0x800) !== 0;
	    fileName = decodeBuffer(fileNameBuffer, isUtf8);
	  }

	  if (!strictFileNames) {
	    // Allow backslash.
	    fileName = fileName.replace(/\\/g, "/");
	  }
	  return fileName;
	}

	function validateFileName(fileName) {
	  if (fileName.indexOf("\\") !== -1) {
	    return "invalid characters in fileName: " + fileName;
	  }
	  if (/^[a-zA-Z]:/.test(fileName) || /^\//.test(fileName)) {
	    return "absolute path: " + fileName;
	  }
	  if (fileName.split("/").indexOf("..") !== -1) {
	    return "invalid relative path: " + fileName;
	  }
	  // all good
	  return null;
	}

	function parseExtraFields(extraFieldBuffer) {
	  var extraFields = [];
	  var i = 0;
	  while (i < extraFieldBuffer.length - 3) {
	    var headerId = extraFieldBuffer.readUInt16LE(i + 0);
	    var dataSize = extraFieldBuffer.readUInt16LE(i + 2);
	    var dataStart = i + 4;
	    var dataEnd = dataStart + dataSize;
	    if (dataEnd > extraFieldBuffer.length) throw new Error("extra field length exceeds extra field buffer size");
	    var dataBuffer = extraFieldBuffer.subarray(dataStart, dataEnd);
	    extraFields.push({
	      id: headerId,
	      data: dataBuffer,
	    });
	    i = dataEnd;
	  }
	  return extraFields;
	}

	function readAndAssertNoEof(reader, buffer, offset, length, position, callback) {
	  if (length === 0) {
	    // fs.read will throw an out-of-bounds error if you try to read 0 bytes from a 0 byte file
	    return setImmediate(function() { callback(null, newBuffer(0)); });
	  }
	  reader.read(buffer, offset, length, position, function(err, bytesRead) {
	    if (err) return callback(err);
	    if (bytesRead < length) {
	      return callback(new Error("unexpected EOF"));
	    }
	    callback();
	  });
	}

	util.inherits(AssertByteCountStream, Transform);
	function AssertByteCountStream(byteCount) {
	  Transform.call(this);
	  this.actualByteCount = 0;
	  this.expectedByteCount = byteCount;
	}
	AssertByteCountStream.prototype._transform = function(chunk, encoding, cb) {
	  this.actualByteCount += chunk.length;
	  if (this.actualByteCount > this.expectedByteCount) {
	    var msg = "too many bytes in the stream. expected " + this.expectedByteCount + ". got at least " + this.actualByteCount;
	    return cb(new Error(msg));
	  }
	  cb(null, chunk);
	};
	AssertByteCountStream.prototype._flush = function(cb) {
	  if (this.actualByteCount < this.expectedByteCount) {
	    var msg = "not enough bytes in the stream. expected " + this.expectedByteCount + ". got only " + this.actualByteCount;
	    return cb(new Error(msg));
	  }
	  cb();
	};

	util.inherits(RandomAccessReader, EventEmitter);
	function RandomAccessReader() {
	  EventEmitter.call(this);
	  this.refCount = 0;
	}
	RandomAccessReader.prototype.ref = function() {
	  this.refCount += 1;
	};
	RandomAccessReader.prototype.unref = function() {
	  var self = this;
	  self.refCount -= 1;

	  if (self.refCount > 0) return;
	  if (self.refCount < 0) throw new Error("invalid unref");

	  self.close(onCloseDone);

	  function onCloseDone(err) {
	    if (err) return self.emit('error', err);
	    self.emit('close');
	  }
	};
	RandomAccessReader.prototype.createReadStream = function(options) {
	  if (options == null) options = {};
	  var start = options.start;
	  var end = options.end;
	  if (start === end) {
	    var emptyStream = new PassThrough();
	    setImmediate(function() {
	      emptyStream.end();
	    });
	    return emptyStream;
	  }
	  var stream = this._readStreamForRange(start, end);

	  var destroyed = false;
	  var refUnrefFilter = new RefUnrefFilter(this);
	  stream.on("error", function(err) {
	    setImmediate(function() {
	      if (!destroyed) refUnrefFilter.emit("error", err);
	    });
	  });
	  installDestroyFn(refUnrefFilter, function() {
	    stream.unpipe(refUnrefFilter);
	    refUnrefFilter.unref();
	    stream.destroy();
	  });

	  var byteCounter = new AssertByteCountStream(end - start);
	  refUnrefFilter.on("error", function(err) {
	    setImmediate(function() {
	      if (!destroyed) byteCounter.emit("error", err);
	    });
	  });
	  installDestroyFn(byteCounter, function() {
	    destroyed = true;
	    refUnrefFilter.unpipe(byteCounter);
	    refUnrefFilter.destroy();
	  });

	  return stream.pipe(refUnrefFilter).pipe(byteCounter);
	};
	RandomAccessReader.prototype._readStreamForRange = function(start, end) {
	  throw new Error("not implemented");
	};
	RandomAccessReader.prototype.read = function(buffer, offset, length, position, callback) {
	  var readStream = this.createReadStream({start: position, end: position + length});
	  var writeStream = new Writable();
	  var written = 0;
	  writeStream._write = function(chunk, encoding, cb) {
	    chunk.copy(buffer, offset + written, 0, chunk.length);
	    written += chunk.length;
	    cb();
	  };
	  writeStream.on("finish", callback);
	  readStream.on("error", function(error) {
	    callback(error);
	  });
	  readStream.pipe(writeStream);
	};
	RandomAccessReader.prototype.close = function(callback) {
	  setImmediate(callback);
	};

	util.inherits(RefUnrefFilter, PassThrough);
	function RefUnrefFilter(context) {
	  PassThrough.call(this);
	  this.context = context;
	  this.context.ref();
	  this.unreffedYet = false;
	}
	RefUnrefFilter.prototype._flush = function(cb) {
	  this.unref();
	  cb();
	};
	RefUnrefFilter.prototype.unref = function(cb) {
	  if (this.unreffedYet) return;
	  this.unreffedYet = true;
	  this.context.unref();
	};

	var cp437 = '\u0000☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼ !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~⌂ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ';
	function decodeBuffer(buffer, isUtf8) {
	  if (isUtf8) {
	    return buffer.toString("utf8");
	  } else {
	    var result = "";
	    for (var i = 0; i < buffer.length; i++) {
	      result += cp437[buffer[i]];
	    }
	    return result;
	  }
	}

	function readUInt64LE(buffer, offset) {
	  // There is no native function for this, because we can't actually store 64-bit integers precisely.
	  // after 53 bits, JavaScript's Number type (IEEE 754 double) can't store individual integers anymore.
	  // but since 53 bits is a whole lot more than 32 bits, we do our best anyway.
	  // As of 2020, Node has added support for BigInt, which obviates this whole function,
	  // but yauzl hasn't been updated to depend on BigInt (yet?).
	  var lower32 = buffer.readUInt32LE(offset);
	  var upper32 = buffer.readUInt32LE(offset + 4);
	  // we can't use bitshifting here, because JavaScript bitshifting only works on 32-bit integers.
	  return upper32 * 0x100000000 + lower32;
	  // as long as we're bounds checking the result of this function against the total file size,
	  // we'll catch any overflow errors, because we already made sure the total file size was within reason.
	}

	// Node 10 deprecated new Buffer().
	var newBuffer;
	if (typeof Buffer.allocUnsafe === "function") {
	  newBuffer = function(len) {
	    return Buffer.allocUnsafe(len);
	  };
	} else {
	  newBuffer = function(len) {
	    return new Buffer(len);
	  };
	}

	// Node 8 introduced a proper destroy() implementation on writable streams.
	function installDestroyFn(stream, fn) {
	  if (typeof stream.destroy === "function") {
	    // New API.
	    stream._destroy = function(err, cb) {
	      fn();
	      if (cb != null) cb(err);
	    };
	  } else {
	    // Old API.
	    stream.destroy = fn;
	  }
	}

	function defaultCallback(err) {
	  if (err) throw err;
	}
	return yauzl$1;
}

var yauzlExports = requireYauzl();
var yauzl = /*@__PURE__*/getDefaultExportFromCjs(yauzlExports);

/**
 * Extracting a results artifact (a zip that may come from a fork's run, so untrusted) without
 * letting it fill the disk: every entry's size is read from the zip's central directory and
 * checked BEFORE anything is written — per file, in total, and the number of files — and each
 * entry is then extracted with yauzl, which refuses names that escape the folder and stops an
 * entry whose inflated bytes exceed what the directory declared (a lying directory).
 */
/**
 * Far above a paper run of one board (results.json ~10^5 samples, a few MB of raw logs per
 * environment), far below what would fill a runner's disk.
 */
const ARTIFACT_LIMITS = {
    maxArtifactBytes: 512 * 1024 * 1024,
    maxFileBytes: 256 * 1024 * 1024,
    maxTotalBytes: 1024 * 1024 * 1024,
    maxFiles: 20_000,
};
class ArtifactRefusedError extends Error {
    name = 'ArtifactRefusedError';
}
const mib = (n) => `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 3 : 0)} MiB`;
/** Refuse an artifact whose listed size is over the limit, before downloading it. */
function checkArtifactSize(name, size, limits = ARTIFACT_LIMITS) {
    if (size > limits.maxArtifactBytes) {
        throw new ArtifactRefusedError(`${name} is ${mib(size)}, over the ${mib(limits.maxArtifactBytes)} limit for a results artifact: not downloaded`);
    }
}
/** Check every entry of `zipPath`, then extract them all into `dir`. Returns the files written. */
async function extractArtifactZip(zipPath, dir, limits = ARTIFACT_LIMITS) {
    // 1. The central directory: names and sizes of every entry, nothing written yet.
    const entries = [];
    let total = 0;
    const open = () => yauzl
        .openPromise(zipPath, { lazyEntries: true, strictFileNames: true, autoClose: false })
        .catch((err) => {
        throw new ArtifactRefusedError(`not a valid artifact zip: ${err.message}`);
    });
    let zip = await open();
    try {
        for await (const entry of zip.eachEntry()) {
            if (entry.fileName.endsWith('/'))
                continue;
            if (entries.length >= limits.maxFiles)
                throw new ArtifactRefusedError(`more than ${limits.maxFiles} files: not extracted`);
            if (entry.uncompressedSize > limits.maxFileBytes) {
                throw new ArtifactRefusedError(`${entry.fileName} is ${mib(entry.uncompressedSize)} uncompressed, over the ${mib(limits.maxFileBytes)} limit per file: not extracted`);
            }
            total += entry.uncompressedSize;
            if (total > limits.maxTotalBytes) {
                throw new ArtifactRefusedError(`its files add up to more than ${mib(limits.maxTotalBytes)} uncompressed: not extracted`);
            }
            entries.push(entry);
        }
    }
    catch (err) {
        if (err instanceof ArtifactRefusedError)
            throw err;
        throw new ArtifactRefusedError(`not a valid artifact zip: ${err.message}`);
    }
    finally {
        zip.close();
    }
    // 2. Extract. validateEntrySizes (yauzl's default) fails an entry that inflates past its
    // declared size, so the checks above bound what is written.
    zip = await open();
    const written = [];
    try {
        for await (const entry of zip.eachEntry()) {
            if (entry.fileName.endsWith('/'))
                continue;
            const target = join(dir, entry.fileName);
            await mkdir(dirname(target), { recursive: true });
            const stream = await zip.openReadStreamPromise(entry);
            // 'wx': an entry named twice never overwrites the first.
            await pipeline(stream, createWriteStream(target, { flags: 'wx', mode: 0o644 }));
            written.push(target);
        }
    }
    catch (err) {
        if (err instanceof ArtifactRefusedError)
            throw err;
        throw new ArtifactRefusedError(`not a valid artifact zip: ${err.message}`);
    }
    finally {
        zip.close();
    }
    if (written.length !== entries.length)
        throw new ArtifactRefusedError('the zip changed between its check and its extraction');
    return written;
}

/**
 * Result artifacts through @actions/artifact (v2+ service): upload one per benchmark job,
 * list/download those of this run (a matrix of boards) or of another run (`findBy`: a baseline,
 * or the run a `workflow_run` reports on). A download is refused when the artifact's listed size
 * is over the limit; the zip is then downloaded as it is (not extracted by the library), checked
 * against the digest the service recorded at upload, and only then extracted, each file's size
 * checked first (src/github/artifact-zip.ts).
 */
/** Raised instead of the library's error so callers can say "GHES" plainly. */
class ArtifactsUnavailableError extends Error {
    name = 'ArtifactsUnavailableError';
}
/** Every file under dir (recursively), absolute paths, sorted for a stable zip. */
async function filesUnder(dir) {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    return entries
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name))
        .sort();
}
function toInfo(a) {
    return { id: a.id, name: a.name, size: a.size, digest: a.digest, createdAt: a.createdAt };
}
let artifactModule;
function loadArtifactModule() {
    artifactModule ??= import('./chunks/artifact-g5Omhpov.js');
    return artifactModule;
}
async function rethrow(err) {
    const { GHESNotSupportedError } = await loadArtifactModule();
    if (err instanceof GHESNotSupportedError) {
        throw new ArtifactsUnavailableError('artifacts are not available: @actions/artifact v2+ does not work on GitHub Enterprise Server');
    }
    throw err;
}
function createArtifactStore(secrets) {
    let clientPromise;
    const clientOf = () => (clientPromise ??= loadArtifactModule().then((m) => new m.DefaultArtifactClient()));
    const findBy = (run) => ({
        findBy: {
            token: secrets.token,
            workflowRunId: run.runId,
            repositoryOwner: run.owner,
            repositoryName: run.repo,
        },
    });
    return {
        upload: (name, rootDir, retentionDays) => withArtifactCredentials(secrets, async () => {
            const files = await filesUnder(rootDir);
            const client = await clientOf();
            const res = await client
                .uploadArtifact(name, files, rootDir, retentionDays > 0 ? { retentionDays } : {})
                .catch(rethrow);
            return { id: res.id ?? 0, size: res.size ?? 0, digest: res.digest };
        }),
        list: (run) => withArtifactCredentials(secrets, async () => {
            const client = await clientOf();
            const res = await client.listArtifacts({ latest: true, ...(run ? findBy(run) : {}) }).catch(rethrow);
            return res.artifacts.map(toInfo);
        }),
        download: (artifact, dir, run) => withArtifactCredentials(secrets, async () => {
            checkArtifactSize(artifact.name, artifact.size);
            const client = await clientOf();
            // The zip lands as one file in a folder of its own; nothing is extracted yet.
            const base = dir.replace(/\/+$/, '');
            await mkdir(dirname(base), { recursive: true });
            const zipDir = await mkdtemp(`${base}.zip-`);
            try {
                const res = await client
                    .downloadArtifact(artifact.id, {
                    path: zipDir,
                    skipDecompress: true,
                    ...(artifact.digest ? { expectedHash: artifact.digest } : {}),
                    ...(run ? findBy(run) : {}),
                })
                    .catch(rethrow);
                if (res.digestMismatch === true)
                    return { digestMismatch: true };
                const [zip, ...more] = await filesUnder(zipDir);
                if (!zip || more.length > 0)
                    throw new ArtifactRefusedError(`${artifact.name}: the download is not one zip`);
                const bytes = (await stat(zip)).size;
                if (bytes > ARTIFACT_LIMITS.maxArtifactBytes)
                    checkArtifactSize(artifact.name, bytes);
                await extractArtifactZip(zip, dir).catch((err) => {
                    throw new ArtifactRefusedError(`${artifact.name}: ${err.message}`);
                });
                return { digestMismatch: false };
            }
            finally {
                await rm(zipDir, { recursive: true, force: true });
            }
        }),
    };
}

/**
 * Reading results.json files that came from artifacts. An artifact from a fork's run is
 * untrusted input: it is size-capped and must pass the zod result model, nothing else is read.
 */
const RESULTS_FILE = 'results.json';
/** Far above a paper run (~10^5 samples); stops a hostile artifact from exhausting memory. */
const MAX_RESULTS_BYTES = 256 * 1024 * 1024;
class ResultsFileError extends Error {
    name = 'ResultsFileError';
}
async function readResultsFile(path) {
    let size;
    try {
        size = (await stat(path)).size;
    }
    catch {
        throw new ResultsFileError(`${path}: no such file`);
    }
    if (size > MAX_RESULTS_BYTES)
        throw new ResultsFileError(`${path}: ${size} bytes, over the ${MAX_RESULTS_BYTES} limit`);
    let json;
    try {
        json = JSON.parse(await readFile(path, 'utf8'));
    }
    catch (err) {
        throw new ResultsFileError(`${path}: not JSON (${err.message})`);
    }
    const parsed = Results.safeParse(json);
    if (!parsed.success) {
        const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
        throw new ResultsFileError(`${path}: not an arm-virt-bench results file (${first.join('; ')})`);
    }
    return parsed.data;
}
/** results.json in a folder (an extracted artifact) or the file itself. */
async function readResultsIn(pathOrDir) {
    const s = await stat(pathOrDir).catch(() => undefined);
    return readResultsFile(s?.isDirectory() ? join(pathOrDir, RESULTS_FILE) : pathOrDir);
}

function mergeByBoard(all) {
    const byBoard = new Map();
    for (const r of all) {
        const prev = byBoard.get(r.board.name);
        if (!prev) {
            byBoard.set(r.board.name, structuredClone(r));
            continue;
        }
        const known = new Set(prev.environments.map((e) => e.id));
        const fresh = (env) => !known.has(env);
        prev.environments.push(...r.environments.filter((e) => fresh(e.id)));
        prev.samples.push(...r.samples.filter((s) => fresh(s.env)));
        prev.failures.push(...r.failures.filter((f) => fresh(f.env)));
        const refs = new Set(prev.logs.map((l) => l.ref));
        prev.logs.push(...r.logs.filter((l) => !refs.has(l.ref)));
        prev.board.fingerprints = { ...r.board.fingerprints, ...prev.board.fingerprints };
        if (r.run.finished && (!prev.run.finished || r.run.finished > prev.run.finished))
            prev.run.finished = r.run.finished;
        if (r.run.status && r.run.status !== 'complete')
            prev.run.status = r.run.status;
    }
    return [...byBoard.values()];
}

/**
 * Baseline discovery. `auto`: the latest TRUSTED run of the same workflow that still has
 * results artifacts; they are downloaded with @actions/artifact (`findBy`), size-checked,
 * checked against the digest recorded at upload and validated. Anything missing, expired or
 * failing a check means "no baseline yet", said plainly; overheads against the host are still
 * reported.
 *
 * Trusted means all of: a run of this workflow, on the default branch, from this repository
 * (`head_repository` is the repository itself), of a trusted event (push, schedule,
 * workflow_dispatch), successful. GitHub's `branch` filter matches a run's head branch
 * whatever repository it lives in, so a fork's pull request from its own `main` passes it: its
 * run (whose workflow file and results the fork controls) must never become the baseline that
 * later PRs are judged against.
 */
/** An artifact of ours: `<prefix>` or `<prefix>-<board>`. */
function isResultsArtifact(name, prefix) {
    return name === prefix || name.startsWith(`${prefix}-`);
}
/** How many recent successful runs (per trusted event) to look through for one with results. */
const RUNS_TO_SEARCH = 10;
/** Events whose runs only a maintainer can cause, on the repository's own code. */
const TRUSTED_EVENTS = ['push', 'schedule', 'workflow_dispatch'];
/** Why `run` may not be a baseline, or undefined when it may. */
function untrustedBecause(run, rule) {
    const sameWorkflow = typeof rule.workflow === 'number'
        ? run.workflow_id === rule.workflow
        : (run.path ?? '').replace(/@.*$/, '').endsWith(`.github/workflows/${rule.workflow}`);
    if (!sameWorkflow)
        return 'another workflow';
    if (run.head_branch !== rule.defaultBranch)
        return `branch ${run.head_branch ?? '(none)'}`;
    if (run.head_repository?.full_name !== rule.repository)
        return `head repository ${run.head_repository?.full_name ?? '(deleted)'}`;
    if (!TRUSTED_EVENTS.includes(run.event))
        return `event ${run.event}`;
    if (run.status !== 'completed' || run.conclusion !== 'success')
        return `conclusion ${run.conclusion ?? run.status ?? '(none)'}`;
    return undefined;
}
async function findAutoBaseline(octokit, store, ctx, prefix, dir) {
    const none = (why) => ({ byBoard: new Map(), note: `No baseline yet: ${why}.` });
    if (!octokit)
        return none('no GitHub token to look for one');
    const workflowId = ctx.triggeringRun?.workflow_id ?? ctx.workflowFile;
    if (workflowId === undefined)
        return none('cannot tell which workflow this is (GITHUB_WORKFLOW_REF is not set)');
    const branch = ctx.defaultBranch;
    if (!branch)
        return none('the event does not name the default branch');
    // One query per trusted event (GitHub filters by one event at a time): a flood of untrusted
    // runs (fork PRs named `main`) cannot push the trusted ones out of the window.
    const rule = { repository: ctx.repository, workflow: workflowId, defaultBranch: branch };
    let runs = [];
    try {
        for (const event of TRUSTED_EVENTS) {
            const { data } = await octokit.rest.actions.listWorkflowRuns({
                owner: ctx.owner,
                repo: ctx.repo,
                workflow_id: workflowId,
                branch,
                event,
                status: 'success',
                exclude_pull_requests: true,
                per_page: RUNS_TO_SEARCH,
            });
            runs.push(...data.workflow_runs);
        }
    }
    catch (err) {
        return none(`listing the runs of ${String(workflowId)} on ${branch} failed (${describeApiError(err)})`);
    }
    // The API's filters are not the rule: check every run against it (and say what was left out).
    const refused = [];
    runs = runs.filter((r) => {
        if (r.id === ctx.runId || r.id === ctx.sourceRunId)
            return false;
        const why = untrustedBecause(r, rule);
        if (why)
            refused.push(`run ${r.id} (${why})`);
        return why === undefined;
    });
    if (refused.length > 0)
        info(`Not a baseline: ${refused.join(', ')}`);
    runs = [...new Map(runs.map((r) => [r.id, r])).values()].sort((a, b) => b.created_at.localeCompare(a.created_at) || b.id - a.id);
    if (runs.length === 0)
        return none(`no trusted run of ${String(workflowId)} on ${branch} so far (a successful push, schedule or workflow_dispatch run of this repository)`);
    let sawExpired = false;
    for (const run of runs) {
        let artifacts;
        try {
            artifacts = await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, {
                owner: ctx.owner,
                repo: ctx.repo,
                run_id: run.id,
                per_page: 100,
            });
        }
        catch (err) {
            return none(`listing the artifacts of run ${run.id} failed (${describeApiError(err)})`);
        }
        const ours = artifacts.filter((a) => isResultsArtifact(a.name, prefix));
        if (ours.length === 0)
            continue;
        const live = ours.filter((a) => !a.expired);
        if (live.length === 0) {
            sawExpired = true;
            continue;
        }
        const found = [];
        const problems = [];
        for (const a of live) {
            const info = {
                id: a.id,
                name: a.name,
                size: a.size_in_bytes,
                ...(a.digest ? { digest: a.digest } : {}),
            };
            const target = join(dir, `run-${run.id}`, a.name);
            try {
                const { digestMismatch } = await store.download(info, target, {
                    runId: run.id,
                    owner: ctx.owner,
                    repo: ctx.repo,
                });
                if (digestMismatch) {
                    problems.push(`${escapeMarkdown(a.name, 100)} failed its digest check`);
                    continue;
                }
                found.push(await readResultsIn(target));
            }
            catch (err) {
                // No artifact can be downloaded at all (GHES): one plain reason, not one per artifact.
                if (err instanceof ArtifactsUnavailableError)
                    throw err;
                problems.push(`${escapeMarkdown(a.name, 100)}: ${escapeMarkdown(err.message.split('\n')[0], 300)}`);
            }
        }
        const byBoard = new Map(mergeByBoard(found).map((r) => [r.board.name, r]));
        if (byBoard.size === 0)
            return none(`the results of run ${run.id} could not be used (${problems.join('; ')})`);
        const tail = problems.length > 0 ? ` (ignored: ${problems.join('; ')})` : '';
        return {
            byBoard,
            note: `Baseline: run ${run.id} on ${branch} (${run.head_sha.slice(0, 7)})${tail}.`,
            runId: run.id,
            runUrl: run.html_url,
        };
    }
    return none(sawExpired
        ? `the results artifacts of the last successful runs on ${branch} have expired (raise retention-days, or let the nightly run refresh them)`
        : `no successful run of ${String(workflowId)} on ${branch} uploaded results named ${prefix}`);
}
/** baseline: PATH — a results.json, or a folder holding results.json files (one per board). */
async function readBaselinePath(path) {
    const s = await stat(path).catch(() => undefined);
    if (!s)
        throw new Error(`baseline ${path}: no such file or folder`);
    const files = s.isDirectory()
        ? (await readdir(path, { recursive: true, withFileTypes: true }))
            .filter((e) => e.isFile() && e.name === RESULTS_FILE)
            .map((e) => join(e.parentPath, e.name))
            .sort()
        : [path];
    if (files.length === 0)
        throw new Error(`baseline ${path}: no ${RESULTS_FILE} in this folder`);
    const all = [];
    for (const f of files)
        all.push(await readResultsIn(f));
    const byBoard = new Map(mergeByBoard(all).map((r) => [r.board.name, r]));
    return { byBoard, note: `Baseline: ${path}.` };
}

/**
 * What the run phase measures, and how: the config file when there is one; without one at the
 * default path, the runner's own machine with the embedded local default (as the CLI's `run`
 * without --config does); a config path the user chose that does not exist is an error. A
 * board with a boot-switch strategy is driven through board control (lock, switch to Xen and
 * back, recovery), exactly as the CLI drives it.
 */
/** The commented example config, in the arm-virt-bench repository. */
const EXAMPLE_CONFIG = 'workflows-examples/arm-virt-bench.yml';
class MissingConfigError extends Error {
    name = 'MissingConfigError';
}
const exists$1 = (p) => stat(p).then((s) => s.isFile(), () => false);
/** `config` as the user wrote it is the default path (`./.github/arm-virt-bench.yml` too). */
function isDefaultPath(config) {
    return normalize(config) === normalize(INPUT_DEFAULTS.config);
}
async function resolveRunConfig(configInput, envs, reporter) {
    const path = resolve(configInput);
    if (await exists$1(path))
        return { config: await loadConfigFile(path), notes: [], localDefault: false };
    if (!isDefaultPath(configInput)) {
        throw new MissingConfigError(`input 'config': ${configInput} does not exist (looked for ${path}). Start from ${EXAMPLE_CONFIG} in the arm-virt-bench repository (one board over SSH), or leave 'config' unset to measure this runner's own machine.`);
    }
    // Loaded only here: probing the machine (and building a guest) is not the common path.
    const { localDefaultConfig } = await import('./chunks/local-default-CwYznaMh.js');
    const d = await localDefaultConfig(new LocalTransport(), envs.length > 0 ? { only: envs } : {});
    const envIds = d.config.environments
        .map((e) => e.id)
        .filter((id) => envs.length === 0 || envs.includes(id));
    const notes = [
        `No config file at \`${INPUT_DEFAULTS.config}\`: this run measured the runner's own machine with the embedded local default (${envIds.join(', ')}), as \`arm-virt-bench run\` does without --config. To measure a board, add a config there (start from \`${EXAMPLE_CONFIG}\`).`,
        ...d.skipped.map((s) => `Left out ${s.env}: ${s.reason}.`),
        ...d.notes.map((n) => `${n}.`),
    ];
    for (const n of notes)
        reporter.info(n);
    return { config: d.config, notes, localDefault: true };
}
/** Measure: through board control when the board switches boot modes, else straight. */
async function measure(config, options) {
    const connection = config.board.connection;
    if (!config.board.switch || connection.type !== 'ssh')
        return runBench(config, options);
    return withBoard({
        config: config.board,
        connect: () => new SshTransport(sshHostFromConfig(connection)),
        controller: new LocalTransport(),
        logDir: join(options.outDir, 'logs', 'board'),
        log: (line) => options.reporter.info(line),
        ...(options.signal ? { signal: options.signal } : {}),
    }, (board) => runBench(config, {
        ...options,
        board: () => board.transport(),
        switchBootMode: async (mode) => {
            await board.switchBootMode(mode);
        },
        restoreBootMode: false,
    }));
}

/**
 * avb-meta.json, written next to results.json in every results artifact: which PR and commit the
 * run measured. The `workflow_run` reporting pattern needs it because GitHub does not list fork
 * PRs in `workflow_run.pull_requests`; since a fork's run wrote it, the PR number is only used
 * after `pulls.get` confirms that PR's head is the commit the triggering run built.
 */
const META_FILE = 'avb-meta.json';
const Meta = object({
    schema: literal('arm-virt-bench/meta@1'),
    event: string().max(100),
    runId: number$1().int(),
    headSha: string().regex(/^[0-9a-f]{7,64}$/),
    pullNumber: number$1().int().positive().optional(),
});
async function writeMeta(dir, ctx) {
    const meta = {
        schema: 'arm-virt-bench/meta@1',
        event: ctx.eventName,
        runId: ctx.runId,
        headSha: ctx.headSha,
        ...(ctx.pullNumber !== undefined ? { pullNumber: ctx.pullNumber } : {}),
    };
    await writeFile(join(dir, META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
}
async function readMeta(dir) {
    try {
        const parsed = Meta.safeParse(JSON.parse(await readFile(join(dir, META_FILE), 'utf8')));
        return parsed.success ? parsed.data : undefined;
    }
    catch {
        return undefined;
    }
}
/** The PR a workflow_run report belongs to, or undefined (then: summary and check only). */
async function verifiedPullNumber(octokit, ctx, claimed) {
    if (claimed === undefined || !ctx.triggeringRun)
        return undefined;
    const { data } = await octokit.rest.pulls.get({ owner: ctx.owner, repo: ctx.repo, pull_number: claimed });
    return data.head.sha === ctx.triggeringRun.head_sha ? claimed : undefined;
}

/**
 * The job summary (GITHUB_STEP_SUMMARY): written on every run, first of all the publishing
 * steps, and kept under GitHub's 1 MiB per-step limit.
 */
/** GitHub refuses a step summary above 1 MiB (1024 KiB); keep a margin for the footer. */
const MAX_SUMMARY_BYTES = 1024 * 1024;
/** Cut text to at most maxBytes UTF-8 bytes, at a line end, with a note saying so. */
function clipToBytes(text, maxBytes, note) {
    if (Buffer.byteLength(text, 'utf8') <= maxBytes)
        return text;
    const budget = maxBytes - Buffer.byteLength(`\n\n${note}\n`, 'utf8');
    let cut = Buffer.from(text, 'utf8').subarray(0, Math.max(0, budget)).toString('utf8');
    // A cut multi-byte character decodes as U+FFFD: drop it, then back up to a line end.
    cut = cut.replace(/\uFFFD$/, '');
    const nl = cut.lastIndexOf('\n');
    if (nl > budget / 2)
        cut = cut.slice(0, nl);
    return `${cut}\n\n${note}\n`;
}
async function writeJobSummary(markdown, path = process.env.GITHUB_STEP_SUMMARY) {
    if (!path)
        return false;
    const text = clipToBytes(markdown, MAX_SUMMARY_BYTES - 1024, '_(summary cut at GitHub’s 1 MiB limit: the full report is in the artifact)_');
    await appendFile(path, text.endsWith('\n') ? text : `${text}\n`, 'utf8');
    return true;
}

/** GitHub rejects issue comments longer than this many characters. */
const MAX_COMMENT_CHARS = 65_536;
function commentMarker(key) {
    return `<!-- arm-virt-bench:sticky:${key} -->`;
}
/**
 * The login the token writes as. A personal or app-user token can ask `GET /user`; the workflow
 * token (an installation token) cannot (403), and writes as github-actions[bot].
 */
async function tokenLogin(octokit) {
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
    }
    catch {
        return 'github-actions[bot]';
    }
}
async function upsertStickyComment(octokit, t, markdown) {
    const body = `${t.marker}\n${markdown}`.slice(0, MAX_COMMENT_CHARS);
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        owner: t.owner,
        repo: t.repo,
        issue_number: t.issueNumber,
        per_page: 100,
    });
    const mine = comments.filter((c) => c.user?.login === t.author && (c.body ?? '').startsWith(t.marker));
    const existing = mine[mine.length - 1];
    if (existing) {
        if (existing.body === body)
            return { action: 'unchanged', id: existing.id, url: existing.html_url };
        const { data } = await octokit.rest.issues.updateComment({
            owner: t.owner,
            repo: t.repo,
            comment_id: existing.id,
            body,
        });
        return { action: 'updated', id: data.id, url: data.html_url };
    }
    const { data } = await octokit.rest.issues.createComment({
        owner: t.owner,
        repo: t.repo,
        issue_number: t.issueNumber,
        body,
    });
    return { action: 'created', id: data.id, url: data.html_url };
}

const MAX_ANNOTATIONS_PER_REQUEST = 50;
/** The API's limit for output.summary and output.text. */
const MAX_CHECK_TEXT = 65_535;
const clip = (s, n) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
function batches(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
async function publishCheckRun(octokit, spec) {
    const [first = [], ...rest] = batches(spec.annotations, MAX_ANNOTATIONS_PER_REQUEST);
    const output = (annotations) => ({
        title: clip(spec.title, 1000),
        summary: clip(spec.summary, MAX_CHECK_TEXT),
        annotations: annotations.map((a) => ({
            ...a,
            title: clip(a.title, 255),
            message: clip(a.message, 64_000),
        })),
    });
    const { data } = await octokit.rest.checks.create({
        owner: spec.owner,
        repo: spec.repo,
        name: spec.name,
        head_sha: spec.headSha,
        status: 'completed',
        conclusion: spec.conclusion,
        completed_at: new Date().toISOString(),
        ...(spec.detailsUrl ? { details_url: spec.detailsUrl } : {}),
        output: output(first),
    });
    for (const batch of rest) {
        await octokit.rest.checks.update({
            owner: spec.owner,
            repo: spec.repo,
            check_run_id: data.id,
            output: output(batch),
        });
    }
    return { id: data.id, url: data.html_url ?? '' };
}

function decide(analyses, failOn) {
    const overhead = analyses.reduce((n, a) => n + a.headline.overheadRegressions.length, 0);
    const absolute = analyses.reduce((n, a) => n + a.headline.regressions.length, 0);
    const compared = analyses.some((a) => a.headline.status !== 'no-baseline');
    const verdict = overhead > 0 ? 'overhead-regression' : absolute > 0 ? 'regression' : compared ? 'pass' : 'no-baseline';
    const fail = failOn === 'regression'
        ? overhead + absolute > 0
        : failOn === 'overhead-regression'
            ? overhead > 0
            : false;
    const conclusion = fail ? 'failure' : overhead + absolute > 0 ? 'neutral' : 'success';
    const parts = [];
    if (overhead > 0)
        parts.push(`${overhead} overhead regression${overhead === 1 ? '' : 's'}`);
    if (absolute > 0)
        parts.push(`${absolute} regression${absolute === 1 ? '' : 's'}`);
    const title = parts.length > 0
        ? parts.join(', ')
        : compared
            ? 'No regression against the baseline'
            : 'No baseline yet: overheads against the host only';
    return { verdict, regressions: overhead + absolute, fail, conclusion, title };
}
/**
 * The report phase collected nothing to compare. `unavailable` (the artifact service cannot be
 * used: GHES, an outage) is nobody's regression: a neutral check, the step does not fail.
 * `none` (nothing was uploaded under this artifact-name) is a broken workflow: it fails.
 */
function nothingCollected(kind, why) {
    const unavailable = kind === 'unavailable';
    return {
        verdict: 'skipped',
        regressions: 0,
        fail: !unavailable,
        conclusion: unavailable ? 'neutral' : 'failure',
        title: `Nothing to compare: ${why}`.slice(0, 200),
    };
}
/**
 * Check annotations need a file in the repository: they point at the config file (line 1),
 * which is what a reviewer opens to see what was measured.
 */
function annotationsFor(analyses, failOn, path) {
    const out = [];
    const at = { path, start_line: 1, end_line: 1 };
    for (const a of analyses) {
        for (const r of a.headline.overheadRegressions) {
            out.push({
                ...at,
                annotation_level: failOn === 'never' ? 'warning' : 'failure',
                title: `${a.current.board}: ${r.env} ${r.label} overhead regression`,
                message: r.sentence,
            });
        }
        for (const r of a.headline.regressions) {
            const change = r.change === null ? '' : ` (${(r.change * 100).toFixed(1)}% worse)`;
            out.push({
                ...at,
                annotation_level: failOn === 'regression' ? 'failure' : 'warning',
                title: `${a.current.board}: ${r.env} ${r.label} regression`,
                message: `${r.env} ${r.label}${change}${r.reason ? `: ${r.reason}` : ''}`,
            });
        }
        for (const f of a.failures) {
            out.push({
                ...at,
                annotation_level: 'warning',
                title: `${a.current.board}: ${f.env} ${f.suite} failed (${f.kinds.join(', ') || 'error'})`,
                message: f.message.slice(0, 2000),
            });
        }
    }
    return out;
}

/**
 * The action: reads inputs, then runs the phases.
 * - `run`: measure (unless a fork's PR), write results.json + raw logs, upload them as one artifact;
 * - `report`: collect every results artifact of this run (a matrix of boards) or of the run a
 *   `workflow_run` reports on, compare with the baseline, publish;
 * - `all` (default): both in one job.
 * Publishing order matters: job summary first (it never needs the API), then the PR comment and
 * the check run, each of which may fail (fork token, API down) without taking the rest along.
 */
/** A file-system-safe slug of a board name, for artifact and folder names. */
function slug(name) {
    return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'board';
}
async function main() {
    // First log line: bench/cold-start.ts measures the time to it.
    info(`arm-virt-bench ${TOOL_VERSION}`);
    try {
        await runAction();
    }
    catch (err) {
        setFailed(err instanceof Error ? err.message : String(err));
    }
}
async function runAction() {
    const inputs = readInputs();
    const ctx = readContext();
    const secrets = captureSecrets(inputs.githubToken);
    const env = {
        inputs,
        ctx,
        secrets,
        octokit: secrets.token ? createOctokit(secrets.token) : undefined,
        store: createArtifactStore(secrets),
        outDir: resolve(inputs.outDir),
    };
    let local;
    if (inputs.phase !== 'report') {
        const guard = forkGuard(ctx, inputs.allowFork);
        if (!guard.allowed) {
            setOutput('verdict', 'skipped');
            setOutput('regressions', '0');
            warning(guard.reason.split('\n')[0]);
            info(guard.reason);
            if (inputs.summary)
                await writeJobSummary(`## arm-virt-bench\n\n${guard.reason}\n`);
            return;
        }
        local = await runPhase(env);
        if (!local)
            return;
    }
    if (inputs.phase !== 'run')
        await reportPhase(env, local);
}
async function runPhase(env) {
    const { inputs, ctx, outDir } = env;
    const reporter = groupedReporter(core);
    const { config, notes } = await resolveRunConfig(inputs.config, inputs.environments, reporter);
    await mkdir(outDir, { recursive: true });
    const abort = new AbortController();
    // The runner cancels a job with SIGINT, then SIGTERM: stop measuring, keep what was measured.
    const onSignal = () => abort.abort(new Error('cancelled by the runner'));
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let results;
    let failure;
    try {
        // The reporter folds each environment and round into its own log group.
        results = await measure(config, {
            ...(inputs.environments.length > 0 ? { envs: inputs.environments } : {}),
            ...(inputs.preset ? { preset: inputs.preset } : {}),
            outDir,
            signal: abort.signal,
            reporter,
            ...(ctx.headSha ? { gitSha: ctx.headSha } : {}),
        });
    }
    catch (err) {
        failure = err;
    }
    finally {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
    }
    // results.json is written incrementally: after a crash it still holds what was measured.
    if (!results)
        results = await readResultsIn(join(outDir, RESULTS_FILE)).catch(() => undefined);
    if (results) {
        await writeReports(results, outDir).catch((err) => warning(`report files: ${err.message}`));
    }
    await writeMeta(outDir, ctx);
    setOutput('results', join(outDir, RESULTS_FILE));
    const boardName = results?.board.name ?? config.board.name;
    // Jobs that measure a subset of a board's environments (the reboot chain) need distinct names.
    const part = inputs.environments.length > 0 ? `-${slug(inputs.environments.join('+'))}` : '';
    const artifactName = `${inputs.artifactName}-${slug(boardName)}${part}`.slice(0, 100);
    let uploaded = false;
    if (await exists(join(outDir, RESULTS_FILE))) {
        try {
            const up = await env.store.upload(artifactName, outDir, inputs.retentionDays);
            info(`Uploaded artifact ${artifactName} (id ${up.id}, ${up.size} bytes)`);
            setOutput('artifact-id', String(up.id));
            uploaded = true;
        }
        catch (err) {
            const why = err instanceof ArtifactsUnavailableError ? err.message : `upload failed: ${firstLine(err)}`;
            warning(`${why}; the results stay in ${outDir}`);
            notes.push(`⚠️ The results and raw logs could not be uploaded as an artifact — ${escapeMarkdown(why, 400)}. They are on the runner in \`${escapeMarkdown(outDir, 300)}\`.`);
        }
    }
    if (inputs.phase === 'run' && inputs.summary && results) {
        const where = uploaded
            ? `results and raw logs in the artifact \`${artifactName}\`. The report job compares and publishes.`
            : 'nothing was uploaded (see below), so a report job has nothing to collect.';
        await writeJobSummary([
            `## arm-virt-bench: ${escapeMarkdown(boardName, 100)}`,
            '',
            `Measured ${results.samples.length} values in ${results.environments.length} environment(s), ${results.failures.length} failure(s); ${where}`,
            ...notes.flatMap((n) => ['', n]),
            '',
        ].join('\n'));
    }
    if (failure)
        throw failure;
    return results ? { results, notes } : undefined;
}
/**
 * Why the report phase has nothing to compare. `unavailable`: the artifact service could not be
 * used (GHES, an outage): nobody's fault here, a neutral check. `none`: nothing (usable) was
 * uploaded under this artifact-name: the workflow is wrong or every benchmark job failed.
 */
class CollectError extends Error {
    kind;
    name = 'CollectError';
    constructor(kind, message) {
        super(message);
        this.kind = kind;
    }
}
async function collect(env) {
    const { ctx, inputs, store } = env;
    const run = ctx.triggeringRun
        ? { runId: ctx.triggeringRun.id, owner: ctx.owner, repo: ctx.repo }
        : undefined;
    const unavailable = (err) => {
        throw new CollectError('unavailable', err instanceof ArtifactsUnavailableError
            ? err.message
            : `the artifact service failed: ${firstLine(err)}`);
    };
    const listed = await store.list(run).catch(unavailable);
    const artifacts = listed.filter((a) => isResultsArtifact(a.name, inputs.artifactName));
    if (artifacts.length === 0) {
        throw new CollectError('none', `no results artifact named ${inputs.artifactName}-* in run ${ctx.sourceRunId}: did the benchmark jobs (phase: run) upload with the same artifact-name?`);
    }
    const results = [];
    let claimedPull;
    for (const a of artifacts.sort((x, y) => x.name.localeCompare(y.name))) {
        const dir = join(env.outDir, 'collected', a.name);
        await rm(dir, { recursive: true, force: true });
        try {
            const { digestMismatch } = await store.download(a, dir, run);
            if (digestMismatch) {
                warning(`artifact ${a.name} failed its digest check: ignored`);
                continue;
            }
            results.push(await readResultsIn(dir));
        }
        catch (err) {
            if (err instanceof ArtifactsUnavailableError)
                unavailable(err);
            warning(`artifact ${a.name}: ${firstLine(err)}`);
            continue;
        }
        claimedPull ??= (await readMeta(dir))?.pullNumber;
    }
    if (results.length === 0)
        throw new CollectError('none', 'no usable results artifact (see the warnings above)');
    return { results: mergeByBoard(results), claimedPull };
}
/** The report phase could collect nothing: say why in the summary and a check run. */
async function publishNothing(env, err) {
    const { inputs, ctx } = env;
    const decision = nothingCollected(err.kind, err.message);
    const text = [
        '## arm-virt-bench',
        '',
        `**Nothing to compare:** the results of run ${ctx.sourceRunId} could not be collected — ${escapeMarkdown(err.message, 1000)}.`,
        '',
        err.kind === 'unavailable'
            ? 'Nothing was measured wrong and nothing failed here: the benchmark jobs keep their results on their runners (`out-dir`), and `phase: all` reports in the job that measured.'
            : 'Check that the benchmark jobs ran (`phase: run`) and upload with the same `artifact-name`.',
        '',
    ].join('\n');
    if (inputs.summary)
        await writeJobSummary(text);
    setDecisionOutputs(decision);
    await publishCheck(env, decision, text, []);
    if (decision.fail)
        setFailed(`arm-virt-bench: ${err.message}`);
    else
        warning(`arm-virt-bench: nothing to compare: ${err.message}`);
}
function setDecisionOutputs(decision) {
    setOutput('verdict', decision.verdict);
    setOutput('regressions', String(decision.regressions));
}
/** The check run on the PR head commit; a failure is a warning, never the end of the step. */
async function publishCheck(env, decision, summary, annotations) {
    const { inputs, ctx } = env;
    if (!inputs.check || !env.octokit || !ctx.headSha)
        return;
    const artifactUrl = runUrl(ctx);
    try {
        const check = await publishCheckRun(env.octokit, {
            owner: ctx.owner,
            repo: ctx.repo,
            name: inputs.checkName,
            headSha: ctx.headSha,
            conclusion: decision.conclusion,
            title: decision.title,
            summary,
            ...(artifactUrl ? { detailsUrl: artifactUrl } : {}),
            annotations,
        });
        setOutput('check-run-id', String(check.id));
        info(`Check run ${check.id}: ${decision.conclusion}`);
    }
    catch (err) {
        warning(publishFailure('the check run', err, ctx));
    }
}
async function loadBaseline(env) {
    const b = env.inputs.baseline;
    if (b.kind === 'none')
        return { byBoard: new Map(), note: 'No baseline: `baseline: none`.' };
    if (b.kind === 'path')
        return readBaselinePath(resolve(b.path));
    try {
        return await findAutoBaseline(env.octokit, env.store, env.ctx, env.inputs.artifactName, join(env.outDir, 'baseline'));
    }
    catch (err) {
        const why = err instanceof ArtifactsUnavailableError ? err.message : err.message.split('\n')[0];
        return { byBoard: new Map(), note: `No baseline yet: ${why}.` };
    }
}
async function reportPhase(env, local) {
    const { inputs, ctx, outDir } = env;
    let current;
    let claimedPull;
    if (local)
        current = [local.results];
    else {
        let c;
        try {
            c = await group('Collect results artifacts', () => collect(env));
        }
        catch (err) {
            if (err instanceof CollectError)
                return publishNothing(env, err);
            throw err;
        }
        current = c.results;
        claimedPull = c.claimedPull;
    }
    const baseline = await group('Baseline', () => loadBaseline(env));
    info(baseline.note);
    const analyses = [];
    for (const results of current) {
        const base = baseline.byBoard.get(results.board.name);
        analyses.push(analyze(results, {
            ...(base ? { baseline: base } : {}),
            minEffect: inputs.minEffect,
            alpha: inputs.alpha,
            correction: inputs.correction,
        }));
        const dir = current.length === 1 ? outDir : join(outDir, 'boards', slug(results.board.name));
        await writeReports(results, dir, {
            ...(base ? { baseline: base } : {}),
            minEffect: inputs.minEffect,
            alpha: inputs.alpha,
            correction: inputs.correction,
            ...(runUrl(ctx) ? { artifactUrl: runUrl(ctx) } : {}),
        }).catch((err) => warning(`report files: ${err.message}`));
    }
    const decision = decide(analyses, inputs.failOn);
    const artifactUrl = runUrl(ctx);
    const header = [...(local?.notes ?? []), baseline.note].map((n) => `${n}\n\n`).join('');
    const render = (flavor, budget) => header +
        analyses
            .map((a) => renderMarkdown(a, {
            flavor,
            ...(analyses.length > 1 ? { title: `arm-virt-bench: ${a.current.board}` } : {}),
            ...(budget ? { maxChars: Math.floor((budget - header.length) / analyses.length) - 10 } : {}),
            ...(artifactUrl ? { artifactUrl } : {}),
        }))
            .join('\n\n---\n\n');
    // 1. Job summary and report file: never depend on the API.
    const summaryMd = render('summary');
    const reportPath = join(outDir, 'summary.md');
    await mkdir(outDir, { recursive: true });
    await writeFile(reportPath, summaryMd);
    if (inputs.summary)
        await writeJobSummary(summaryMd);
    setOutput('report', reportPath);
    setDecisionOutputs(decision);
    if (!local)
        setOutput('results', current.map((r) => r.run.id).join('\n'));
    if (baseline.runId !== undefined)
        setOutput('baseline-run-id', String(baseline.runId));
    // 2. PR comment.
    let pull = ctx.pullNumber;
    if (pull === undefined && ctx.triggeringRun && env.octokit && claimedPull !== undefined) {
        pull = await verifiedPullNumber(env.octokit, ctx, claimedPull).catch((err) => {
            warning(`could not confirm PR #${claimedPull}: ${describeApiError(err)}`);
            return undefined;
        });
    }
    if (inputs.comment && pull !== undefined && env.octokit) {
        const octokit = env.octokit;
        const marker = commentMarker(inputs.artifactName);
        try {
            const author = await tokenLogin(octokit);
            const out = await upsertStickyComment(octokit, { owner: ctx.owner, repo: ctx.repo, issueNumber: pull, marker, author }, render('comment', MAX_COMMENT_CHARS - marker.length - 1));
            info(`PR comment ${out.action}: ${out.url}`);
            setOutput('comment-url', out.url);
        }
        catch (err) {
            warning(publishFailure('the PR comment', err, ctx));
        }
    }
    // 3. Check run on the PR head commit.
    await publishCheck(env, decision, render('comment', 60_000), annotationsFor(analyses, inputs.failOn, inputs.config));
    info(`Verdict: ${decision.verdict} (${decision.title})`);
    if (decision.fail)
        setFailed(`arm-virt-bench: ${decision.title} (fail-on: ${inputs.failOn})`);
}
function publishFailure(what, err, ctx) {
    const status = httpStatus(err);
    const hint = status === 403 || status === 404
        ? ctx.fromFork
            ? ' — a fork PR’s token is read-only: report from a workflow_run workflow instead'
            : ' — the token needs `pull-requests: write` (comment) and `checks: write` (check run)'
        : '';
    return `could not publish ${what}: ${describeApiError(err)}${hint}. The job summary and the artifact are unaffected.`;
}
function firstLine(err) {
    return (err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}
async function exists(path) {
    return stat(path).then(() => true, () => false);
}

/** The action's entry point (runs.main in action.yml). */
await main();
