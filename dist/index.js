import { mkdir, mkdtemp, stat, rm, readdir, readFile, writeFile, appendFile } from 'node:fs/promises';
import { join, dirname, resolve, normalize } from 'node:path';
import { s as setSecret, d as debug, B as BottleneckLight, g as getOctokit, r as retry, w as warning, i as info, a as setFailed, b as setOutput, c as group, e as core } from './chunks/index-DnNg5fi3.js';
import { T as TOOL_VERSION, m as escapeMarkdown, L as LocalTransport, o as runBench, s as stageName, w as writeReports, a as analyze, q as deployHeadline, t as headlineMarkdown, u as groupedReporter, b as renderMarkdown } from './chunks/provenance-D3PcUZW_.js';
import { d as string, e as array, o as object, _ as _enum, n as number$1, u as union, P as PRESET_NAMES, f as literal, N as NEVER, R as Results, l as loadConfigFile } from './chunks/source-BOQ60Nqm.js';
import { readFileSync, createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import 'node:crypto';
import 'node:net';
import 'node:os';
import 'node:child_process';
import 'node:string_decoder';
import 'node:timers/promises';
import 'node:dgram';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'http';
import 'https';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import 'net';
import 'tls';
import 'util';
import 'node:assert';
import 'node:http';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import './chunks/_commonjsHelpers-CtC9XygV.js';
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
/** Fingerprint keys (kernel, cgroupCpuLimit, toolVersions.netperf), comma/space/newline separated. */
const keyList = string()
    .transform((v) => v.split(/[\s,]+/).filter((s) => s.length > 0))
    .pipe(array(string().regex(/^[A-Za-z][A-Za-z0-9._-]*$/, 'fingerprint keys are letters, digits, . _ -')));
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
    expectChange: keyList,
    expectSame: keyList,
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
    expectChange: 'expect-change',
    expectSame: 'expect-same',
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
    expectChange: '',
    expectSame: '',
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
    // Loaded on first use, like @actions/artifact: a job that downloads nothing never parses it.
    const { default: yauzl } = await import('./chunks/index-CYh2UsG8.js').then(function (n) { return n.i; });
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
    artifactModule ??= import('./chunks/artifact-Blj3oaB8.js');
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
 * board with a boot-switch strategy or code to deploy is driven through board control (lock,
 * deploy, switch to Xen and back, recovery, back on the known-good), exactly as the CLI drives it.
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
    const { localDefaultConfig } = await import('./chunks/local-default-Dfl4toq3.js');
    const d = await localDefaultConfig(new LocalTransport(), envs.length > 0 ? { only: envs } : {});
    const envIds = d.config.environments
        .map((e) => e.id)
        .filter((id) => envs.length === 0 || envs.includes(id));
    const head = `No config file at \`${INPUT_DEFAULTS.config}\`: this run measured the runner's own machine with the embedded local default (${envIds.join(', ')}), as \`arm-virt-bench run\` does without --config. To measure a board, add a config there (start from \`${EXAMPLE_CONFIG}\`).`;
    // The reasons quote tool output (docker version) and paths: plain in the log, escaped for Markdown.
    const details = [...d.skipped.map((s) => `Left out ${s.env}: ${s.reason}`), ...d.notes];
    reporter.info(head);
    for (const line of details)
        reporter.info(line);
    return {
        config: d.config,
        notes: [head, ...details.map((line) => `${escapeMarkdown(line, 500)}.`)],
        localDefault: true,
    };
}
/**
 * Measure: through board control when the board switches boot modes or gets code under test
 * (deploy), else straight.
 */
async function measure(config, options) {
    const connection = config.board.connection;
    if (!config.deploy && (!config.board.switch || connection.type !== 'ssh'))
        return runBench(config, options);
    // Board control and deployment are loaded only when used (the action's cold start).
    const { runOnBoard } = await import('./chunks/board-run-4w2UjKa8.js');
    return runOnBoard(config, options);
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
    // A suite whose overhead grew is an overhead regression, as one of its cells would be.
    const overhead = analyses.reduce((n, a) => n + a.headline.overheadRegressions.length + (a.headline.aggregateRegressions?.length ?? 0), 0);
    const absolute = analyses.reduce((n, a) => n + a.headline.regressions.length, 0);
    const compared = analyses.some((a) => a.headline.status === 'ok' || a.headline.status === 'regression');
    // A baseline, but nothing could be compared (every cell incomparable): never a pass.
    const incomparable = analyses.filter((a) => a.headline.status === 'incomparable');
    const verdict = overhead > 0
        ? 'overhead-regression'
        : absolute > 0
            ? 'regression'
            : compared
                ? 'pass'
                : incomparable.length > 0
                    ? 'incomparable'
                    : 'no-baseline';
    const fail = failOn === 'regression'
        ? overhead + absolute > 0
        : failOn === 'overhead-regression'
            ? overhead > 0
            : false;
    const conclusion = fail
        ? 'failure'
        : overhead + absolute > 0 || incomparable.length > 0
            ? 'neutral'
            : 'success';
    const parts = [];
    if (overhead > 0)
        parts.push(`${overhead} overhead regression${overhead === 1 ? '' : 's'}`);
    if (absolute > 0)
        parts.push(`${absolute} regression${absolute === 1 ? '' : 's'}`);
    if (incomparable.length > 0) {
        const why = incomparable[0].headline.reason ?? 'nothing could be compared with the baseline';
        parts.push(analyses.length > 1 ? `${incomparable[0].current.board}: ${why}` : why.replace(/\.$/, ''));
    }
    const title = parts.length > 0
        ? parts.join('; ').slice(0, 1000)
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
        for (const r of a.headline.aggregateRegressions ?? []) {
            out.push({
                ...at,
                annotation_level: failOn === 'never' ? 'warning' : 'failure',
                title: `${a.current.board}: ${r.label} overhead regression (suite)`,
                message: r.sentence,
            });
        }
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
 * The code under test did not boot on a board (or could not be put on it): that decides before
 * any regression — what was measured there is the known-good, or nothing. It fails the step and
 * the check unless `fail-on: never` (then a neutral check).
 */
function withDeployment(decision, current, failOn) {
    const broken = current.filter((r) => r.deploy?.status === 'did-not-boot' || r.deploy?.status === 'failed');
    const first = broken[0];
    if (!first)
        return decision;
    const d = first.deploy;
    const boot = d.boots.find((b) => b.outcome !== 'booted');
    const more = broken.length > 1 ? ` (and ${broken.length - 1} more board${broken.length > 2 ? 's' : ''})` : '';
    const title = d.status === 'did-not-boot'
        ? `The change did not boot on ${first.board.name}: its ${boot?.mode ?? ''} boot stopped in ${stageName(boot?.stage)}${more}`
        : `The change could not be deployed to ${first.board.name}${more}`;
    const fail = failOn !== 'never';
    return {
        ...decision,
        verdict: d.status === 'did-not-boot' ? 'did-not-boot' : 'deploy-failed',
        fail,
        conclusion: fail ? 'failure' : 'neutral',
        title: title.replace(/\s+/g, ' ').slice(0, 200),
    };
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
// ---------------------------------------------------------------- run
/** What the run phase hands to the report phase of the same job. */
/**
 * How results are compared with the baseline: the inputs, plus the config's `analysis` lists
 * when the config is known (phase all); expect-change / expect-same add to them.
 */
function comparison(inputs, config) {
    return {
        minEffect: inputs.minEffect,
        alpha: inputs.alpha,
        correction: inputs.correction,
        expectChanges: [...(config?.analysis.expectChange ?? []), ...inputs.expectChange],
        expectSame: [...(config?.analysis.expectSame ?? []), ...inputs.expectSame],
    };
}
async function runPhase(env) {
    const { inputs, ctx, outDir } = env;
    const reporter = groupedReporter(core);
    const { config, notes } = await resolveRunConfig(inputs.config, inputs.environments, reporter);
    await mkdir(outDir, { recursive: true });
    // phase all: the baseline is known before measuring, so the engine can add rounds where the
    // comparison is suggestive but undecided (adaptive rounds); the report phase reuses it.
    const baseline = inputs.phase === 'all' ? await group('Baseline', () => loadBaseline(env)) : undefined;
    const boardBaseline = baseline?.byBoard.get(config.board.name);
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
            ...(boardBaseline ? { baseline: boardBaseline, analysis: comparison(inputs, config) } : {}),
            workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
            ...(changeLabel(ctx) ? { changeLabel: changeLabel(ctx) } : {}),
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
        await writeReports(results, outDir, { origin: 'action', logsDir: 'logs/' }).catch((err) => warning(`report files: ${err.message}`));
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
    return results ? { results, notes, config, ...(baseline ? { baseline } : {}) } : undefined;
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
    const baseline = local?.baseline ?? (await group('Baseline', () => loadBaseline(env)));
    info(baseline.note);
    const analyses = [];
    for (const results of current) {
        const base = baseline.byBoard.get(results.board.name);
        analyses.push(analyze(results, {
            ...(base ? { baseline: base } : {}),
            ...comparison(inputs, local?.config),
        }));
        const dir = current.length === 1 ? outDir : join(outDir, 'boards', slug(results.board.name));
        await writeReports(results, dir, {
            ...(base ? { baseline: base } : {}),
            ...comparison(inputs, local?.config),
            ...(runUrl(ctx) ? { artifactUrl: runUrl(ctx) } : {}),
            origin: 'action',
        }).catch((err) => warning(`report files: ${err.message}`));
    }
    // A change under test that did not boot decides first, and is the first line of everything.
    const decision = withDeployment(decide(analyses, inputs.failOn), current, inputs.failOn);
    const artifactUrl = runUrl(ctx);
    // A report that compared nothing says why in its first line, before anything else; a change
    // under test says what was deployed (or that it did not boot) right there too.
    const why = decision.verdict === 'incomparable' ? [`**⚠️ ${escapeMarkdown(decision.title, 1000)}**`] : [];
    const deployLines = current.flatMap((r) => {
        const h = deployHeadline(r, baseline.byBoard.get(r.board.name));
        return h ? [headlineMarkdown(h, (t) => escapeMarkdown(t, 1500))] : [];
    });
    const header = [...why, ...deployLines, ...(local?.notes ?? []), baseline.note]
        .map((n) => `${n}\n\n`)
        .join('');
    const render = (flavor, budget) => header +
        analyses
            .map((a) => renderMarkdown(a, {
            flavor,
            ...(analyses.length > 1 ? { title: `arm-virt-bench: ${a.current.board}` } : {}),
            ...(budget ? { maxChars: Math.floor((budget - header.length) / analyses.length) - 10 } : {}),
            ...(artifactUrl ? { artifactUrl } : {}),
            origin: 'action',
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
/** What the code under test is called in reports: `PR #42`, else the branch (`main`). */
function changeLabel(ctx) {
    if (ctx.pullNumber !== undefined)
        return `PR #${ctx.pullNumber}`;
    const ref = process.env.GITHUB_REF_NAME;
    return ref && /^[A-Za-z0-9._/-]{1,100}$/.test(ref) ? ref : undefined;
}
async function exists(path) {
    return stat(path).then(() => true, () => false);
}

/** The action's entry point (runs.main in action.yml). */
await main();
